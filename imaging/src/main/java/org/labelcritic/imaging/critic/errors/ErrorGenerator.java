package org.labelcritic.imaging.critic.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.labelcritic.imaging.critic.features.MidSagittalPlane;
import org.labelcritic.imaging.critic.features.SliceAxis;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.Box;
import org.labelcritic.imaging.mask.MaskMetrics;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.imaging.volume.Volume;

/**
 * Training data by design: a good mask perturbed the way AI labels really fail ({@link ErrorType}),
 * on its CT, with a severity knob and a seed. The same inputs and seed always give the same mask.
 */
public final class ErrorGenerator {

  /** Soft tissue, for a spill that finds no neighbour in reach. */
  private static final double TISSUE_LO = -50;

  private static final double TISSUE_HI = 250;

  /** A paired organ's other side must lie this close to the mirror image's centroid, mm. */
  private static final double PAIR_REACH_MM = 50;

  private static final int FRAGMENT_TRIES = 64;

  private ErrorGenerator() {}

  /**
   * Perturbs {@code good}.
   *
   * @param ct the CT the mask lies on (for the body, soft tissue and the mid-sagittal plane)
   * @param good a non-empty mask on {@code ct}'s grid
   * @param neighbours other structures of the same scan by name (for spill and left/right swap);
   *     may be empty
   * @param type how to perturb
   * @param severity 0..1, mapped to a physical size as {@link ErrorType} documents
   * @param seed the random choices (direction, position, neighbour) follow from it
   * @throws IllegalArgumentException for an empty mask, a severity outside 0..1 or masks on another
   *     grid
   */
  public static GeneratedError generate(
      Volume ct,
      BinaryMask good,
      Map<String, BinaryMask> neighbours,
      ErrorType type,
      double severity,
      long seed) {
    Objects.requireNonNull(ct, "ct");
    Objects.requireNonNull(type, "type");
    if (good.isEmpty()) {
      throw new IllegalArgumentException("cannot perturb an empty mask");
    }
    if (!(severity >= 0 && severity <= 1)) {
      throw new IllegalArgumentException("severity must be in 0..1: " + severity);
    }
    requireGrid(ct.geometry(), good, "the mask");
    // Sorted, so that the seed's choices do not depend on the caller's map order.
    Map<String, BinaryMask> others = new TreeMap<>(neighbours);
    others.forEach((name, m) -> requireGrid(ct.geometry(), m, "neighbour '" + name + "'"));
    SplittableRandom rnd = new SplittableRandom(seed);
    double s = severity;
    Edit e =
        switch (type) {
          case UNDER_SEGMENTATION -> under(good, s);
          case OVER_SEGMENTATION -> over(ct, good, s);
          case SPILL -> spill(ct, good, others, s, rnd);
          case DROPPED_SLICES -> droppedSlices(good, s, rnd);
          case TRUNCATION -> truncation(good, s, rnd);
          case EXTRA_FRAGMENT -> fragment(ct, good, s, rnd);
          case HOLES -> hole(good, s, rnd);
          case LR_SWAP -> swap(ct, good, others, s, rnd);
          case SHIFT -> shift(good, s, rnd);
        };
    return new GeneratedError(type, severity, e.mask, MaskMetrics.dice(good, e.mask), e.detail);
  }

  private record Edit(BinaryMask mask, String detail) {}

  private static Edit under(BinaryMask good, double s) {
    double mm = atLeastOneVoxel(good.geometry(), 2 + 8 * s);
    return new Edit(MaskEdits.erode(good, mm), format("eroded %.1f mm", mm));
  }

  private static Edit over(Volume ct, BinaryMask good, double s) {
    double mm = atLeastOneVoxel(good.geometry(), 2 + 8 * s);
    BinaryMask m =
        MaskEdits.dilate(good, mm, (x, y, z) -> ct.value(x, y, z) > MidSagittalPlane.BODY_HU);
    return new Edit(m, format("dilated %.1f mm into the body", mm));
  }

