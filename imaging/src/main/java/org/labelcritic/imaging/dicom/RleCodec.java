package org.labelcritic.imaging.dicom;

import java.nio.file.Path;
import org.labelcritic.model.LabelCriticException;

/**
 * DICOM RLE Lossless (PS3.5 annex G): a 64-byte header with up to 15 segment offsets, then one
 * PackBits-compressed segment per byte plane, most significant byte of each sample first. Decodes
 * into little-endian, sample-interleaved bytes; output never grows past the frame size.
 */
final class RleCodec {
  private static final int HEADER = 64;

  private RleCodec() {}

  static byte[] decode(Path file, byte[] in, int off, int len, PixelFormat f, int frame)
      throws LabelCriticException {
    if (len < HEADER) {
      throw bad(file, frame, "the RLE header needs 64 bytes, the frame has " + len);
    }
    int segments = (int) u32(in, off);
    int bps = f.bytesPerSample();
    int expected = f.samples() * bps;
    if (segments != expected) {
      throw bad(
          file, frame, "it has " + segments + " RLE segments, the pixel format needs " + expected);
    }
    int pixels = (int) f.pixelsPerFrame();
    byte[] out = new byte[(int) f.frameBytes()];
    for (int s = 0; s < segments; s++) {
      long start = u32(in, off + 4 + 4 * s);
      long stop = s + 1 < segments ? u32(in, off + 8 + 4 * s) : len;
      if (start < HEADER || stop > len || start > stop) {
        throw bad(file, frame, "RLE segment " + (s + 1) + " lies outside the fragment");
      }
      int sample = s / bps;
      int byteInSample = bps - 1 - s % bps;
      int decoded =
          unpack(
              in,
              off + (int) start,
              off + (int) stop,
              out,
              sample * bps + byteInSample,
              f.samples() * bps,
              pixels);
      if (decoded < pixels) {
        throw bad(
            file,
            frame,
            "RLE segment " + (s + 1) + " holds " + decoded + " of " + pixels + " pixels");
      }
    }
    return out;
  }

  /** PackBits into every {@code stride}-th byte of {@code out}; returns the bytes produced. */
  private static int unpack(
      byte[] in, int from, int to, byte[] out, int first, int stride, int count) {
    int n = 0;
    int p = from;
    while (p < to && n < count) {
      int header = in[p++];
      if (header >= 0) {
        int run = Math.min(header + 1, Math.min(to - p, count - n));
        for (int k = 0; k < run; k++) {
          out[first + (n++) * stride] = in[p++];
        }
      } else if (header != -128) {
        if (p >= to) {
          break;
        }
        byte v = in[p++];
        int run = Math.min(1 - header, count - n);
        for (int k = 0; k < run; k++) {
          out[first + (n++) * stride] = v;
        }
      }
    }
    return n;
  }

  private static long u32(byte[] b, int at) {
    return (b[at] & 0xFFL)
        | (b[at + 1] & 0xFFL) << 8
        | (b[at + 2] & 0xFFL) << 16
        | (b[at + 3] & 0xFFL) << 24;
  }

  private static LabelCriticException bad(Path file, int frame, String what) {
    return LabelCriticException.inFile(
        file, "cannot decode RLE frame " + (frame + 1) + ": " + what);
  }
}
