package org.labelcritic.imaging.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A minimal Explicit VR Little Endian writer for crafted test files and the benchmark: preamble,
 * file meta with the transfer syntax, then the given elements in tag order. Lengths can be forged
 * to make hostile files.
 */
public final class DicomTestWriter {
  private final Map<Long, byte[]> elements = new TreeMap<>();
  private String transferSyntax = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();

  DicomTestWriter syntax(String uid) {
    this.transferSyntax = uid;
    return this;
  }

  DicomTestWriter text(int tag, String vr, String value) {
    byte[] v = value.getBytes(StandardCharsets.ISO_8859_1);
    if (v.length % 2 == 1) {
      v = (value + (vr.equals("UI") ? "\0" : " ")).getBytes(StandardCharsets.ISO_8859_1);
    }
    return raw(tag, vr, v, v.length);
  }

  DicomTestWriter us(int tag, int value) {
    return raw(tag, "US", new byte[] {(byte) value, (byte) (value >>> 8)}, 2);
  }

  /** A typical greyscale CT/MR slice header: size, 16 bits, geometry, rescale. */
  public DicomTestWriter slice(int rows, int cols, double z, boolean signed) {
    text(Tags.MODALITY, "CS", "CT");
    text(Tags.SERIES_INSTANCE_UID, "UI", "1.2.3.4.5");
    text(Tags.SOP_INSTANCE_UID, "UI", "1.2.3.4.5." + Math.round(z * 100 + 100000));
    text(Tags.IMAGE_POSITION_PATIENT, "DS", "-100\\-120\\" + z);
    text(Tags.IMAGE_ORIENTATION_PATIENT, "DS", "1\\0\\0\\0\\1\\0");
    text(Tags.PIXEL_SPACING, "DS", "0.5\\0.5");
    us(Tags.SAMPLES_PER_PIXEL, 1);
    text(Tags.PHOTOMETRIC_INTERPRETATION, "CS", "MONOCHROME2");
    us(Tags.ROWS, rows);
    us(Tags.COLUMNS, cols);
    us(Tags.BITS_ALLOCATED, 16);
    us(Tags.BITS_STORED, 16);
    us(Tags.HIGH_BIT, 15);
    us(Tags.PIXEL_REPRESENTATION, signed ? 1 : 0);
    text(Tags.RESCALE_INTERCEPT, "DS", "-1024");
    return text(Tags.RESCALE_SLOPE, "DS", "1");
  }

  public DicomTestWriter pixels(short[] values) {
    ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asShortBuffer().put(values);
    return raw(Tags.PIXEL_DATA, "OW", b.array(), b.capacity());
  }

  /** An element whose declared length may differ from the bytes written (to forge damage). */
  DicomTestWriter raw(int tag, String vr, byte[] value, long declaredLength) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeHeader(out, tag, vr, declaredLength);
    out.writeBytes(value);
    elements.put(tag & 0xFFFFFFFFL, out.toByteArray());
    return this;
  }

  /** Bytes written as they are at {@code tag}'s place in tag order (sequences, broken items). */
  DicomTestWriter verbatim(int tag, byte[] bytes) {
    elements.put(tag & 0xFFFFFFFFL, bytes);
    return this;
  }

  public byte[] bytes() {
    ByteArrayOutputStream meta = new ByteArrayOutputStream();
    byte[] ts =
        (transferSyntax + (transferSyntax.length() % 2 == 1 ? "\0" : ""))
            .getBytes(StandardCharsets.ISO_8859_1);
    writeHeader(meta, Tags.TRANSFER_SYNTAX_UID, "UI", ts.length);
    meta.writeBytes(ts);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[128]);
    out.writeBytes("DICM".getBytes(StandardCharsets.ISO_8859_1));
    writeHeader(out, 0x00020000, "UL", 4);
    out.writeBytes(le32(meta.size()));
    out.writeBytes(meta.toByteArray());
    elements.values().forEach(out::writeBytes);
    return out.toByteArray();
  }

  public Path write(Path file) throws IOException {
    Files.write(file, bytes());
    return file;
  }

  static void writeHeader(ByteArrayOutputStream out, int tag, String vr, long length) {
    out.writeBytes(
        new byte[] {(byte) (tag >>> 16), (byte) (tag >>> 24), (byte) tag, (byte) (tag >>> 8)});
    out.writeBytes(vr.getBytes(StandardCharsets.ISO_8859_1));
    if (DatasetWalker.hasLongLength(vr.getBytes(StandardCharsets.ISO_8859_1), 0)) {
      out.writeBytes(new byte[2]);
      out.writeBytes(le32(length));
    } else {
      out.writeBytes(new byte[] {(byte) length, (byte) (length >>> 8)});
    }
  }

  /** An item or delimiter header (no VR). */
  static byte[] item(int tag, long length) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        new byte[] {(byte) (tag >>> 16), (byte) (tag >>> 24), (byte) tag, (byte) (tag >>> 8)});
    out.writeBytes(le32(length));
    return out.toByteArray();
  }

  static byte[] le32(long v) {
    return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
  }
}
