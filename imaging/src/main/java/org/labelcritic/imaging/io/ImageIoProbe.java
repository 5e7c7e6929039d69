package org.labelcritic.imaging.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.importing.ImageProbe;

/** Reads an image's width and height from its header through ImageIO, without decoding pixels. */
public final class ImageIoProbe implements ImageProbe {

  @Override
  public Size size(Path image) throws LabelCriticException {
    if (!Files.isRegularFile(image)) {
      throw LabelCriticException.inFile(image, "file not found");
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
      if (in == null) {
        throw LabelCriticException.inFile(image, "cannot open the image");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw LabelCriticException.inFile(
            image, "is not an image format this program reads (PNG, JPEG, TIFF, BMP, GIF)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        if (w <= 0 || h <= 0) {
          throw LabelCriticException.inFile(image, "has an empty size " + w + "x" + h);
        }
        return new Size(w, h);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw LabelCriticException.inFile(
          image, "cannot read the image header: " + e.getMessage(), e);
    }
  }
}
