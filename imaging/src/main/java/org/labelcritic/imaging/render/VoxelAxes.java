package org.labelcritic.imaging.render;

import org.labelcritic.imaging.volume.Geometry;

/**
 * Which voxel axis runs along each world axis, and in which direction, read from the affine's
 * orientation code. An oblique scan is shown on its nearest axes (as most viewers do when they do
 * not reslice).
 */
record VoxelAxes(int[] axisOfWorld, int[] signOfWorld, int[] dims, double[] spacing) {

  static VoxelAxes of(Geometry g) {
    String code = g.affine().orientation();
    int[] axisOfWorld = {-1, -1, -1};
    int[] signOfWorld = new int[3];
    for (int j = 0; j < 3; j++) {
      char c = code.charAt(j);
      int w =
          switch (c) {
            case 'R', 'L' -> 0;
            case 'A', 'P' -> 1;
            case 'S', 'I' -> 2;
            default -> -1;
          };
      if (w < 0 || axisOfWorld[w] >= 0) {
        // A degenerate affine: fall back to voxel order (x right, y anterior, z superior).
        return new VoxelAxes(new int[] {0, 1, 2}, new int[] {1, 1, 1}, dims(g), spacing(g));
      }
      axisOfWorld[w] = j;
      signOfWorld[w] = (c == 'R' || c == 'A' || c == 'S') ? 1 : -1;
    }
    return new VoxelAxes(axisOfWorld, signOfWorld, dims(g), spacing(g));
  }

  private static int[] dims(Geometry g) {
    return new int[] {g.nx(), g.ny(), g.nz()};
  }

  private static double[] spacing(Geometry g) {
    return new double[] {g.sx(), g.sy(), g.sz()};
  }

  /** The voxel axis that runs along world axis {@code w}. */
  int axis(int w) {
    return axisOfWorld[w];
  }

  /** True when the voxel index grows as the screen runs in direction {@code sign * world w}. */
  boolean forward(int w, int sign) {
    return signOfWorld[w] * sign > 0;
  }

  int dim(int axis) {
    return dims[axis];
  }

  double spacingOf(int axis) {
    return spacing[axis];
  }

  /**
   * For each of {@code out} screen positions of {@code mm} millimetres, the voxel index along
   * {@code axis} it shows (nearest neighbour), running forwards or backwards.
   */
  int[] sampling(int axis, boolean forward, int out, double mm) {
    int n = dims[axis];
    double s = spacing[axis];
    int[] idx = new int[out];
    for (int o = 0; o < out; o++) {
      int i = (int) Math.min(n - 1, Math.floor((o + 0.5) * mm / s));
      idx[o] = forward ? i : n - 1 - i;
    }
    return idx;
  }

  long stride(int axis) {
    return axis == 0 ? 1 : axis == 1 ? dims[0] : (long) dims[0] * dims[1];
  }
}
