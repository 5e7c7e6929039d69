package org.labelcritic.imaging.volume;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the voxels of one grid map onto another grid that holds the same voxel centres, up to the
 * order and direction of the axes: a mask written with its rows flipped (as TotalSegmentator does
 * for DICOM input), or in another axis order, still lies on its CT's voxels. The mapping is read
 * from the two affines, never assumed.
 *
 * <p>Source index {@code s} along source axis {@code j} lands at target index {@code flip[j] ?
 * dims[axis[j]] - 1 - s : s} along target axis {@code axis[j]}.
 */
public record VoxelMapping(int[] axis, boolean[] flip, int[] targetDims) {

  /** Tolerance on the rotation entries and on whole-voxel offsets, in voxels. */
  public static final double TOLERANCE = 1e-2;

  public VoxelMapping {
    axis = axis.clone();
    flip = flip.clone();
    targetDims = targetDims.clone();
  }

  /** True when the two grids are the same (no reordering or flipping). */
  public boolean identity() {
    return axis[0] == 0 && axis[1] == 1 && axis[2] == 2 && !flip[0] && !flip[1] && !flip[2];
  }

  /** The target index of source voxel (x, y, z), as {x, y, z} in the target grid. */
  public int[] map(int x, int y, int z) {
    int[] s = {x, y, z};
    int[] t = new int[3];
    for (int j = 0; j < 3; j++) {
      t[axis[j]] = flip[j] ? targetDims[axis[j]] - 1 - s[j] : s[j];
    }
    return t;
  }

  /**
   * The mapping from {@code source}'s voxels to {@code target}'s, when both grids hold exactly the
   * same voxel centres; empty otherwise (other dims, spacing, origin or an oblique turn).
   */
  public static Optional<VoxelMapping> between(Geometry source, Geometry target) {
    double[][] inv = inverse(target.affine());
    if (inv == null) {
      return Optional.empty();
    }
    // M = inverse(target) * source: source voxel -> target voxel.
    double[][] m = new double[3][4];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 4; c++) {
        double v = inv[r][3] * (c == 3 ? 1 : 0);
        for (int k = 0; k < 3; k++) {
          v += inv[r][k] * source.affine().get(k, c);
        }
        m[r][c] = v;
      }
    }
    int[] sDims = {source.nx(), source.ny(), source.nz()};
    int[] tDims = {target.nx(), target.ny(), target.nz()};
    int[] axis = new int[3];
    boolean[] flip = new boolean[3];
    boolean[] used = new boolean[3];
    for (int j = 0; j < 3; j++) {
      int found = -1;
      for (int r = 0; r < 3; r++) {
        double v = m[r][j];
        if (Math.abs(Math.abs(v) - 1) <= TOLERANCE) {
          if (found >= 0) {
            return Optional.empty();
          }
          found = r;
        } else if (Math.abs(v) > TOLERANCE) {
          return Optional.empty();
        }
      }
      if (found < 0 || used[found] || sDims[j] != tDims[found]) {
        return Optional.empty();
      }
      used[found] = true;
      axis[j] = found;
      flip[j] = m[found][j] < 0;
      double expected = flip[j] ? tDims[found] - 1 : 0;
      if (Math.abs(m[found][3] - expected) > TOLERANCE) {
        return Optional.empty();
      }
    }
    return Optional.of(new VoxelMapping(axis, flip, tDims));
  }

  /** Inverse of the affine's upper 3x4 part as a 3x4 matrix, or null when singular. */
  private static double[][] inverse(Affine a) {
    double a00 = a.get(0, 0), a01 = a.get(0, 1), a02 = a.get(0, 2);
    double a10 = a.get(1, 0), a11 = a.get(1, 1), a12 = a.get(1, 2);
    double a20 = a.get(2, 0), a21 = a.get(2, 1), a22 = a.get(2, 2);
    double det =
        a00 * (a11 * a22 - a12 * a21)
            - a01 * (a10 * a22 - a12 * a20)
            + a02 * (a10 * a21 - a11 * a20);
    if (!(Math.abs(det) > 1e-12)) {
      return null;
    }
    double[][] r = new double[3][4];
    r[0][0] = (a11 * a22 - a12 * a21) / det;
    r[0][1] = (a02 * a21 - a01 * a22) / det;
    r[0][2] = (a01 * a12 - a02 * a11) / det;
    r[1][0] = (a12 * a20 - a10 * a22) / det;
    r[1][1] = (a00 * a22 - a02 * a20) / det;
    r[1][2] = (a02 * a10 - a00 * a12) / det;
    r[2][0] = (a10 * a21 - a11 * a20) / det;
    r[2][1] = (a01 * a20 - a00 * a21) / det;
    r[2][2] = (a00 * a11 - a01 * a10) / det;
    for (int i = 0; i < 3; i++) {
      r[i][3] = -(r[i][0] * a.get(0, 3) + r[i][1] * a.get(1, 3) + r[i][2] * a.get(2, 3));
    }
    return r;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VoxelMapping v
        && Arrays.equals(axis, v.axis)
        && Arrays.equals(flip, v.flip)
        && Arrays.equals(targetDims, v.targetDims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(axis) * 31 + Arrays.hashCode(flip) * 7 + Arrays.hashCode(targetDims);
  }

  @Override
  public String toString() {
    return "VoxelMapping" + Arrays.toString(axis) + Arrays.toString(flip);
  }
}
