package org.labelcritic.imaging.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.labelcritic.imaging.mask.Grids.block;
import static org.labelcritic.imaging.mask.Grids.grid;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.labelcritic.imaging.volume.Geometry;

class SurfaceDistancesTest {

  @Test
  void twoVoxelsAreTheirCentreDistanceApart() {
    // (0,0,0) to (3,4,0): sqrt((3*2)^2 + (4*1)^2) = sqrt(52) with 2 x 1 x 1 mm voxels.
    Geometry g = grid(5, 5, 2, 2, 1, 1);
    SurfaceDistances d =
        SurfaceDistances.between(block(g, 0, 0, 0, 1, 1, 1), block(g, 3, 4, 0, 4, 5, 1));

    assertThat(d.hausdorffMm()).isCloseTo(Math.sqrt(52), within(1e-5));
    assertThat(d.hd95Mm()).isCloseTo(Math.sqrt(52), within(1e-5));
    assertThat(d.meanMm()).isCloseTo(Math.sqrt(52), within(1e-5));
  }

  @Test
  void aLongerRodIsFarFromTheShorterOnlyAtItsEnd() {
    // Rods along x, 1 mm voxels: A = x 0..9, B = x 0..19, all voxels on the surface.
    // A -> B: all 0. B -> A: ten 0s, then 1..10 for x = 10..19.
    // Hausdorff 10. B -> A 95th percentile: rank 0.95 * 19 = 18.05 between sorted[18] = 9 and
    // sorted[19] = 10: 9.05; A -> B: 0; HD95 = 9.05. Mean: (1 + ... + 10) / 30 = 55 / 30.
    Geometry g = grid(30, 1, 1, 1, 1, 1);
    SurfaceDistances d =
        SurfaceDistances.between(block(g, 0, 0, 0, 10, 1, 1), block(g, 0, 0, 0, 20, 1, 1));

    assertThat(d.hausdorffMm()).isCloseTo(10, within(1e-6));
    assertThat(d.hd95Mm()).isCloseTo(9.05, within(1e-5));
    assertThat(d.meanMm()).isCloseTo(55.0 / 30, within(1e-6));
  }

  @Test
  void identicalMasksAreZeroApartAndEmptyOnesUndefined() {
    Geometry g = grid(8, 8, 8, 1, 1, 1);
    BinaryMask a = block(g, 1, 1, 1, 6, 6, 6);

    assertThat(SurfaceDistances.between(a, a)).isEqualTo(new SurfaceDistances(0, 0, 0));
    assertThat(SurfaceDistances.between(a, BinaryMask.empty(g)))
        .isEqualTo(SurfaceDistances.UNDEFINED);
  }

  @Test
  void agreesWithBruteForceOnRandomBlobsOnAnAnisotropicGrid() {
    Random r = new Random(42);
    Geometry g = grid(70, 23, 17, 0.7, 1.3, 2.5);
    for (int trial = 0; trial < 5; trial++) {
      BinaryMask a = blob(g, r);
      BinaryMask b = blob(g, r);
      double[] expected = bruteForce(a, b, g);

      SurfaceDistances d = SurfaceDistances.between(a, b);

      assertThat(d.hausdorffMm()).as("trial %d", trial).isCloseTo(expected[0], within(1e-4));
      assertThat(d.hd95Mm()).as("trial %d", trial).isCloseTo(expected[1], within(1e-4));
      assertThat(d.meanMm()).as("trial %d", trial).isCloseTo(expected[2], within(1e-4));
    }
  }

  /** Union of a few random balls with noise. */
  private static BinaryMask blob(Geometry g, Random r) {
    double[][] balls = new double[3][];
    for (int i = 0; i < 3; i++) {
      balls[i] =
          new double[] {
            r.nextInt(g.nx()), r.nextInt(g.ny()), r.nextInt(g.nz()), 2 + r.nextDouble() * 8
          };
    }
    long seed = r.nextLong();
    return BinaryMask.of(
        g,
        (x, y, z) -> {
          for (double[] b : balls) {
            double dx = x - b[0];
            double dy = y - b[1];
            double dz = z - b[2];
            if (dx * dx + dy * dy + dz * dz <= b[3] * b[3]) {
              return new Random(seed ^ (x * 31L + y * 1009L + z * 100003L)).nextInt(10) > 0;
            }
          }
          return false;
        });
  }

  private static double[] bruteForce(BinaryMask a, BinaryMask b, Geometry g) {
    int[][] sa = surfacePoints(a, g);
    int[][] sb = surfacePoints(b, g);
    double[] ab = directed(sa, sb, g);
    double[] ba = directed(sb, sa, g);
    double sum = Arrays.stream(ab).sum() + Arrays.stream(ba).sum();
    return new double[] {
      Math.max(ab[ab.length - 1], ba[ba.length - 1]),
      Math.max(percentile(ab), percentile(ba)),
      sum / (ab.length + ba.length)
    };
  }

  private static double percentile(double[] sorted) {
    double rank = 0.95 * (sorted.length - 1);
    int lo = (int) rank;
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
  }

  private static double[] directed(int[][] from, int[][] to, Geometry g) {
    double[] out = new double[from.length];
    for (int i = 0; i < from.length; i++) {
      double best = Double.MAX_VALUE;
      for (int[] t : to) {
        double dx = (from[i][0] - t[0]) * g.sx();
        double dy = (from[i][1] - t[1]) * g.sy();
        double dz = (from[i][2] - t[2]) * g.sz();
        best = Math.min(best, dx * dx + dy * dy + dz * dz);
      }
      out[i] = Math.sqrt(best);
    }
    Arrays.sort(out);
    return out;
  }

  private static int[][] surfacePoints(BinaryMask m, Geometry g) {
    java.util.List<int[]> pts = new java.util.ArrayList<>();
    for (int z = 0; z < g.nz(); z++) {
      for (int y = 0; y < g.ny(); y++) {
        for (int x = 0; x < g.nx(); x++) {
          if (m.get(x, y, z)
              && !(m.get(x - 1, y, z)
                  && m.get(x + 1, y, z)
                  && m.get(x, y - 1, z)
                  && m.get(x, y + 1, z)
                  && m.get(x, y, z - 1)
                  && m.get(x, y, z + 1))) {
            pts.add(new int[] {x, y, z});
          }
        }
      }
    }
    return pts.toArray(int[][]::new);
  }
}
