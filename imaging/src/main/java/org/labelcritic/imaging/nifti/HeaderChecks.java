package org.labelcritic.imaging.nifti;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.labelcritic.model.LabelCriticException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validation of a decoded header, run before anything is sized from it: a header that claims 10^10
 * voxels must be refused here, not discovered by a failed allocation later.
 */
final class HeaderChecks {
  /** 2^62 bytes: far beyond any real file, and small enough that offset + data cannot overflow. */
  static final double MAX_VOX_OFFSET = 0x1p62;

  private static final Logger LOG = LoggerFactory.getLogger(HeaderChecks.class);
  private static final byte[] MAGIC1 = {'n', '+', '1', 0};
  private static final byte[] MAGIC1_PAIR = {'n', 'i', '1', 0};
  private static final byte[] MAGIC2 = {'n', '+', '2', 0, '\r', '\n', 0x1a, '\n'};
  private static final byte[] MAGIC2_PAIR = {'n', 'i', '2', 0, '\r', '\n', 0x1a, '\n'};

  private HeaderChecks() {}

  static void validate(Path file, RawHeader h, long maxVoxels) throws LabelCriticException {
    checkMagic(file, h);
    long ndim = h.dim()[0];
    if (ndim < 1 || ndim > 7) {
      throw field(file, "dim[0]", "ndim is " + ndim + ", must be 1..7");
    }
    long voxels = 1;
    for (int i = 1; i <= ndim; i++) {
      long d = h.dim()[i];
      if (d <= 0) {
        throw field(file, "dim[" + i + "]", "size is " + d + ", must be at least 1");
      }
      if (d > Integer.MAX_VALUE) {
        throw field(file, "dim[" + i + "]", "size " + d + " is larger than any supported image");
      }
      try {
        voxels = Math.multiplyExact(voxels, d);
      } catch (ArithmeticException e) {
        throw field(file, "dim", "the voxel count of dims " + dimsText(h) + " overflows");
      }
    }
    if (voxels > maxVoxels) {
      throw field(
          file,
          "dim",
          "dims "
              + dimsText(h)
              + " declare "
              + voxels
              + " voxels, more than the limit of "
              + maxVoxels);
    }
    NiftiDataType type =
        NiftiDataType.ofCode(h.datatype())
            .orElseThrow(
                () ->
                    field(
                        file,
                        "datatype",
                        "code " + h.datatype() + " is not a NIfTI datatype this reader knows"));
    if (h.bitpix() != type.bitsPerVoxel()) {
      // Some writers leave bitpix stale; datatype is what decides the layout.
      LOG.warn(
          "{}: bitpix {} does not match datatype {} ({} bits); using the datatype",
          file,
          h.bitpix(),
          type.label(),
          type.bitsPerVoxel());
    }
    for (int i = 1; i <= Math.min(3, ndim); i++) {
      double p = h.pixdim()[i];
      if (!Double.isFinite(p) || p == 0) {
        throw field(
            file, "pixdim[" + i + "]", "voxel size is " + p + ", must be a finite non-zero number");
      }
    }
    double off = h.voxOffset();
    if (!Double.isFinite(off) || off != Math.rint(off)) {
      throw field(file, "vox_offset", off + " is not a whole number of bytes");
    }
    if (off < h.headerSize()) {
      throw field(
          file, "vox_offset", (long) off + " lies inside the " + h.headerSize() + "-byte header");
    }
    if (off > MAX_VOX_OFFSET) {
      // Found by fuzzing: a float vox_offset of 2e25 became Long.MAX_VALUE and overflowed later.
      throw field(file, "vox_offset", off + " lies beyond the end of any file");
    }
  }

  private static void checkMagic(Path file, RawHeader h) throws LabelCriticException {
    byte[] m = h.magic();
    boolean v1 = h.version() == 1;
    if (Arrays.equals(m, v1 ? MAGIC1 : MAGIC2)) {
      return;
    }
    if (Arrays.equals(m, v1 ? MAGIC1_PAIR : MAGIC2_PAIR)) {
      throw field(
          file,
          "magic",
          "this is the header of a .hdr/.img pair; only single-file .nii/.nii.gz is supported");
    }
    throw field(
        file,
        "magic",
        "not a NIfTI-"
            + h.version()
            + " file: magic is '"
            + printable(m)
            + "' (hex "
            + HexFormat.of().formatHex(m)
            + "), expected '"
            + (v1 ? "n+1" : "n+2")
            + "'");
  }

  private static String printable(byte[] m) {
    String s = new String(m, StandardCharsets.ISO_8859_1);
    return s.replaceAll("[^\\x20-\\x7e]", "?");
  }

  private static String dimsText(RawHeader h) {
    StringBuilder sb = new StringBuilder();
    long ndim = Math.clamp(h.dim()[0], 1, 7);
    for (int i = 1; i <= ndim; i++) {
      sb.append(i == 1 ? "" : "x").append(h.dim()[i]);
    }
    return sb.toString();
  }

  private static LabelCriticException field(Path file, String field, String what) {
    return LabelCriticException.atRow(file, 0, field, what);
  }
}
