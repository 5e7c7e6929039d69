package org.labelcritic.imaging.mask;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Nearest-site distances for sites that are close, found by probing neighbour offsets in order of
 * increasing distance: the first offset that hits a site gives the exact distance. Candidates of
 * the same structure are mostly within a few voxels of each other, so this costs a few hundred bit
 * tests per point, far less than a distance transform over the whole box. It gives up (returns
 * null) when a point has no site within {@value #RADIUS_VOXELS} voxels or the probes exceed a
 * budget, and the caller then uses the exact distance transform.
 */
final class NearestSurfaceSearch {

  /** Search radius, in voxels of the coarsest axis. */
  static final int RADIUS_VOXELS = 8;

  private NearestSurfaceSearch() {}

  /**
   * Distances (mm) from each point of {@code from} to the nearest point of {@code to}, both as
   * indices x + w*(y + h*z) into a {@code w x h x d} box; null when the search gives up.
   */
  static float[] distances(
      int[] from, int[] to, int w, int h, int d, double sx, double sy, double sz, long budget) {
    double radius = RADIUS_VOXELS * Math.max(sx, Math.max(sy, sz));
    int rx = (int) (radius / sx);
    int ry = (int) (radius / sy);
    int rz = (int) (radius / sz);
    // Sites on a bit grid padded by the radius on every side, so probes need no bounds checks.
    int pw = w + 2 * rx;
    int ph = h + 2 * ry;
    long cells = (long) pw * ph * (d + 2L * rz);
    if (cells > Integer.MAX_VALUE - 64L) {
      return null;
    }
    long[] sites = new long[(int) ((cells + 63) >>> 6)];
    for (int i : to) {
      int p = padded(i, w, h, pw, ph, rx, ry, rz);
      sites[p >>> 6] |= 1L << p;
    }
    int[][] probes = probes(rx, ry, rz, sx, sy, sz, radius, pw, ph);
    int[] step = probes[0];
    float[] dist = toFloats(probes[1]);
    float[] out = new float[from.length];
    long spent = 0;
    for (int k = 0; k < from.length; k++) {
      int p = padded(from[k], w, h, pw, ph, rx, ry, rz);
      int j = 0;
      while (j < step.length) {
        int q = p + step[j];
        if ((sites[q >>> 6] >>> q & 1) != 0) {
          break;
        }
        j++;
      }
      if (j == step.length) {
        return null;
      }
      out[k] = dist[j];
      spent += j + 1;
      if (spent > budget) {
        return null;
      }
    }
    return out;
  }

  private static int padded(int i, int w, int h, int pw, int ph, int rx, int ry, int rz) {
    int x = i % w;
    int y = (i / w) % h;
    int z = i / (w * h);
    return (x + rx) + pw * ((y + ry) + ph * (z + rz));
  }

  /** Linear offsets within the radius sorted by distance, and their distances as float bits. */
  private static int[][] probes(
      int rx, int ry, int rz, double sx, double sy, double sz, double radius, int pw, int ph) {
    int n = (2 * rx + 1) * (2 * ry + 1) * (2 * rz + 1);
    int[] lin = new int[n];
    double[] d2 = new double[n];
    int m = 0;
    for (int dz = -rz; dz <= rz; dz++) {
      for (int dy = -ry; dy <= ry; dy++) {
        for (int dx = -rx; dx <= rx; dx++) {
          double e = sq(dx * sx) + sq(dy * sy) + sq(dz * sz);
          if (e <= radius * radius) {
            lin[m] = dx + pw * (dy + ph * dz);
            d2[m] = e;
            m++;
          }
        }
      }
    }
    Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(k -> d2[k]));
    int[] step = new int[m];
    int[] dist = new int[m];
    for (int k = 0; k < m; k++) {
      step[k] = lin[order[k]];
      dist[k] = Float.floatToIntBits((float) Math.sqrt(d2[order[k]]));
    }
    return new int[][] {step, dist};
  }

  private static float[] toFloats(int[] bits) {
    float[] f = new float[bits.length];
    for (int i = 0; i < bits.length; i++) {
      f[i] = Float.intBitsToFloat(bits[i]);
    }
    return f;
  }

  private static double sq(double v) {
    return v * v;
  }
}
