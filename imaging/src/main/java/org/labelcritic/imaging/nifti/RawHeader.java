package org.labelcritic.imaging.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.labelcritic.imaging.volume.Affine;

/**
 * The fixed part of a NIfTI-1 (348 bytes) or NIfTI-2 (540 bytes) header decoded field by field,
 * before any validation. NIfTI-2 widens the same fields to 64 bits and moves them, so both layouts
 * end up in this one shape. Internal to the reader; arrays are never handed out.
 */
record RawHeader(
    int version,
    ByteOrder order,
    byte[] magic,
    long[] dim,
    double[] pixdim,
    int datatype,
    int bitpix,
    double voxOffset,
    double sclSlope,
    double sclInter,
    NiftiIntent intent,
    String descrip,
    int qformCode,
    int sformCode,
    double[] quatern,
    double[][] srow) {

  static final int NIFTI1_SIZE = 348;
  static final int NIFTI2_SIZE = 540;

  /** Decodes a NIfTI-1 header; {@code bytes} holds at least 348 bytes. */
  static RawHeader parseNifti1(byte[] bytes, ByteOrder order) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(order);
    long[] dim = new long[8];
    double[] pixdim = new double[8];
    for (int i = 0; i < 8; i++) {
      dim[i] = b.getShort(40 + 2 * i);
      pixdim[i] = b.getFloat(76 + 4 * i);
    }
    double[] quatern = new double[6];
    for (int i = 0; i < 6; i++) {
      quatern[i] = b.getFloat(256 + 4 * i);
    }
    double[][] srow = new double[3][4];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 4; c++) {
        srow[r][c] = b.getFloat(280 + 16 * r + 4 * c);
      }
    }
    NiftiIntent intent =
        new NiftiIntent(
            b.getShort(68), b.getFloat(56), b.getFloat(60), b.getFloat(64), text(bytes, 328, 16));
    return new RawHeader(
        1,
        order,
        slice(bytes, 344, 4),
        dim,
        pixdim,
        b.getShort(70),
        b.getShort(72),
        b.getFloat(108),
        b.getFloat(112),
        b.getFloat(116),
        intent,
        text(bytes, 148, 80),
        b.getShort(252),
        b.getShort(254),
        quatern,
        srow);
  }

  /** Decodes a NIfTI-2 header; {@code bytes} holds at least 540 bytes. */
  static RawHeader parseNifti2(byte[] bytes, ByteOrder order) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(order);
    long[] dim = new long[8];
    double[] pixdim = new double[8];
    for (int i = 0; i < 8; i++) {
      dim[i] = b.getLong(16 + 8 * i);
      pixdim[i] = b.getDouble(104 + 8 * i);
    }
    double[] quatern = new double[6];
    for (int i = 0; i < 6; i++) {
      quatern[i] = b.getDouble(352 + 8 * i);
    }
    double[][] srow = new double[3][4];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 4; c++) {
        srow[r][c] = b.getDouble(400 + 32 * r + 8 * c);
      }
    }
    NiftiIntent intent =
        new NiftiIntent(
            b.getInt(504), b.getDouble(80), b.getDouble(88), b.getDouble(96), text(bytes, 508, 16));
    return new RawHeader(
        2,
        order,
        slice(bytes, 4, 8),
        dim,
        pixdim,
        b.getShort(12),
        b.getShort(14),
        b.getLong(168),
        b.getDouble(176),
        b.getDouble(184),
        intent,
        text(bytes, 240, 80),
        b.getInt(344),
        b.getInt(348),
        quatern,
        srow);
  }

  int headerSize() {
    return version == 1 ? NIFTI1_SIZE : NIFTI2_SIZE;
  }

  NiftiQuaternion quaternion() {
    // pixdim[0] holds qfac; NIfTI treats anything but a negative value as +1.
    double qfac = pixdim[0] < 0 ? -1 : 1;
    return new NiftiQuaternion(
        quatern[0], quatern[1], quatern[2], quatern[3], quatern[4], quatern[5], qfac);
  }

  Affine sform() {
    return Affine.fromRows(srow[0], srow[1], srow[2]);
  }

  private static byte[] slice(byte[] bytes, int from, int length) {
    byte[] out = new byte[length];
    System.arraycopy(bytes, from, out, 0, length);
    return out;
  }

  /** A NUL-terminated fixed-width text field; Latin-1 so that any byte decodes. */
  private static String text(byte[] bytes, int from, int width) {
    int end = from;
    while (end < from + width && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, from, end - from, StandardCharsets.ISO_8859_1).strip();
  }
}
