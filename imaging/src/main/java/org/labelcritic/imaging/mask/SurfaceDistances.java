package org.labelcritic.imaging.mask;

import java.util.Arrays;
import org.labelcritic.imaging.volume.Geometry;

/**
 * Surface distances between two masks on the same grid, in mm. The surface of a mask is its voxels
 * with at least one of the six face neighbours outside it; the distance from a surface voxel to the
 * other mask is the Euclidean distance between voxel centres (with the grid's spacing) to the
 * nearest surface voxel of the other mask, taken from an exact distance transform over the box that
 * holds both masks.
 *
 * @param hausdorffMm the largest distance in either direction
 * @param hd95Mm the larger of the two directed 95th percentiles (linear interpolation between
 *     ranks, as numpy's default), the robust Hausdorff distance most papers and MONAI report
 * @param meanMm the mean of all distances in both directions (average symmetric surface distance)
 */
public record SurfaceDistances(double hausdorffMm, double hd95Mm, double meanMm) {

  /** All NaN: distances are undefined when either mask is empty. */
  public static final SurfaceDistances UNDEFINED =
      new SurfaceDistances(Double.NaN, Double.NaN, Double.NaN);

  public static SurfaceDistances between(BinaryMask a, BinaryMask b) {
    MaskMetrics.requireSameGrid(a, b);
    if (a.isEmpty() || b.isEmpty()) {
      return UNDEFINED;
    }
    Box box = a.bounds().span(b.bounds());
    long n = box.voxelCount();
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("masks span too large a box: " + box);
    }
    int[] surfaceA = surface(a, box);
    int[] surfaceB = surface(b, box);
    float[] ab = directed(surfaceA, surfaceB, box, a.geometry());
    float[] ba = directed(surfaceB, surfaceA, box, a.geometry());
    double max = Math.max(ab[ab.length - 1], ba[ba.length - 1]);
    double p95 = Math.max(percentile(ab, 95), percentile(ba, 95));
    double sum = 0;
    for (float v : ab) {
      sum += v;
    }
    for (float v : ba) {
      sum += v;
    }
    return new SurfaceDistances(max, p95, sum / (ab.length + ba.length));
  }

  /** Sorted distances (mm) from each point of {@code from} to the nearest point of {@code to}. */
  private static float[] directed(int[] from, int[] to, Box box, Geometry g) {
    // A probe costs a nanosecond or two, the transform several tens per box voxel: allow the
    // search 16 probes per box voxel, so that giving up never costs more than the transform.
    float[] near =
        NearestSurfaceSearch.distances(
            from,
            to,
            box.width(),
            box.height(),
            box.depth(),
            g.sx(),
            g.sy(),
            g.sz(),
            16 * box.voxelCount());
    if (near != null) {
      Arrays.sort(near);
      return near;
    }
    float[] d = DistanceTransform.far((int) box.voxelCount());
    for (int i : to) {
      d[i] = 0;
    }
    DistanceTransform.squaredDistances(
        d, box.width(), box.height(), box.depth(), g.sx(), g.sy(), g.sz());
    float[] out = new float[from.length];
    for (int k = 0; k < from.length; k++) {
      out[k] = (float) Math.sqrt(d[from[k]]);
    }
    Arrays.sort(out);
    return out;
  }

  /** The surface voxels of {@code m} as indices into {@code box}, x fastest. */
  static int[] surface(BinaryMask m, Box box) {
    int[] out = new int[1024];
    int n = 0;
    Box b = m.bounds();
    for (int z = b.z0(); z < b.z1(); z++) {
      for (int y = b.y0(); y < b.y1(); y++) {
        for (int x = b.x0(); x < b.x1(); x += 64) {
          long w = m.bits64(x, y, z);
          if (w == 0) {
            continue;
          }
          long inner =
              m.bits64(x - 1, y, z)
                  & m.bits64(x + 1, y, z)
                  & m.bits64(x, y - 1, z)
                  & m.bits64(x, y + 1, z)
                  & m.bits64(x, y, z - 1)
                  & m.bits64(x, y, z + 1);
          long s = w & ~inner;
          int rowBase =
              (x - box.x0()) + box.width() * ((y - box.y0()) + box.height() * (z - box.z0()));
          while (s != 0) {
            if (n == out.length) {
              out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = rowBase + Long.numberOfTrailingZeros(s);
            s &= s - 1;
          }
        }
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** numpy's default percentile: linear interpolation between the two nearest ranks. */
  static double percentile(float[] sorted, double p) {
    double rank = p / 100.0 * (sorted.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
  }
}
