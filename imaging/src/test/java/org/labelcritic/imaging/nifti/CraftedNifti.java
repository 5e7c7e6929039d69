package org.labelcritic.imaging.nifti;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes small NIfTI files with chosen (possibly wrong) header fields, so that tests can craft
 * broken input in a temporary folder instead of committing it. Defaults: a valid little-endian
 * NIfTI-1 uint8 image of 2x3x4 voxels, 1 mm, no qform/sform.
 */
final class CraftedNifti {
  int version = 1;
  ByteOrder order = ByteOrder.LITTLE_ENDIAN;
  long[] dim = {3, 2, 3, 4, 1, 1, 1, 1};
  double[] pixdim = {1, 1, 1, 1, 1, 1, 1, 1};
  int datatype = 2;
  int bitpix = 8;
  double voxOffset = -1; // -1: header + extender + extensions
  int qformCode;
  int sformCode;
  double[] quatern = new double[6];
  double[][] srow = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}};
  String magic;
  byte[][] extensions = {};
  int[] extensionCodes = {};
  long dataBytes = -1; // -1: as declared

  static Path resource(String name) {
    try {
      return Path.of(CraftedNifti.class.getResource("/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("test resource missing: " + name, e);
    }
  }

  CraftedNifti dims(long... dims) {
    dim = new long[] {dims.length, 1, 1, 1, 1, 1, 1, 1};
    System.arraycopy(dims, 0, dim, 1, dims.length);
    return this;
  }

  CraftedNifti extension(int code, byte[] payload) {
    extensions = new byte[][] {payload};
    extensionCodes = new int[] {code};
    return this;
  }

  byte[] bytes() {
    int headerSize = version == 1 ? 348 : 540;
    ByteArrayOutputStream ext = new ByteArrayOutputStream();
    for (int i = 0; i < extensions.length; i++) {
      int esize = (extensions[i].length + 8 + 15) / 16 * 16;
      ByteBuffer e = ByteBuffer.allocate(esize).order(order);
      e.putInt(esize).putInt(extensionCodes[i]).put(extensions[i]);
      ext.writeBytes(e.array());
    }
    long offset = voxOffset >= 0 ? (long) voxOffset : headerSize + 4 + ext.size();
    long data = dataBytes >= 0 ? dataBytes : declaredDataBytes();
    ByteBuffer b = ByteBuffer.allocate((int) (headerSize + 4 + ext.size() + data)).order(order);
    if (version == 1) {
      writeNifti1(b, offset);
    } else {
      writeNifti2(b, offset);
    }
    b.position(headerSize);
    b.put((byte) (extensions.length > 0 ? 1 : 0)).put(new byte[3]).put(ext.toByteArray());
    return b.array();
  }

  private long declaredDataBytes() {
    long n = 1;
    for (int i = 1; i <= Math.min(dim[0], 7); i++) {
      n *= Math.max(0, dim[i]);
    }
    return n * Math.max(1, bitpix / 8);
  }

  private void writeNifti1(ByteBuffer b, long offset) {
    b.putInt(0, 348);
    for (int i = 0; i < 8; i++) {
      b.putShort(40 + 2 * i, (short) dim[i]);
      b.putFloat(76 + 4 * i, (float) pixdim[i]);
    }
    b.putShort(70, (short) datatype).putShort(72, (short) bitpix);
    b.putFloat(108, voxOffset >= 0 ? (float) voxOffset : offset).putFloat(112, 1);
    b.putShort(252, (short) qformCode).putShort(254, (short) sformCode);
    for (int i = 0; i < 6; i++) {
      b.putFloat(256 + 4 * i, (float) quatern[i]);
    }
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 4; c++) {
        b.putFloat(280 + 16 * r + 4 * c, (float) srow[r][c]);
      }
    }
    b.put(344, (magic != null ? magic : "n+1\0").getBytes(), 0, 4);
  }

  private void writeNifti2(ByteBuffer b, long offset) {
    b.putInt(0, 540);
    b.put(4, (magic != null ? magic : "n+2\0\r\n\u001a\n").getBytes(), 0, 8);
    b.putShort(12, (short) datatype).putShort(14, (short) bitpix);
    for (int i = 0; i < 8; i++) {
      b.putLong(16 + 8 * i, dim[i]);
      b.putDouble(104 + 8 * i, pixdim[i]);
    }
    b.putLong(168, offset).putDouble(176, 1);
    b.putInt(344, qformCode).putInt(348, sformCode);
    for (int i = 0; i < 6; i++) {
      b.putDouble(352 + 8 * i, quatern[i]);
    }
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 4; c++) {
        b.putDouble(400 + 32 * r + 8 * c, srow[r][c]);
      }
    }
  }

  Path writeNii(Path dir, String name) {
    return write(dir.resolve(name), bytes());
  }

  Path writeGz(Path dir, String name) {
    return write(dir.resolve(name), gzip(bytes()));
  }

  static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static Path write(Path file, byte[] bytes) {
    try {
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
