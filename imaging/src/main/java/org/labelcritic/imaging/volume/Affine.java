package org.labelcritic.imaging.volume;

import java.util.Arrays;
import java.util.Locale;

/**
 * A 4x4 voxel-to-world matrix in NIfTI's RAS+ millimetre convention: world x grows towards the
 * patient's right, y towards anterior, z towards superior. Immutable; the 16 entries are kept
 * row-major.
 *
 * @param rowMajor the 16 entries, row by row; the last row is normally 0 0 0 1
 */
public record Affine(double[] rowMajor) {

  public Affine {
    if (rowMajor == null || rowMajor.length != 16) {
      throw new IllegalArgumentException("an affine needs 16 entries");
    }
    rowMajor = rowMajor.clone();
  }

  /** The 3x4 upper part given as three rows of four (NIfTI's srow_x, srow_y, srow_z). */
  public static Affine fromRows(double[] x, double[] y, double[] z) {
    double[] m = new double[16];
    System.arraycopy(x, 0, m, 0, 4);
    System.arraycopy(y, 0, m, 4, 4);
    System.arraycopy(z, 0, m, 8, 4);
    m[15] = 1;
    return new Affine(m);
  }

  /** Pure scaling, NIfTI's "method 1" when neither qform nor sform is set. */
  public static Affine scaling(double dx, double dy, double dz) {
    return fromRows(
        new double[] {dx, 0, 0, 0}, new double[] {0, dy, 0, 0}, new double[] {0, 0, dz, 0});
  }

  @Override
  public double[] rowMajor() {
    return rowMajor.clone();
  }

  public double get(int row, int col) {
    return rowMajor[row * 4 + col];
  }

  /** World coordinates (mm) of voxel (i, j, k). */
  public double[] apply(double i, double j, double k) {
    double[] out = new double[3];
    for (int r = 0; r < 3; r++) {
      out[r] = get(r, 0) * i + get(r, 1) * j + get(r, 2) * k + get(r, 3);
    }
    return out;
  }

  /** The largest absolute difference between corresponding entries. */
  public double maxAbsDifference(Affine other) {
    double max = 0;
    for (int n = 0; n < 16; n++) {
      max = Math.max(max, Math.abs(rowMajor[n] - other.rowMajor[n]));
    }
    return max;
  }

  /**
   * The three-letter orientation code (e.g. "RAS", "LPS", "LAS"): for each voxel axis, the world
   * direction it mostly points to. Axes are assigned greedily, strongest first, so an oblique
   * matrix still yields three distinct world axes.
   */
  public String orientation() {
    char[] positive = {'R', 'A', 'S'};
    char[] negative = {'L', 'P', 'I'};
    char[] code = {'?', '?', '?'};
    boolean[] rowTaken = new boolean[3];
    boolean[] colDone = new boolean[3];
    for (int step = 0; step < 3; step++) {
      int bestRow = -1;
      int bestCol = -1;
      double best = -1;
      for (int c = 0; c < 3; c++) {
        for (int r = 0; r < 3; r++) {
          double v = Math.abs(get(r, c));
          v = Double.isNaN(v) ? 0 : v;
          if (!colDone[c] && !rowTaken[r] && v > best) {
            best = v;
            bestRow = r;
            bestCol = c;
          }
        }
      }
      rowTaken[bestRow] = true;
      colDone[bestCol] = true;
      // A zero column (degenerate matrix) has no direction; keep '?' rather than guess.
      if (best > 0) {
        code[bestCol] = get(bestRow, bestCol) > 0 ? positive[bestRow] : negative[bestRow];
      }
    }
    return new String(code);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Affine a && Arrays.equals(rowMajor, a.rowMajor);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(rowMajor);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int r = 0; r < 3; r++) {
      sb.append(r == 0 ? "" : "; ");
      for (int c = 0; c < 4; c++) {
        sb.append(c == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.4f", get(r, c)));
      }
    }
    return sb.append(']').toString();
  }
}
