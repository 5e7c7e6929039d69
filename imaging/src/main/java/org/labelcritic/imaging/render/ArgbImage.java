package org.labelcritic.imaging.render;

import java.util.Objects;

/**
 * A rendered image: {@code width * height} pixels, row by row from the top left, each packed as
 * 0xAARRGGBB.
 *
 * @param mmPerPixel the size of one pixel in millimetres (pixels are square)
 */
public record ArgbImage(int width, int height, int[] pixels, double mmPerPixel) {
  public ArgbImage {
    Objects.requireNonNull(pixels, "pixels");
    if (width <= 0 || height <= 0 || pixels.length != width * height) {
      throw new IllegalArgumentException(
          "image " + width + "x" + height + " needs " + width * height + " pixels");
    }
  }

  public int pixel(int x, int y) {
    return pixels[x + width * y];
  }
}