  private static Edit spill(
      Volume ct, BinaryMask good, Map<String, BinaryMask> others, double s, SplittableRandom rnd) {
    Geometry g = good.geometry();
    double mm = atLeastOneVoxel(g, 5 + 25 * s);
    double r2 = mm * mm * (1 + 1e-6);
    Box box = MaskEdits.clip(MaskEdits.reach(good.bounds(), g, mm), g);
    float[] d = MaskEdits.distances(g, box, good::get);
    BinaryMask.VoxelTest near = (x, y, z) -> d[MaskEdits.index(box, x, y, z)] <= r2;
    List<String> inReach = new ArrayList<>();
    List<Long> weights = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, BinaryMask> n : others.entrySet()) {
      BinaryMask nb = n.getValue();
      Box overlap = box.intersect(nb.bounds());
      long count =
          overlap.isEmpty()
              ? 0
              : MaskEdits.select(
                      g,
                      overlap,
                      (x, y, z) -> nb.get(x, y, z) && !good.get(x, y, z) && near.test(x, y, z))
                  .count();
      if (count > 0) {
        inReach.add(n.getKey());
        weights.add(count);
        total += count;
      }
    }
    if (total == 0) {
      BinaryMask m =
          MaskEdits.select(
              g,
              box,
              (x, y, z) -> {
                if (good.get(x, y, z)) {
                  return true;
                }
                double hu = ct.value(x, y, z);
                return hu >= TISSUE_LO && hu <= TISSUE_HI && near.test(x, y, z);
              });
      return new Edit(m, format("no neighbour within %.1f mm; spilled into soft tissue", mm));
    }
    // A neighbour with more tissue in reach is more likely to be spilled into.
    long pick = rnd.nextLong(total);
    int i = 0;
    while (pick >= weights.get(i)) {
      pick -= weights.get(i++);
    }
    String name = inReach.get(i);
    BinaryMask nb = others.get(name);
    BinaryMask m =
        MaskEdits.select(
            g, box, (x, y, z) -> good.get(x, y, z) || nb.get(x, y, z) && near.test(x, y, z));
    return new Edit(m, format("spilled into %s within %.1f mm", name, mm));
  }

  private static Edit droppedSlices(BinaryMask good, double s, SplittableRandom rnd) {
    Extent e = Extent.of(good);
    int n = Math.max(1, (int) Math.round((5 + 25 * s) / e.spacing));
    int start;
    if (e.slices >= 3) {
      n = Math.min(n, e.slices - 2);
      start = e.first + 1 + rnd.nextInt(e.slices - 2 - n + 1);
    } else {
      n = 1;
      start = e.first + rnd.nextInt(e.slices);
    }
    BinaryMask m = MaskEdits.removeSlices(good, e.axis, start, start + n);
    return new Edit(m, format("dropped slices %d..%d of axis %d", start, start + n - 1, e.axis));
  }

  private static Edit truncation(BinaryMask good, double s, SplittableRandom rnd) {
    Extent e = Extent.of(good);
    int n = Math.max(1, (int) Math.round((10 + 40 * s) / e.spacing));
    n = Math.max(1, Math.min(n, e.slices - 1));
    boolean high = rnd.nextBoolean();
    int from = high ? e.first + e.slices - n : e.first;
    BinaryMask m = MaskEdits.removeSlices(good, e.axis, from, from + n);
    return new Edit(
        m,
        format("truncated %d slices at the %s end of axis %d", n, high ? "high" : "low", e.axis));
  }

  private static Edit fragment(Volume ct, BinaryMask good, double s, SplittableRandom rnd) {
    Geometry g = good.geometry();
    double r = atLeastOneVoxel(g, 5 + 20 * s);
    int[] c = randomVoxel(good, rnd);
    BinaryMask halo = MaskEdits.dilate(good, minSpacing(g));
    // A ball too large to fit elsewhere on the grid shrinks until it does.
    for (double radius = r; ; radius = Math.max(minSpacing(g), radius * 0.7)) {
      BinaryMask part = MaskEdits.insideBall(good, c[0], c[1], c[2], radius);
      Edit e = place(ct, good, halo, part, c, radius, rnd);
      if (e != null || radius <= minSpacing(g)) {
        return e != null
            ? e
            : new Edit(good, format("no place for a fragment on this grid; mask unchanged"));
      }
    }
  }

  /**
   * Moves {@code part} to a random place where it lies whole on the grid and does not touch the
   * mask, preferably with its centre in the body; null when no such place turns up.
   */
  private static Edit place(
      Volume ct,
      BinaryMask good,
      BinaryMask halo,
      BinaryMask part,
      int[] c,
      double radius,
      SplittableRandom rnd) {
    Geometry g = good.geometry();
    BinaryMask best = null;
    int[] move = null;
    for (int t = 0; t < FRAGMENT_TRIES; t++) {
      double[] u = unitVector(rnd);
      double dist = radius + 100 * rnd.nextDouble();
      int dx = (int) Math.round(dist * u[0] / g.sx());
      int dy = (int) Math.round(dist * u[1] / g.sy());
      int dz = (int) Math.round(dist * u[2] / g.sz());
      BinaryMask moved = MaskEdits.translate(part, dx, dy, dz);
      if (moved.count() != part.count() || MaskMetrics.intersectionCount(moved, halo) > 0) {
        continue;
      }
      best = moved;
      move = new int[] {dx, dy, dz};
      if (ct.value(c[0] + dx, c[1] + dy, c[2] + dz) > MidSagittalPlane.BODY_HU) {
        break;
      }
    }
    if (best == null) {
      return null;
    }
    return new Edit(
        MaskEdits.union(good, best),
        format(
            "added a %d-voxel fragment (ball of %.1f mm) moved by %d,%d,%d voxels",
            best.count(), radius, move[0], move[1], move[2]));
  }

  private static Edit hole(BinaryMask good, double s, SplittableRandom rnd) {
    Geometry g = good.geometry();
    double r = atLeastOneVoxel(g, 5 + 20 * s);
    double wall = minSpacing(g);
    Box box = MaskEdits.clip(MaskEdits.grow(good.bounds(), 1, 1, 1), g);
    float[] d = MaskEdits.distances(g, box, (x, y, z) -> !good.get(x, y, z));
    double need = (r + wall) * (r + wall);
    BinaryMask deep =
        MaskEdits.select(g, good.bounds(), (x, y, z) -> d[MaskEdits.index(box, x, y, z)] >= need);
    int[] c;
    if (!deep.isEmpty()) {
      c = randomVoxel(deep, rnd);
    } else {
      c = deepest(good, box, d);
      r = Math.max(0, Math.sqrt(d[MaskEdits.index(box, c[0], c[1], c[2])]) - wall);
    }
    BinaryMask m = MaskEdits.outsideBall(good, c[0], c[1], c[2], r);
    return new Edit(m, format("hole of %.1f mm at %d,%d,%d", r, c[0], c[1], c[2]));
  }

  private static Edit swap(
      Volume ct, BinaryMask good, Map<String, BinaryMask> others, double s, SplittableRandom rnd) {
    Extent e = Extent.of(good);
    int n = Math.max(1, (int) Math.round((0.25 + 0.75 * s) * e.slices));
    int start = e.first + rnd.nextInt(e.slices - n + 1);
    double plane = MidSagittalPlane.estimate(ct).worldX();
    BinaryMask part = MaskEdits.keepSlices(good, e.axis, start, start + n);
    BinaryMask mirrored = MaskEdits.mirror(part, plane);
    String pairedWith = counterpart(good, others, plane);
    String where = "mirrored";
    if (pairedWith != null) {
      double[] from = MaskMetrics.centroidVoxel(MaskEdits.mirror(good, plane));
      double[] to = MaskMetrics.centroidVoxel(others.get(pairedWith));
      mirrored =
          MaskEdits.translate(
              mirrored,
              (int) Math.round(to[0] - from[0]),
              (int) Math.round(to[1] - from[1]),
              (int) Math.round(to[2] - from[2]));
      where = "moved onto " + pairedWith;
    }
    BinaryMask m = MaskEdits.union(MaskEdits.minus(good, part), mirrored);
    return new Edit(
        m,
        format(
            "slices %d..%d of axis %d %s across x = %.1f mm",
            start, start + n - 1, e.axis, where, plane));
  }

  /**
   * The neighbour that is this organ's other side: similar volume (0.5..2x) and centroid within
   * {@link #PAIR_REACH_MM} of the mirror image's centroid; null when none is.
   */
  private static String counterpart(BinaryMask good, Map<String, BinaryMask> others, double plane) {
    double[] c = MaskMetrics.centroidWorld(good);
    double mx = 2 * plane - c[0];
    String best = null;
    double bestDist = PAIR_REACH_MM;
    for (Map.Entry<String, BinaryMask> n : others.entrySet()) {
      BinaryMask nb = n.getValue();
      double ratio = (double) nb.count() / good.count();
      if (nb.isEmpty() || ratio < 0.5 || ratio > 2) {
        continue;
      }
      double[] o = MaskMetrics.centroidWorld(nb);
      double dist = Math.sqrt(sq(o[0] - mx) + sq(o[1] - c[1]) + sq(o[2] - c[2]));
      if (dist <= bestDist) {
        bestDist = dist;
        best = n.getKey();
      }
    }
    return best;
  }

  private static Edit shift(BinaryMask good, double s, SplittableRandom rnd) {
    Geometry g = good.geometry();
    double mm = atLeastOneVoxel(g, 2 + 13 * s);
    double[] u = unitVector(rnd);
    int[] v = {
      (int) Math.round(mm * u[0] / g.sx()),
      (int) Math.round(mm * u[1] / g.sy()),
      (int) Math.round(mm * u[2] / g.sz())
    };
    if (v[0] == 0 && v[1] == 0 && v[2] == 0) {
      int a =
          Math.abs(u[0]) >= Math.abs(u[1]) && Math.abs(u[0]) >= Math.abs(u[2])
              ? 0
              : Math.abs(u[1]) >= Math.abs(u[2]) ? 1 : 2;
      v[a] = u[a] < 0 ? -1 : 1;
    }
    BinaryMask m = MaskEdits.translate(good, v[0], v[1], v[2]);
    return new Edit(m, format("shifted %.1f mm (%d,%d,%d voxels)", mm, v[0], v[1], v[2]));
  }

  /** The mask's slices along the head-to-foot axis. */
  private record Extent(int axis, int first, int slices, double spacing) {
    static Extent of(BinaryMask m) {
      Geometry g = m.geometry();
      int axis = SliceAxis.of(g);
      Box b = m.bounds();
      int lo = axis == 0 ? b.x0() : axis == 1 ? b.y0() : b.z0();
      int hi = axis == 0 ? b.x1() : axis == 1 ? b.y1() : b.z1();
      return new Extent(axis, lo, hi - lo, SliceAxis.spacing(g, axis));
    }
  }

  private static int[] randomVoxel(BinaryMask m, SplittableRandom rnd) {
    long k = rnd.nextLong(m.count());
    Box b = m.bounds();
    for (int z = b.z0(); z < b.z1(); z++) {
      for (int y = b.y0(); y < b.y1(); y++) {
        for (int x = b.x0(); x < b.x1(); x++) {
          if (m.get(x, y, z) && k-- == 0) {
            return new int[] {x, y, z};
          }
        }
      }
    }
    throw new IllegalStateException("voxel count out of step with " + m);
  }

  private static int[] deepest(BinaryMask m, Box box, float[] d) {
    int[] best = null;
    float max = -1;
    Box b = m.bounds();
    for (int z = b.z0(); z < b.z1(); z++) {
      for (int y = b.y0(); y < b.y1(); y++) {
        for (int x = b.x0(); x < b.x1(); x++) {
          float v = d[MaskEdits.index(box, x, y, z)];
          if (m.get(x, y, z) && v > max) {
            max = v;
            best = new int[] {x, y, z};
          }
        }
      }
    }
    return best;
  }

  private static double[] unitVector(SplittableRandom rnd) {
    while (true) {
      double x = rnd.nextGaussian();
      double y = rnd.nextGaussian();
      double z = rnd.nextGaussian();
      double n = Math.sqrt(x * x + y * y + z * z);
      if (n > 1e-9) {
        return new double[] {x / n, y / n, z / n};
      }
    }
  }

  private static double atLeastOneVoxel(Geometry g, double mm) {
    return Math.max(mm, minSpacing(g));
  }

  private static double minSpacing(Geometry g) {
    return Math.min(g.sx(), Math.min(g.sy(), g.sz()));
  }

  private static double sq(double v) {
    return v * v;
  }

  private static void requireGrid(Geometry g, BinaryMask m, String what) {
    Geometry mg = m.geometry();
    if (mg.nx() != g.nx() || mg.ny() != g.ny() || mg.nz() != g.nz()) {
      throw new IllegalArgumentException(
          what + " lies on " + mg.dimsText() + ", the CT on " + g.dimsText());
    }
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
