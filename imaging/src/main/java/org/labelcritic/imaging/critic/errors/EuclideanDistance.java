package org.labelcritic.imaging.critic.errors;

/**
 * Exact squared Euclidean distance transform on an anisotropic box (Felzenszwalb and Huttenlocher's
 * lower envelope of parabolas, one axis at a time), in mm^2. The mask package has its own, but it
 * is package-private and tuned for surface distances; this one serves the morphology of the error
 * generator, which runs offline on one box at a time.
 */
final class EuclideanDistance {

  /** "No site on this line yet". */
  static final float FAR = Float.POSITIVE_INFINITY;

  private EuclideanDistance() {}

  /**
   * Replaces {@code d} (0 at the sites, {@link #FAR} elsewhere; index x + w*(y + h*z)) with the
   * squared distance in mm^2 from each voxel to the nearest site.
   */
  static void squared(float[] d, int w, int h, int depth, double sx, double sy, double sz) {
    int n = Math.max(w, Math.max(h, depth));
    Line line = new Line(n);
    for (int r = 0, rows = h * depth; r < rows; r++) {
      line.run(d, r * w, 1, w, sx);
    }
    for (int z = 0; z < depth; z++) {
      for (int x = 0; x < w; x++) {
        line.run(d, x + w * h * z, w, h, sy);
      }
    }
    int plane = w * h;
    for (int i = 0; i < plane; i++) {
      line.run(d, i, plane, depth, sz);
    }
  }

  /** Work arrays for one line, reused across lines. */
  private static final class Line {
    private final float[] f;
    private final int[] v;
    private final double[] z;

    Line(int n) {
      f = new float[n];
      v = new int[n];
      z = new double[n + 1];
    }

    /** Where the parabolas rooted at sites q and p cross, in mm along the line. */
    private double intersection(int q, int p, double spacing) {
      double xq = q * spacing;
      double xp = p * spacing;
      return ((f[q] + xq * xq) - (f[p] + xp * xp)) / (2 * (xq - xp));
    }

    void run(float[] d, int start, int stride, int n, double spacing) {
      boolean any = false;
      for (int q = 0, i = start; q < n; q++, i += stride) {
        f[q] = d[i];
        any |= f[q] != FAR;
      }
      if (!any) {
        return;
      }
      int k = -1;
      for (int q = 0; q < n; q++) {
        if (f[q] == FAR) {
          continue;
        }
        if (k < 0) {
          k = 0;
          v[0] = q;
          z[0] = Double.NEGATIVE_INFINITY;
          z[1] = Double.POSITIVE_INFINITY;
          continue;
        }
        // z[0] is minus infinity, so the loop stops at k == 0 at the latest.
        double s = intersection(q, v[k], spacing);
        while (s <= z[k]) {
          k--;
          s = intersection(q, v[k], spacing);
        }
        k++;
        v[k] = q;
        z[k] = s;
        z[k + 1] = Double.POSITIVE_INFINITY;
      }
      k = 0;
      for (int q = 0, i = start; q < n; q++, i += stride) {
        double x = q * spacing;
        while (z[k + 1] < x) {
          k++;
        }
        double dx = x - v[k] * spacing;
        d[i] = (float) (dx * dx + f[v[k]]);
      }
    }
  }
}
