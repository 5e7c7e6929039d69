package org.labelcritic.imaging.demo;

import java.util.SplittableRandom;

/**
 * A census form page: a printed header and a grid of code boxes, each exactly one cell in size.
 * Printed parts are drawn as grey bars (no fonts), so pages are identical on every machine.
 */
final class FormPageLayout {
  static final int COLUMNS = 4;
  static final int ROWS = 6;
  static final int BOXES_PER_PAGE = COLUMNS * ROWS;
  private static final int MARGIN = 40;
  private static final int TOP = 100;
  private static final int GAP_X = 30;
  private static final int GAP_Y = 30;
  static final int WIDTH =
      2 * MARGIN + COLUMNS * CellComposer.WIDTH + (COLUMNS - 1) * GAP_X + MARGIN;
  static final int HEIGHT = TOP + ROWS * CellComposer.HEIGHT + (ROWS - 1) * GAP_Y + MARGIN;

  private FormPageLayout() {}

  /** The box of the {@code slot}-th cell placed on pages (0-based, filling pages row by row). */
  static PageBox box(int slot) {
    int page = slot / BOXES_PER_PAGE + 1;
    int onPage = slot % BOXES_PER_PAGE;
    int column = onPage % COLUMNS;
    int row = onPage / COLUMNS;
    int x = 2 * MARGIN + column * (CellComposer.WIDTH + GAP_X);
    int y = TOP + row * (CellComposer.HEIGHT + GAP_Y);
    return new PageBox(page, x, y, CellComposer.WIDTH, CellComposer.HEIGHT);
  }

  /** A blank printed page: paper, header bars, row labels and the empty box frames. */
  static GrayRaster blankPage(int page, SplittableRandom rng) {
    GrayRaster raster = new GrayRaster(WIDTH, HEIGHT);
    raster.fillPaper(240, 4, rng);
    raster.fillRect(MARGIN, 24, WIDTH - 2 * MARGIN, 3, 60);
    raster.fillRect(MARGIN, 36, 180, 10, 120);
    raster.fillRect(WIDTH - MARGIN - 60, 36, 60, 10, 120);
    // The page number as tally marks, so pages can be told apart without text.
    for (int i = 0; i < page; i++) {
      raster.fillRect(WIDTH - MARGIN - 60 + 8 * i, 54, 3, 12, 90);
    }
    raster.fillRect(MARGIN, TOP - 18, WIDTH - 2 * MARGIN, 1, 150);
    for (int slot = 0; slot < BOXES_PER_PAGE; slot++) {
      PageBox box = box(slot);
      raster.frame(box.x(), box.y(), box.w(), box.h(), 2, 70);
      if (slot % COLUMNS == 0) {
        raster.fillRect(MARGIN, box.y() + 14, 28, 8, 140);
      }
    }
    return raster;
  }
}
