package org.labelcritic.imaging.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Edits the header of a real little-endian NIfTI-1 {@code .nii.gz} (as every demo file is) in test
 * code: inflate, change a field at its standard offset, deflate again.
 */
final class NiftiBytes {
  private final byte[] bytes;
  private final ByteBuffer buf;

  private NiftiBytes(byte[] bytes) {
    this.bytes = bytes;
    this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (buf.getInt(0) != 348) {
      throw new IllegalArgumentException("not a little-endian NIfTI-1 header");
    }
  }

  static NiftiBytes of(Path niiGz) {
    return new NiftiBytes(gunzip(niiGz));
  }

  /** Sets dim[axis] (axis 1..3). */
  NiftiBytes dim(int axis, int value) {
    buf.putShort(40 + 2 * axis, (short) value);
    return this;
  }

  /** Adds {@code delta} to the translation of srow_x, srow_y or srow_z (row 0..2). */
  NiftiBytes shiftOrigin(int row, float delta) {
    int at = 280 + 16 * row + 12;
    buf.putFloat(at, buf.getFloat(at) + delta);
    return this;
  }

  int voxOffset() {
    return (int) buf.getFloat(108);
  }

  /** Replaces the first occurrence of {@code from} by {@code to} (same length) in the bytes. */
  NiftiBytes replace(String from, String to) {
    byte[] a = from.getBytes(StandardCharsets.US_ASCII);
    byte[] b = to.getBytes(StandardCharsets.US_ASCII);
    if (a.length != b.length) {
      throw new IllegalArgumentException("replacement must keep the length");
    }
    for (int i = 0; i + a.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + a.length, a, 0, a.length)) {
        System.arraycopy(b, 0, bytes, i, b.length);
        return this;
      }
    }
    throw new IllegalArgumentException("'" + from + "' not found");
  }

  byte[] raw() {
    return bytes.clone();
  }

  Path writeGz(Path file) {
    return write(file, gzip(bytes));
  }

  static byte[] gunzip(Path file) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  static Path write(Path file, byte[] content) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A gzip file whose header (everything before vox_offset) inflates normally but whose voxel data
   * cannot be inflated: one stored deflate block of 65535 bytes (the header, then zeros) followed
   * by bytes that are no valid deflate block, and a trailer whose ISIZE is the declared size. A
   * reader that stops at vox_offset reads it; one that decodes voxels fails.
   */
  Path writeWithUndecodableVoxels(Path file) {
    int stored = 65535;
    byte[] block = Arrays.copyOf(bytes, stored);
    Arrays.fill(block, voxOffset(), stored, (byte) 0);
    ByteBuffer out = ByteBuffer.allocate(10 + 5 + stored + 16 + 8).order(ByteOrder.LITTLE_ENDIAN);
    out.put(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
    out.put((byte) 0).putShort((short) stored).putShort((short) ~stored).put(block);
    byte[] invalid = new byte[16];
    Arrays.fill(invalid, (byte) 0xff); // BTYPE 11: reserved, an error for any inflater
    out.put(invalid);
    out.putInt(0).putInt(bytes.length); // CRC left wrong: only a full inflate would check it
    return write(file, out.array());
  }
}
