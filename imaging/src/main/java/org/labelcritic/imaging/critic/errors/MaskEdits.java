package org.labelcritic.imaging.critic.errors;

import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.Box;
import org.labelcritic.imaging.mask.DistanceTransform;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.imaging.volume.Geometry;

/**
 * Edits of a mask on its own grid, in physical units where a size is asked for: Euclidean erosion
 * and dilation in mm (right on anisotropic grids), translation, slice removal, mirroring across a
 * sagittal plane, set operations. Each works inside a bounding box, so its cost follows the mask,
 * not the scan.
 */
public final class MaskEdits {

  /** Relative slack on a radius, so that "1 voxel" at a spacing of 1 mm includes distance 1. */
  private static final double SLACK = 1e-6;

  private MaskEdits() {}

  /** The voxels of {@code box} (clipped to the grid) that pass {@code test}. */
  public static BinaryMask select(Geometry g, Box box, BinaryMask.VoxelTest test) {
    Box b = clip(box, g);
    if (b.isEmpty()) {
      return BinaryMask.empty(g);
    }
    BinaryMask.Builder out = new BinaryMask.Builder(g, b);
    for (int z = b.z0(); z < b.z1(); z++) {
      for (int y = b.y0(); y < b.y1(); y++) {
        for (int x = b.x0(); x < b.x1(); x++) {
          if (test.test(x, y, z)) {
            out.set(x, y, z);
          }
        }
      }
    }
    return out.build();
  }

  /**
   * Removes every voxel within {@code mm} of a background voxel of the grid (Euclidean, in mm): a
   * 10x10x10 cube at 1 mm eroded by 1 mm is 8x8x8. The grid's edge is not background, so a mask cut
   * by the field of view is not eaten from its cut face.
   */
  public static BinaryMask erode(BinaryMask m, double mm) {
    if (m.isEmpty() || !(mm > 0)) {
      return m;
    }
    Geometry g = m.geometry();
    Box box = clip(grow(m.bounds(), 1, 1, 1), g);
    float[] d = distances(g, box, (x, y, z) -> !m.get(x, y, z));
    double r2 = mm * mm * (1 + SLACK);
    return select(g, m.bounds(), (x, y, z) -> m.get(x, y, z) && d[index(box, x, y, z)] > r2);
  }

  /** Adds every voxel within {@code mm} of the mask (Euclidean, in mm). */
  public static BinaryMask dilate(BinaryMask m, double mm) {
    return dilate(m, mm, null);
  }

  /**
   * Adds every voxel within {@code mm} of the mask that also passes {@code allowed} (all voxels
   * when null): a dilation restricted to, say, a neighbouring organ or to the body.
   */
  public static BinaryMask dilate(BinaryMask m, double mm, BinaryMask.VoxelTest allowed) {
    if (m.isEmpty() || !(mm > 0)) {
      return m;
    }
    Geometry g = m.geometry();
    Box box = clip(reach(m.bounds(), g, mm), g);
    float[] d = distances(g, box, m::get);
    double r2 = mm * mm * (1 + SLACK);
    return select(
        g,
        box,
        (x, y, z) ->
            m.get(x, y, z)
                || d[index(box, x, y, z)] <= r2 && (allowed == null || allowed.test(x, y, z)));
  }

  /**
   * Squared distances (mm^2) from each voxel of {@code box} to the nearest voxel of the box that
   * passes {@code site}; index x + w*(y + h*z) relative to the box.
   */
  static float[] distances(Geometry g, Box box, BinaryMask.VoxelTest site) {
    float[] d = new float[Math.toIntExact(box.voxelCount())];
    int i = 0;
    for (int z = box.z0(); z < box.z1(); z++) {
      for (int y = box.y0(); y < box.y1(); y++) {
        for (int x = box.x0(); x < box.x1(); x++) {
          d[i++] = site.test(x, y, z) ? 0 : DistanceTransform.FAR;
        }
      }
    }
    DistanceTransform.squaredDistances(
        d, box.width(), box.height(), box.depth(), g.sx(), g.sy(), g.sz());
    return d;
  }

  /** The mask moved by (dx, dy, dz) voxels; what leaves the grid is lost. */
  public static BinaryMask translate(BinaryMask m, int dx, int dy, int dz) {
    Box b = m.bounds();
    if (b.isEmpty()) {
      return m;
    }
    Box moved =
        new Box(b.x0() + dx, b.y0() + dy, b.z0() + dz, b.x1() + dx, b.y1() + dy, b.z1() + dz);
    return select(m.geometry(), moved, (x, y, z) -> m.get(x - dx, y - dy, z - dz));
  }

  /** The mask without the slices {@code from <= c < to} along voxel axis {@code axis}. */
  public static BinaryMask removeSlices(BinaryMask m, int axis, int from, int to) {
    return select(
        m.geometry(),
        m.bounds(),
        (x, y, z) -> {
          int c = axis == 0 ? x : axis == 1 ? y : z;
          return (c < from || c >= to) && m.get(x, y, z);
        });
  }

  /** Only the slices {@code from <= c < to} along voxel axis {@code axis}. */
  public static BinaryMask keepSlices(BinaryMask m, int axis, int from, int to) {
    return select(
        m.geometry(),
        m.bounds(),
        (x, y, z) -> {
          int c = axis == 0 ? x : axis == 1 ? y : z;
          return c >= from && c < to && m.get(x, y, z);
        });
  }

  public static BinaryMask union(BinaryMask a, BinaryMask b) {
    return select(
        a.geometry(), a.bounds().span(b.bounds()), (x, y, z) -> a.get(x, y, z) || b.get(x, y, z));
  }

