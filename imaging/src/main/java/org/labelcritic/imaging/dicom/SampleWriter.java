package org.labelcritic.imaging.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns one greyscale frame's raw bytes into voxel values: the stored bits are taken per BitsStored
 * and HighBit (junk in the unused high bits is dropped), sign-extended for signed data, and
 * MONOCHROME1 is inverted so that larger values are brighter. Uncompressed 16-bit data whose bits
 * are all significant takes a bulk copy.
 */
final class SampleWriter {
  private final PixelFormat f;
  private final int pixels;
  private final int shift;
  private final long mask;
  private final long signBit;

  SampleWriter(PixelFormat format) {
    this.f = format;
    this.pixels = (int) format.pixelsPerFrame();
    this.shift = format.highBit() + 1 - format.bitsStored();
    this.mask = (1L << format.bitsStored()) - 1;
    this.signBit = 1L << (format.bitsStored() - 1);
  }

  void toShorts(FrameSource.RawFrame in, short[] dst, int at) {
    byte[] b = in.bytes();
    int p = in.offset();
    if (f.bitsStored() == 16 && !f.inverted()) {
      ByteBuffer.wrap(b, p, 2 * pixels)
          .order(in.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
          .asShortBuffer()
          .get(dst, at, pixels);
      return;
    }
    for (int n = 0; n < pixels; n++, p += 2) {
      int raw =
          in.bigEndian()
              ? (b[p] & 0xFF) << 8 | b[p + 1] & 0xFF
              : (b[p + 1] & 0xFF) << 8 | b[p] & 0xFF;
      dst[at + n] = (short) normalise(raw);
    }
  }

  void toBytes(FrameSource.RawFrame in, byte[] dst, int at) {
    byte[] b = in.bytes();
    int p = in.offset();
    for (int n = 0; n < pixels; n++) {
      dst[at + n] = (byte) normalise(b[p + n] & 0xFF);
    }
  }

  void toFloats(FrameSource.RawFrame in, float[] dst, int at) {
    ByteBuffer buf =
        ByteBuffer.wrap(in.bytes())
            .order(in.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    int p = in.offset();
    for (int n = 0; n < pixels; n++) {
      if (f.floatBytes() == 4) {
        dst[at + n] = buf.getFloat(p + 4 * n);
      } else if (f.floatBytes() == 8) {
        dst[at + n] = (float) buf.getDouble(p + 8 * n);
      } else {
        dst[at + n] = normalise(buf.getInt(p + 4 * n) & 0xFFFFFFFFL);
      }
    }
  }

  /** Stored bits only, sign-extended, inverted for MONOCHROME1. */
  private long normalise(long raw) {
    long v = (raw >>> shift) & mask;
    if (f.signed() && (v & signBit) != 0) {
      v -= mask + 1;
    }
    if (f.inverted()) {
      v = f.signed() ? ~v : mask - v;
    }
    return v;
  }
}
