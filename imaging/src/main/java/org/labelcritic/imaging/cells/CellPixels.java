package org.labelcritic.imaging.cells;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.labelcritic.model.LabelCriticException;

/**
 * An 8-bit greyscale cell image, dark ink on light paper, row-major.
 *
 * @param grey {@code width * height} bytes, 0 black .. 255 white; not copied, do not modify
 */
public record CellPixels(int width, int height, byte[] grey) {
  public CellPixels {
    Objects.requireNonNull(grey, "grey");
    if (width <= 0 || height <= 0 || grey.length != width * height) {
      throw new IllegalArgumentException(
          "a %dx%d image needs %d pixels, not %d"
              .formatted(width, height, width * height, grey.length));
    }
  }

  public int get(int x, int y) {
    return grey[y * width + x] & 0xff;
  }

  /**
   * Reads an image file as greyscale (colour images are converted by luminance), optionally cut to
   * a box.
   *
   * @param box {@code {x, y, w, h}}, or null for the whole image
   * @throws LabelCriticException naming the file when it is missing, not an image, or the box does
   *     not lie inside it
   */
  public static CellPixels read(Path file, int[] box) throws LabelCriticException {
    if (!Files.isRegularFile(file)) {
      throw LabelCriticException.inFile(file, "the cell image is missing");
    }
    BufferedImage image;
    try {
      image = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw LabelCriticException.inFile(file, "is not a readable image", e);
    }
    if (image == null) {
      throw LabelCriticException.inFile(file, "is not a readable image");
    }
    int x0 = 0;
    int y0 = 0;
    int w = image.getWidth();
    int h = image.getHeight();
    if (box != null) {
      if (box[0] < 0
          || box[1] < 0
          || box[2] <= 0
          || box[3] <= 0
          || box[0] + box[2] > w
          || box[1] + box[3] > h) {
        throw LabelCriticException.inFile(
            file,
            "the box %d,%d,%d,%d lies outside the %dx%d image"
                .formatted(box[0], box[1], box[2], box[3], w, h));
      }
      x0 = box[0];
      y0 = box[1];
      w = box[2];
      h = box[3];
    }
    byte[] grey = new byte[w * h];
    // One grey band: take the stored values (getRGB would apply a gamma conversion to them). A
    // palette image also has one 8-bit band, but its values are indices into the palette.
    boolean oneBand =
        image.getRaster().getNumBands() == 1
            && image.getColorModel().getPixelSize() == 8
            && !(image.getColorModel() instanceof IndexColorModel);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (oneBand) {
          grey[y * w + x] = (byte) image.getRaster().getSample(x0 + x, y0 + y, 0);
          continue;
        }
        int rgb = image.getRGB(x0 + x, y0 + y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        grey[y * w + x] = (byte) ((299 * r + 587 * g + 114 * b + 500) / 1000);
      }
    }
    return new CellPixels(w, h, grey);
  }
}
