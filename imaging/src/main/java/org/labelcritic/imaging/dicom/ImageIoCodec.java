package org.labelcritic.imaging.dicom;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.labelcritic.model.LabelCriticException;

/**
 * JPEG (TwelveMonkeys) and JPEG 2000 (jai-imageio) frames through ImageIO readers. The raw raster
 * is read (no colour conversion), its size checked against the header before the pixels are
 * decoded, and the samples written as little-endian bytes of the declared width.
 */
final class ImageIoCodec {
  private ImageIoCodec() {}

  static byte[] decode(Path file, byte[] stream, PixelFormat f, TransferSyntax ts, int frame)
      throws LabelCriticException {
    ImageReader reader = reader(file, ts);
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(stream))) {
      reader.setInput(in, true, true);
      int w = reader.getWidth(0);
      int h = reader.getHeight(0);
      if (w != f.columns() || h != f.rows()) {
        throw bad(
            file,
            ts,
            frame,
            "it is " + w + "x" + h + " but the header says " + f.columns() + "x" + f.rows());
      }
      Raster raster =
          reader.canReadRaster() ? reader.readRaster(0, null) : reader.read(0).getRaster();
      if (raster.getNumBands() != f.samples()) {
        throw bad(
            file,
            ts,
            frame,
            "it has " + raster.getNumBands() + " components, the header says " + f.samples());
      }
      int[] px = raster.getPixels(raster.getMinX(), raster.getMinY(), w, h, (int[]) null);
      int bps = f.bytesPerSample();
      byte[] out = new byte[(int) f.frameBytes()];
      for (int n = 0; n < px.length; n++) {
        int v = px[n];
        for (int k = 0; k < bps; k++) {
          out[n * bps + k] = (byte) (v >>> (8 * k));
        }
      }
      return out;
    } catch (IOException | RuntimeException e) {
      throw LabelCriticException.inFile(
          file, "cannot decode " + ts.title() + " frame " + (frame + 1) + ": " + e.getMessage(), e);
    } finally {
      reader.dispose();
    }
  }

  private static ImageReader reader(Path file, TransferSyntax ts) throws LabelCriticException {
    String format = ts.codec() == TransferSyntax.Codec.JPEG ? "jpeg" : "jpeg2000";
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
    ImageReader chosen = null;
    while (readers.hasNext()) {
      ImageReader r = readers.next();
      // TwelveMonkeys' JPEG reader handles lossless and 12-bit streams the JDK one refuses.
      if (chosen == null || r.getClass().getName().startsWith("com.twelvemonkeys")) {
        if (chosen != null) {
          chosen.dispose();
        }
        chosen = r;
      } else {
        r.dispose();
      }
    }
    if (chosen == null) {
      throw LabelCriticException.inFile(
          file,
          "no " + format + " decoder on the class path for " + TransferSyntax.describe(ts.uid()));
    }
    return chosen;
  }

  private static LabelCriticException bad(Path file, TransferSyntax ts, int frame, String what) {
    return LabelCriticException.inFile(
        file, "cannot decode " + ts.title() + " frame " + (frame + 1) + ": " + what);
  }
}
