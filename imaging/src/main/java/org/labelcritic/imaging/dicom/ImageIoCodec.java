package org.labelcritic.imaging.dicom;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.labelcritic.model.LabelCriticException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JPEG (TwelveMonkeys) and JPEG 2000 (jai-imageio) frames through ImageIO readers. The raw raster
 * is read (no colour conversion), its size checked against the header before the pixels are
 * decoded, and the samples written as little-endian bytes of the declared width.
 */
final class ImageIoCodec {
  private static final Logger LOG = LoggerFactory.getLogger(ImageIoCodec.class);

  /**
   * How long one frame may take to decode, in milliseconds ({@code -Dlcw.codec.timeoutMs}). A
   * damaged JPEG 2000 stream can make jai-imageio's decoder loop forever without heeding
   * interrupts; such a decode is abandoned after this time and the frame reported as undecodable.
   */
  static final long TIMEOUT_MS = Long.getLong("lcw.codec.timeoutMs", 30_000L);

  private static final AtomicInteger ABANDONED = new AtomicInteger();

  private ImageIoCodec() {}

  /**
   * Decodes one frame on a daemon thread and waits at most {@link #TIMEOUT_MS}. The codecs are
   * third-party code that a crafted stream can send into an endless loop (found by fuzzing); Java
   * cannot stop such a thread, so it is abandoned (logged) and the caller gets a clear error
   * instead of a read that never returns.
   */
  static byte[] decode(Path file, byte[] stream, PixelFormat f, TransferSyntax ts, int frame)
      throws LabelCriticException {
    return decode(file, stream, f, ts, frame, TIMEOUT_MS);
  }

  static byte[] decode(
      Path file, byte[] stream, PixelFormat f, TransferSyntax ts, int frame, long timeoutMs)
      throws LabelCriticException {
    FutureTask<byte[]> task = new FutureTask<>(() -> decodeNow(file, stream, f, ts, frame));
    Thread t = new Thread(task, "lcw-codec-" + ts.codec().name().toLowerCase(Locale.ROOT));
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
    try {
      return task.get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      int n = ABANDONED.incrementAndGet();
      LOG.warn(
          "Abandoned the {} decoder on {} frame {} after {} ms ({} abandoned so far)",
          ts.title(),
          file,
          frame + 1,
          timeoutMs,
          n);
      throw bad(
          file,
          ts,
          frame,
          "the decoder did not finish within "
              + timeoutMs / 1000.0
              + " s; the compressed data is probably damaged");
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw bad(file, ts, frame, "interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof LabelCriticException l) {
        throw l;
      }
      throw LabelCriticException.inFile(
          file,
          "cannot decode " + ts.title() + " frame " + (frame + 1) + ": " + e.getCause(),
          e.getCause());
    }
  }

  private static byte[] decodeNow(
      Path file, byte[] stream, PixelFormat f, TransferSyntax ts, int frame)
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
