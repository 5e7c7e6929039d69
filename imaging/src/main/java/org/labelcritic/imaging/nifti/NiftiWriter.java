package org.labelcritic.imaging.nifti;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.Box;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.export.AtomicFiles;

/**
 * Writes binary masks as NIfTI-1 label files: little endian, uint8 (0 and 1), on the mask's grid,
 * with the grid's affine as sform and as qform (both code 1, scanner coordinates), gzip-compressed
 * when the name ends in {@code .gz}. The file is written completely or not at all. The header
 * carries no description of the patient: only "LabelCritic Workbench" in descrip. Stateless.
 */
public final class NiftiWriter {
  /** 348-byte header + 4-byte extender: where the voxels start. */
  static final int VOX_OFFSET = 352;

  private static final short NIFTI_XFORM_SCANNER_ANAT = 1;
  private static final byte UNITS_MM = 2;

  /** Writes {@code mask} to {@code file} as uint8 0/1 on the mask's grid. */
  public void write(Path file, BinaryMask mask) throws LabelCriticException {
    boolean gzip = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    AtomicFiles.write(
        file,
        "a NIfTI file",
        tmp -> {
          try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
              OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw) {
            write(out, mask);
          }
        });
  }

  /** Writes header and voxels of {@code mask} to a stream (uncompressed unless it compresses). */
  static void write(OutputStream out, BinaryMask mask) throws IOException {
    Geometry g = mask.geometry();
    out.write(header(g));
    out.write(new byte[4]);
    // One slice at a time: a 512x512x300 CT costs a 256 KiB buffer, not a 75 MiB volume.
    byte[] slice = new byte[Math.multiplyExact(g.nx(), g.ny())];
    Box b = mask.bounds();
    for (int z = 0; z < g.nz(); z++) {
      java.util.Arrays.fill(slice, (byte) 0);
      if (!b.isEmpty() && z >= b.z0() && z < b.z1()) {
        for (int y = b.y0(); y < b.y1(); y++) {
          int row = y * g.nx();
          for (int x = b.x0(); x < b.x1(); x++) {
            if (mask.get(x, y, z)) {
              slice[row + x] = 1;
            }
          }
        }
      }
      out.write(slice);
    }
  }

  /** The 348-byte NIfTI-1 header of a uint8 image on grid {@code g}. */
  static byte[] header(Geometry g) {
    ByteBuffer h = ByteBuffer.allocate(348).order(ByteOrder.LITTLE_ENDIAN);
    h.putInt(0, 348);
    h.put(38, (byte) 'r'); // regular: set by convention for ANALYZE compatibility
    h.putShort(40, (short) 3);
    h.putShort(42, checkedDim(g.nx()));
    h.putShort(44, checkedDim(g.ny()));
    h.putShort(46, checkedDim(g.nz()));
    for (int i = 4; i < 8; i++) {
      h.putShort(40 + 2 * i, (short) 1);
    }
    h.putShort(70, (short) NiftiDataType.UINT8.code());
    h.putShort(72, (short) 8);
    Affine a = g.affine();
    Quaternion q = Quaternion.of(a);
    h.putFloat(76, (float) q.qfac());
    h.putFloat(80, (float) q.dx());
    h.putFloat(84, (float) q.dy());
    h.putFloat(88, (float) q.dz());
    for (int i = 4; i < 8; i++) {
      h.putFloat(76 + 4 * i, 1f);
    }
    h.putFloat(108, VOX_OFFSET);
    h.putFloat(112, 1f); // scl_slope 1, scl_inter 0: the stored 0/1 are the values
    h.put(123, UNITS_MM);
    h.putFloat(124, 1f); // cal_max: viewers show 0..1
    byte[] descrip = "LabelCritic Workbench".getBytes(StandardCharsets.US_ASCII);
    h.put(148, descrip);
    h.putShort(252, NIFTI_XFORM_SCANNER_ANAT);
    h.putShort(254, NIFTI_XFORM_SCANNER_ANAT);
    h.putFloat(256, (float) q.b());
    h.putFloat(260, (float) q.c());
    h.putFloat(264, (float) q.d());
    h.putFloat(268, (float) a.get(0, 3));
    h.putFloat(272, (float) a.get(1, 3));
    h.putFloat(276, (float) a.get(2, 3));
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 4; c++) {
        h.putFloat(280 + 16 * r + 4 * c, (float) a.get(r, c));
      }
    }
    h.put(344, "n+1\0".getBytes(StandardCharsets.US_ASCII));
    return h.array();
  }

  private static short checkedDim(int n) {
    if (n < 1 || n > Short.MAX_VALUE) {
      throw new IllegalArgumentException("NIfTI-1 holds 1..32767 voxels per axis, not " + n);
    }
    return (short) n;
  }

  /**
   * The qform of an affine: voxel sizes (column lengths), qfac (-1 for a left-handed grid) and the
   * quaternion's b, c, d, following nifti_mat44_to_quatern of the NIfTI reference library (without
   * its polar decomposition: the grids written here come from scanners and are orthogonal).
   */
  record Quaternion(double b, double c, double d, double qfac, double dx, double dy, double dz) {
    static Quaternion of(Affine a) {
      double[][] r = new double[3][3];
      double[] len = new double[3];
      for (int col = 0; col < 3; col++) {
        double s = 0;
        for (int row = 0; row < 3; row++) {
          s += a.get(row, col) * a.get(row, col);
        }
        len[col] = Math.sqrt(s);
        for (int row = 0; row < 3; row++) {
          r[row][col] = len[col] == 0 ? (row == col ? 1 : 0) : a.get(row, col) / len[col];
        }
        if (len[col] == 0) {
          len[col] = 1;
        }
      }
      double det =
          r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1])
              - r[0][1] * (r[1][0] * r[2][2] - r[1][2] * r[2][0])
              + r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
      double qfac = 1;
      if (det < 0) {
        qfac = -1;
        for (int row = 0; row < 3; row++) {
          r[row][2] = -r[row][2];
        }
      }
      double qa = r[0][0] + r[1][1] + r[2][2] + 1;
      double qb;
      double qc;
      double qd;
      if (qa > 0.5) {
        qa = 0.5 * Math.sqrt(qa);
        qb = 0.25 * (r[2][1] - r[1][2]) / qa;
        qc = 0.25 * (r[0][2] - r[2][0]) / qa;
        qd = 0.25 * (r[1][0] - r[0][1]) / qa;
      } else {
        double xd = 1 + r[0][0] - (r[1][1] + r[2][2]);
        double yd = 1 + r[1][1] - (r[0][0] + r[2][2]);
        double zd = 1 + r[2][2] - (r[0][0] + r[1][1]);
        if (xd > 1) {
          qb = 0.5 * Math.sqrt(xd);
          qc = 0.25 * (r[0][1] + r[1][0]) / qb;
          qd = 0.25 * (r[0][2] + r[2][0]) / qb;
          qa = 0.25 * (r[2][1] - r[1][2]) / qb;
        } else if (yd > 1) {
          qc = 0.5 * Math.sqrt(yd);
          qb = 0.25 * (r[0][1] + r[1][0]) / qc;
          qd = 0.25 * (r[1][2] + r[2][1]) / qc;
          qa = 0.25 * (r[0][2] - r[2][0]) / qc;
        } else {
          qd = 0.5 * Math.sqrt(zd);
          qb = 0.25 * (r[0][2] + r[2][0]) / qd;
          qc = 0.25 * (r[1][2] + r[2][1]) / qd;
          qa = 0.25 * (r[1][0] - r[0][1]) / qd;
        }
        if (qa < 0) {
          qb = -qb;
          qc = -qc;
          qd = -qd;
        }
      }
      return new Quaternion(qb, qc, qd, qfac, len[0], len[1], len[2]);
    }
  }
}
