package org.labelcritic.imaging.dicom;

import java.util.Arrays;
import java.util.Optional;

/**
 * The transfer syntaxes this reader knows, with how their pixel data is encoded and whether it can
 * be decoded here. Unknown UIDs are refused by {@link #require}.
 */
public enum TransferSyntax {
  IMPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2", "Implicit VR Little Endian", Codec.NATIVE),
  EXPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2.1", "Explicit VR Little Endian", Codec.NATIVE),
  DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN(
      "1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", Codec.NATIVE),
  EXPLICIT_VR_BIG_ENDIAN("1.2.840.10008.1.2.2", "Explicit VR Big Endian", Codec.NATIVE),
  JPEG_BASELINE("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", Codec.JPEG),
  JPEG_EXTENDED("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)", Codec.JPEG),
  JPEG_LOSSLESS("1.2.840.10008.1.2.4.57", "JPEG Lossless (Process 14)", Codec.JPEG),
  JPEG_LOSSLESS_SV1(
      "1.2.840.10008.1.2.4.70", "JPEG Lossless (Process 14, Selection Value 1)", Codec.JPEG),
  JPEG_LS_LOSSLESS("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless", Codec.UNSUPPORTED),
  JPEG_LS_NEAR_LOSSLESS("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless", Codec.UNSUPPORTED),
  JPEG_2000_LOSSLESS("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless Only", Codec.JPEG_2000),
  JPEG_2000("1.2.840.10008.1.2.4.91", "JPEG 2000", Codec.JPEG_2000),
  JPEG_2000_MC_LOSSLESS(
      "1.2.840.10008.1.2.4.92", "JPEG 2000 Multi-component Lossless Only", Codec.UNSUPPORTED),
  JPEG_2000_MC("1.2.840.10008.1.2.4.93", "JPEG 2000 Multi-component", Codec.UNSUPPORTED),
  HTJ2K_LOSSLESS("1.2.840.10008.1.2.4.201", "HTJ2K Lossless", Codec.UNSUPPORTED),
  HTJ2K_LOSSLESS_RPCL("1.2.840.10008.1.2.4.202", "HTJ2K Lossless RPCL Only", Codec.UNSUPPORTED),
  HTJ2K("1.2.840.10008.1.2.4.203", "HTJ2K", Codec.UNSUPPORTED),
  RLE_LOSSLESS("1.2.840.10008.1.2.5", "RLE Lossless", Codec.RLE),
  DEFLATED_IMAGE_FRAME(
      "1.2.840.10008.1.2.8.1", "Deflated Image Frame Compression", Codec.UNSUPPORTED);

  /** How the pixel data of a syntax is stored. */
  public enum Codec {
    /** Uncompressed samples in the dataset's byte order. */
    NATIVE,
    /** Encapsulated JPEG (ITU T.81), decoded through ImageIO (TwelveMonkeys). */
    JPEG,
    /** Encapsulated JPEG 2000 (Part 1), decoded through jai-imageio-jpeg2000. */
    JPEG_2000,
    /** Encapsulated DICOM RLE (PackBits byte planes), decoded here. */
    RLE,
    /** Recognised but no decoder on the class path. */
    UNSUPPORTED
  }

  private final String uid;
  private final String title;
  private final Codec codec;

  TransferSyntax(String uid, String title, Codec codec) {
    this.uid = uid;
    this.title = title;
    this.codec = codec;
  }

  public String uid() {
    return uid;
  }

  /** The standard's name, e.g. "JPEG 2000 Lossless Only". */
  public String title() {
    return title;
  }

  public Codec codec() {
    return codec;
  }

  public boolean bigEndian() {
    return this == EXPLICIT_VR_BIG_ENDIAN;
  }

  public boolean explicitVr() {
    return this != IMPLICIT_VR_LITTLE_ENDIAN;
  }

  public boolean deflatedDataset() {
    return this == DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
  }

  public boolean encapsulated() {
    return codec != Codec.NATIVE;
  }

  public static Optional<TransferSyntax> of(String uid) {
    return Arrays.stream(values()).filter(t -> t.uid.equals(uid)).findFirst();
  }

  /** "UID (name)" for messages; "(unknown)" for a UID not in this table. */
  public static String describe(String uid) {
    return uid + " (" + of(uid).map(TransferSyntax::title).orElse("unknown") + ")";
  }
}
