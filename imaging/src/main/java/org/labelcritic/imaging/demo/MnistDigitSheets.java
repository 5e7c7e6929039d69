package org.labelcritic.imaging.demo;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.labelcritic.model.LabelCriticException;

/**
 * The ten MNIST sprite sheets {@code digit-<d>.png}: tiles of 28x28 px, 40 per row, row-major,
 * white digit on black. The last row of a sheet is partly empty, so the tile count of each class is
 * fixed here rather than derived from the sheet height.
 */
final class MnistDigitSheets {
  static final int TILE = 28;
  static final int TILES_PER_ROW = 40;
  private static final int[] TILE_COUNTS = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};

  /**
   * Greyscale tile values (0 = background, 255 = full stroke), per class, tile, row-major pixel.
   */
  private final byte[][][] tiles;

  private MnistDigitSheets(byte[][][] tiles) {
    this.tiles = tiles;
  }

  /** Reads {@code digit-0.png} .. {@code digit-9.png} from {@code dir}. */
  static MnistDigitSheets read(Path dir) throws LabelCriticException {
    byte[][][] tiles = new byte[10][][];
    for (int digit = 0; digit < 10; digit++) {
      tiles[digit] = readSheet(dir.resolve("digit-" + digit + ".png"), TILE_COUNTS[digit]);
    }
    return new MnistDigitSheets(tiles);
  }

  static int tileCount(int digit) {
    return TILE_COUNTS[digit];
  }

  /** The tile's pixels, row-major, 28x28; 0 is background, 255 full stroke. Do not modify. */
  byte[] tile(int digit, int index) {
    return tiles[digit][index];
  }

  private static byte[][] readSheet(Path file, int count) throws LabelCriticException {
    if (!Files.isRegularFile(file)) {
      throw LabelCriticException.inFile(file, "MNIST sprite sheet is missing");
    }
    BufferedImage sheet;
    try {
      sheet = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw LabelCriticException.inFile(file, "MNIST sprite sheet is not a readable PNG image", e);
    }
    if (sheet == null) {
      throw LabelCriticException.inFile(file, "MNIST sprite sheet is not a readable PNG image");
    }
    int rows = (count + TILES_PER_ROW - 1) / TILES_PER_ROW;
    int needWidth = TILES_PER_ROW * TILE;
    int needHeight = rows * TILE;
    if (sheet.getWidth() != needWidth || sheet.getHeight() < needHeight) {
      throw LabelCriticException.inFile(
          file,
          "MNIST sprite sheet is %dx%d px; expected %d px wide and at least %d px high for %d tiles"
              .formatted(sheet.getWidth(), sheet.getHeight(), needWidth, needHeight, count));
    }
    Raster raster = sheet.getRaster();
    byte[][] result = new byte[count][TILE * TILE];
    for (int i = 0; i < count; i++) {
      int x0 = (i % TILES_PER_ROW) * TILE;
      int y0 = (i / TILES_PER_ROW) * TILE;
      for (int y = 0; y < TILE; y++) {
        for (int x = 0; x < TILE; x++) {
          result[i][y * TILE + x] = (byte) raster.getSample(x0 + x, y0 + y, 0);
        }
      }
    }
    return result;
  }
}
