package org.labelcritic.imaging.nifti;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Counts the uncompressed bytes of a gzip file, over all its members. */
final class GzipLength {

  private GzipLength() {}

  /**
   * Inflates the whole file without keeping the output. Throws {@link java.io.EOFException} when
   * the stream is cut short and {@link java.util.zip.ZipException} when it is corrupt.
   */
  static long inflatedLength(Path file) throws IOException {
    byte[] buf = new byte[1 << 16];
    long total = 0;
    try (InputStream in =
        new GZIPInputStream(
            new BufferedInputStream(Files.newInputStream(file), 1 << 16), 1 << 16)) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        total += n;
      }
    }
    return total;
  }
}
