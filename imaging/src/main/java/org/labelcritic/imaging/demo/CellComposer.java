package org.labelcritic.imaging.demo;

import java.util.SplittableRandom;

/**
 * Writes a 3-digit code into a cell image the way a census clerk would: three real handwritten
 * digits with uneven spacing, a wandering baseline and varying pen darkness, as dark ink on paper.
 */
final class CellComposer {
  static final int WIDTH = 100;
  static final int HEIGHT = 40;
  private static final int TILE = MnistDigitSheets.TILE;

  private final MnistDigitSheets sheets;
  private final DigitTilePool tiles;
  private final SplittableRandom rng;

  CellComposer(MnistDigitSheets sheets, DigitTilePool tiles, SplittableRandom rng) {
    this.sheets = sheets;
    this.tiles = tiles;
    this.rng = rng;
  }

  GrayRaster compose(String code) {
    GrayRaster cell = new GrayRaster(WIDTH, HEIGHT);
    cell.fillPaper(244, 5, rng);
    // MNIST tiles have a 4 px empty border, so a negative gap still leaves the digits apart.
    int[] gaps = {rng.nextInt(-6, 5), rng.nextInt(-6, 5)};
    int written = 3 * TILE + gaps[0] + gaps[1];
    int x = rng.nextInt(0, WIDTH - written + 1);
    int baseline = rng.nextInt(3, HEIGHT - TILE - 2);
    int ink = rng.nextInt(15, 80);
    for (int i = 0; i < code.length(); i++) {
      int digit = code.charAt(i) - '0';
      int y = Math.clamp(baseline + rng.nextInt(-2, 3), 0, HEIGHT - TILE);
      int digitInk = Math.clamp(ink + rng.nextInt(-10, 11), 0, 120);
      cell.stamp(sheets.tile(digit, tiles.next(digit)), TILE, x, y, digitInk);
      x += TILE + (i < gaps.length ? gaps[i] : 0);
    }
    return cell;
  }
}
