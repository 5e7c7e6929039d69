package org.labelcritic.imaging.mask;

import java.util.Arrays;

/**
 * Exact Euclidean distance transform on an anisotropic grid (Felzenszwalb and Huttenlocher's lower
 * envelope of parabolas, one axis at a time). Works on a box-sized float array of squared distances
 * in mm^2, with {@link #FAR} meaning "no site on this line yet".
 */
final class DistanceTransform {

  static final float FAR = Float.POSITIVE_INFINITY;

  private DistanceTransform() {}

  /**
   * Replaces {@code d} (0 at the sites, {@link #FAR} elsewhere; index x + w*(y + h*z)) with the
   * squared distance in mm^2 from each voxel to the nearest site.
   */
  static void squaredDistances(
      float[] d, int w, int h, int depth, double sx, double sy, double sz) {
    int longest = Math.max(w, Math.max(h, depth));
    Line line = new Line(longest);
    for (int z = 0; z < depth; z++) {
      for (int y = 0; y < h; y++) {
        line.run(d, (y + (long) h * z) * w, 1, w, sx);
      }
    }
    for (int z = 0; z < depth; z++) {
      for (int x = 0; x < w; x++) {
        line.run(d, x + (long) w * h * z, w, h, sy);
      }
    }
    int plane = w * h;
    for (int i = 0; i < plane; i++) {
      line.run(d, i, plane, depth, sz);
    }
  }

  /** Scratch space for one line, reused for every line of the transform. */
  private static final class Line {
    final float[] f;
    final int[] v;
    final double[] z;

    Line(int n) {
      f = new float[n];
      v = new int[n];
      z = new double[n + 1];
    }

    void run(float[] d, long start, int stride, int n, double spacing) {
      int s = (int) start;
      boolean any = false;
      for (int q = 0, i = s; q < n; q++, i += stride) {
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
        double pq = q * spacing;
        double cq = f[q] + pq * pq;
        double cut = Double.NEGATIVE_INFINITY;
        while (k >= 0) {
          double pv = v[k] * spacing;
          cut = (cq - (f[v[k]] + pv * pv)) / (2 * (pq - pv));
          if (cut > z[k]) {
            break;
          }
          k--;
        }
        k++;
        v[k] = q;
        z[k] = k == 0 ? Double.NEGATIVE_INFINITY : cut;
      }
      z[k + 1] = Double.POSITIVE_INFINITY;
      int j = 0;
      for (int q = 0, i = s; q < n; q++, i += stride) {
        double p = q * spacing;
        while (z[j + 1] < p) {
          j++;
        }
        double dp = p - v[j] * spacing;
        d[i] = (float) (dp * dp + f[v[j]]);
      }
    }
  }

  static float[] far(int n) {
    float[] d = new float[n];
    Arrays.fill(d, FAR);
    return d;
  }
}
