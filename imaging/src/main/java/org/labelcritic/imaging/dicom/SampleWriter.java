package org.labelcritic.imaging.dicom;

import java.nio.ByteBuffer;

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
    ByteBuffer b = in.data();
    if (f.bitsStored() == 16 && !f.inverted()) {
      b.asShortBuffer().get(dst, at, pixels);
      return;
    }
    for (int n = 0; n < pixels; n++) {
      dst[at + n] = (short) normalise(b.getShort(2 * n) & 0xFFFF);
    }
  }

  void toBytes(FrameSource.RawFrame in, byte[] dst, int at) {
    ByteBuffer b = in.data();
    for (int n = 0; n < pixels; n++) {
      dst[at + n] = (byte) normalise(b.get(n) & 0xFF);
    }
  }

  void toFloats(FrameSource.RawFrame in, float[] dst, int at) {
    ByteBuffer b = in.data();
    for (int n = 0; n < pixels; n++) {
      if (f.floatBytes() == 4) {
        dst[at + n] = b.getFloat(4 * n);
      } else if (f.floatBytes() == 8) {
        dst[at + n] = (float) b.getDouble(8 * n);
      } else {
        dst[at + n] = normalise(b.getInt(4 * n) & 0xFFFFFFFFL);
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