  /** The voxels of {@code a} not in {@code b}. */
  public static BinaryMask minus(BinaryMask a, BinaryMask b) {
    return select(a.geometry(), a.bounds(), (x, y, z) -> a.get(x, y, z) && !b.get(x, y, z));
  }

  /** The voxels of {@code m} within {@code mm} of voxel centre (cx, cy, cz). */
  public static BinaryMask insideBall(BinaryMask m, int cx, int cy, int cz, double mm) {
    BinaryMask.VoxelTest ball = ball(m.geometry(), cx, cy, cz, mm);
    return select(m.geometry(), m.bounds(), (x, y, z) -> m.get(x, y, z) && ball.test(x, y, z));
  }

  /** {@code m} without the voxels within {@code mm} of voxel centre (cx, cy, cz). */
  public static BinaryMask outsideBall(BinaryMask m, int cx, int cy, int cz, double mm) {
    BinaryMask.VoxelTest ball = ball(m.geometry(), cx, cy, cz, mm);
    return select(m.geometry(), m.bounds(), (x, y, z) -> m.get(x, y, z) && !ball.test(x, y, z));
  }

  static BinaryMask.VoxelTest ball(Geometry g, int cx, int cy, int cz, double mm) {
    double r2 = mm * mm * (1 + SLACK);
    return (x, y, z) -> {
      double dx = (x - cx) * g.sx();
      double dy = (y - cy) * g.sy();
      double dz = (z - cz) * g.sz();
      return dx * dx + dy * dy + dz * dz <= r2;
    };
  }

  /**
   * The mask reflected across the sagittal plane world x = {@code planeX} (RAS+ mm), through the
   * grid's affine, so it works whatever the grid's axis order. Each target voxel takes the value of
   * the source voxel nearest to its reflection, which leaves no holes.
   */
  public static BinaryMask mirror(BinaryMask m, double planeX) {
    if (m.isEmpty()) {
      return m;
    }
    Geometry g = m.geometry();
    double[] t = mirrorTransform(g.affine(), planeX);
    Box b = m.bounds();
    int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
    int[] hi = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
    for (int corner = 0; corner < 8; corner++) {
      double x = (corner & 1) == 0 ? b.x0() : b.x1() - 1;
      double y = (corner & 2) == 0 ? b.y0() : b.y1() - 1;
      double z = (corner & 4) == 0 ? b.z0() : b.z1() - 1;
      for (int r = 0; r < 3; r++) {
        // The transform is its own inverse, so it also maps source corners to target corners.
        double v = t[4 * r] * x + t[4 * r + 1] * y + t[4 * r + 2] * z + t[4 * r + 3];
        lo[r] = Math.min(lo[r], (int) Math.floor(v) - 1);
        hi[r] = Math.max(hi[r], (int) Math.ceil(v) + 2);
      }
    }
    Box target = new Box(lo[0], lo[1], lo[2], hi[0], hi[1], hi[2]);
    return select(
        g,
        target,
        (x, y, z) ->
            m.get(
                (int) Math.round(t[0] * x + t[1] * y + t[2] * z + t[3]),
                (int) Math.round(t[4] * x + t[5] * y + t[6] * z + t[7]),
                (int) Math.round(t[8] * x + t[9] * y + t[10] * z + t[11])));
  }

  /**
   * Voxel-to-voxel reflection as 3 rows of 4: s = L^-1 (R (L v + o) + e - o), where L and o are the
   * affine's linear part and offset, R negates world x and e = (2 planeX, 0, 0).
   */
  private static double[] mirrorTransform(Affine a, double planeX) {
    double[][] l = new double[3][3];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        l[r][c] = a.get(r, c);
      }
    }
    double[][] inv = invert(l);
    double[][] rl = {{-l[0][0], -l[0][1], -l[0][2]}, l[1], l[2]};
    double[] off = {-2 * a.get(0, 3) + 2 * planeX, 0, 0};
    double[] t = new double[12];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        double s = 0;
        for (int k = 0; k < 3; k++) {
          s += inv[r][k] * rl[k][c];
        }
        t[4 * r + c] = s;
      }
      double s = 0;
      for (int k = 0; k < 3; k++) {
        s += inv[r][k] * off[k];
      }
      t[4 * r + 3] = s;
    }
    return t;
  }

  private static double[][] invert(double[][] m) {
    double det =
        m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
            - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    if (!(Math.abs(det) > 0)) {
      throw new IllegalArgumentException("the grid's affine is singular");
    }
    double[][] r = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        // Cofactor of (j, i) over the determinant: the adjugate's entry (i, j).
        int r0 = (j + 1) % 3;
        int r1 = (j + 2) % 3;
        int c0 = (i + 1) % 3;
        int c1 = (i + 2) % 3;
        r[i][j] = (m[r0][c0] * m[r1][c1] - m[r0][c1] * m[r1][c0]) / det;
      }
    }
    return r;
  }

  static Box grow(Box b, int gx, int gy, int gz) {
    return new Box(b.x0() - gx, b.y0() - gy, b.z0() - gz, b.x1() + gx, b.y1() + gy, b.z1() + gz);
  }

  /** {@code b} grown by {@code mm} along each axis, in whole voxels. */
  static Box reach(Box b, Geometry g, double mm) {
    return grow(
        b,
        (int) Math.ceil(mm / g.sx()),
        (int) Math.ceil(mm / g.sy()),
        (int) Math.ceil(mm / g.sz()));
  }

  static Box clip(Box b, Geometry g) {
    if (b.isEmpty()) {
      return Box.EMPTY;
    }
    return b.intersect(new Box(0, 0, 0, g.nx(), g.ny(), g.nz()));
  }

  static int index(Box box, int x, int y, int z) {
    return (x - box.x0()) + box.width() * ((y - box.y0()) + box.height() * (z - box.z0()));
  }
}
