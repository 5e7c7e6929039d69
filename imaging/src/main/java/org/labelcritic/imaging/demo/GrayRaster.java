package org.labelcritic.imaging.demo;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.labelcritic.imaging.cells.CellPixels;
import org.labelcritic.model.LabelCriticException;

/**
 * An 8-bit greyscale picture drawn pixel by pixel (no fonts, no antialiasing), so that the same
 * seed gives the same bytes on every machine.
 */
final class GrayRaster {
  private final int width;
  private final int height;
  private final byte[] pixels;

  GrayRaster(int width, int height) {
    this.width = width;
    this.height = height;
    this.pixels = new byte[width * height];
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  int get(int x, int y) {
    return pixels[y * width + x] & 0xff;
  }

  void set(int x, int y, int value) {
    if (x >= 0 && y >= 0 && x < width && y < height) {
      pixels[y * width + x] = (byte) Math.clamp(value, 0, 255);
    }
  }

  /** Off-white paper: a base brightness with a little grain. */
  void fillPaper(int base, int grain, SplittableRandom rng) {
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) Math.clamp(base + rng.nextInt(-grain, grain + 1), 0, 255);
    }
  }

  /**
   * Lays ink over the paper where the stroke mask is set: a full stroke (255) becomes {@code ink},
   * partial strokes blend with the paper, as a pen line with soft edges.
   */
  void stamp(byte[] strokes, int size, int x0, int y0, int ink) {
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int s = strokes[y * size + x] & 0xff;
        int px = x0 + x;
        int py = y0 + y;
        if (s == 0 || px < 0 || py < 0 || px >= width || py >= height) {
          continue;
        }
        int paper = get(px, py);
        set(px, py, Math.min(paper, paper - (paper - ink) * s / 255));
      }
    }
  }

  /** The pixels as a cell image for the transcription models (shared, not copied). */
  CellPixels pixels() {
    return new CellPixels(width, height, pixels);
  }

  void fillRect(int x0, int y0, int w, int h, int value) {
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        set(x, y, value);
      }
    }
  }

  /** A rectangle outline of the given thickness drawn just outside the box. */
  void frame(int x0, int y0, int w, int h, int thickness, int value) {
    fillRect(x0 - thickness, y0 - thickness, w + 2 * thickness, thickness, value);
    fillRect(x0 - thickness, y0 + h, w + 2 * thickness, thickness, value);
    fillRect(x0 - thickness, y0, thickness, h, value);
    fillRect(x0 + w, y0, thickness, h, value);
  }

  /** Copies all of {@code source} into this raster with its top-left corner at (x0, y0). */
  void paste(GrayRaster source, int x0, int y0) {
    for (int y = 0; y < source.height; y++) {
      for (int x = 0; x < source.width; x++) {
        set(x0 + x, y0 + y, source.get(x, y));
      }
    }
  }

  void writePng(Path file) throws LabelCriticException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    System.arraycopy(pixels, 0, target, 0, pixels.length);
    try {
      if (!ImageIO.write(image, "png", file.toFile())) {
        throw LabelCriticException.inFile(file, "no PNG writer is available");
      }
    } catch (IOException e) {
      throw LabelCriticException.inFile(file, "cannot write the image", e);
    }
  }
}
