package org.labelcritic.app.ui.cells;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.labelcritic.imaging.cells.CellPixels;

/** Turns greyscale cell pixels into an image for an ImageView (views only). */
final class CellImageViews {
  private CellImageViews() {}

  static Image toImage(CellPixels pixels) {
    if (pixels == null) {
      return null;
    }
    int[] argb = new int[pixels.width() * pixels.height()];
    byte[] grey = pixels.grey();
    for (int i = 0; i < argb.length; i++) {
      int g = grey[i] & 0xff;
      argb[i] = 0xff000000 | g << 16 | g << 8 | g;
    }
    WritableImage image = new WritableImage(pixels.width(), pixels.height());
    image
        .getPixelWriter()
        .setPixels(
            0,
            0,
            pixels.width(),
            pixels.height(),
            PixelFormat.getIntArgbInstance(),
            argb,
            0,
            pixels.width());
    return image;
  }
}
