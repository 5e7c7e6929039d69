package org.labelcritic.imaging.critic.features;

import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.Box;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.imaging.volume.Volume;

/**
 * The measures of a non-empty mask that need its voxels and the CT, taken in two passes over the
 * mask's bounding box (plus a margin of two voxels) on one unpacked byte raster: HU statistics,
 * boundary gradient, a smooth surface area, slice occupancy and side. Cost is linear in the box;
 * the raster is the only allocation.
 */
final class VoxelMeasures {

  private static final int PAD = 2;

  double huMean;
  double huSd;
  double boundaryGradient;
  double surfaceAreaMm2;
  int sliceGaps;
  double missingSliceFraction;
  boolean touchesFovEnd;
  double leftFraction;
  double outerOrganLike;
  double shellContrast;
  double abruptEnd;

  static VoxelMeasures of(ScanContext scan, BinaryMask m) {
    VoxelMeasures out = new VoxelMeasures();
    Volume ct = scan.ct();
    Geometry g = ct.geometry();
    Box b = m.bounds();
    int w = b.width() + 2 * PAD;
    int h = b.height() + 2 * PAD;
    int d = b.depth() + 2 * PAD;
    byte[] r = new byte[Math.multiplyExact(Math.multiplyExact(w, h), d)];
    for (int z = b.z0(); z < b.z1(); z++) {
      for (int y = b.y0(); y < b.y1(); y++) {
        int row = PAD + w * ((y - b.y0() + PAD) + h * (z - b.z0() + PAD));
        for (int x = b.x0(); x < b.x1(); x++) {
          if (m.get(x, y, z)) {
            r[row + x - b.x0()] = 1;
          }
        }
      }
    }
    out.voxelPass(scan, m, r, w, h);
    out.shellPass(ct, b, r, w, h, d);
    out.surfaceArea(r, w, h, d, g);
    return out;
  }

  private void voxelPass(ScanContext scan, BinaryMask m, byte[] r, int w, int h) {
    Volume ct = scan.ct();
    Geometry g = ct.geometry();
    Affine a = g.affine();
    double plane = scan.plane().worldX();
    Box b = m.bounds();
    int axis = scan.sliceAxis();
    int sliceLo = axis == 0 ? b.x0() : axis == 1 ? b.y0() : b.z0();
    int sliceHi = axis == 0 ? b.x1() : axis == 1 ? b.y1() : b.z1();
    long[] perSlice = new long[sliceHi - sliceLo];
    int plane2 = w * h;
    double sum = 0;
    double sumSq = 0;
    double gradSum = 0;
    long surface = 0;
    long left = 0;
    for (int z = b.z0(); z < b.z1(); z++) {
      for (int y = b.y0(); y < b.y1(); y++) {
        int ri = PAD + w * ((y - b.y0() + PAD) + h * (z - b.z0() + PAD));
        int ci = ct.index(b.x0(), y, z);
        for (int x = b.x0(); x < b.x1(); x++, ri++, ci++) {
          if (r[ri] == 0) {
            continue;
          }
          double hu = ct.value(ci);
          sum += hu;
          sumSq += hu * hu;
          perSlice[(axis == 0 ? x : axis == 1 ? y : z) - sliceLo]++;
          if (a.get(0, 0) * x + a.get(0, 1) * y + a.get(0, 2) * z + a.get(0, 3) < plane) {
            left++;
          }
          if ((r[ri - 1] & r[ri + 1] & r[ri - w] & r[ri + w] & r[ri - plane2] & r[ri + plane2])
              == 0) {
            surface++;
            gradSum += gradient(ct, x, y, z);
          }
        }
      }
    }
    long n = m.count();
    huMean = sum / n;
    huSd = Math.sqrt(Math.max(0, sumSq / n - huMean * huMean));
    boundaryGradient = surface == 0 ? 0 : gradSum / surface;
    leftFraction = (double) left / n;
    int empty = 0;
    long widest = 0;
    for (long c : perSlice) {
      widest = Math.max(widest, c);
    }
    for (int i = 0; i < perSlice.length; i++) {
      if (perSlice[i] == 0) {
        empty++;
        if (perSlice[i - 1] != 0) {
          sliceGaps++;
        }
      }
    }
    missingSliceFraction = (double) empty / perSlice.length;
    boolean lowAtEdge = sliceLo == 0;
    boolean highAtEdge = sliceHi == SliceAxis.size(g, axis);
    touchesFovEnd = lowAtEdge || highAtEdge;
    // An organ tapers towards its ends; a label cut short ends on a wide slice. Ends at the scan's
    // edge are cut by the field of view, not by the label, and do not count.
    double lowEnd = lowAtEdge || perSlice.length < 3 ? 0 : (double) perSlice[0] / widest;
    double highEnd =
        highAtEdge || perSlice.length < 3 ? 0 : (double) perSlice[perSlice.length - 1] / widest;
    abruptEnd = Math.max(lowEnd, highEnd);
  }

  /**
   * The one-voxel shell just outside the mask (face neighbours of its voxels, inside the CT): the
   * share whose HU looks like the inside (within one spread of its mean, at least 10 HU), and how
   * far the shell's mean HU is from the inside's, in spreads. A label that stops short of its organ
   * has an organ-like shell; one on the organ's edge has a contrasting one.
   */
  private void shellPass(Volume ct, Box b, byte[] r, int w, int h, int d) {
    Geometry g = ct.geometry();
    int plane = w * h;
    double spread = Math.max(10, huSd);
    long shell = 0;
    long like = 0;
    double sum = 0;
    for (int rz = 1; rz < d - 1; rz++) {
      int z = b.z0() + rz - PAD;
      if (z < 0 || z >= g.nz()) {
        continue;
      }
      for (int ry = 1; ry < h - 1; ry++) {
        int y = b.y0() + ry - PAD;
        if (y < 0 || y >= g.ny()) {
          continue;
        }
        for (int rx = 1, i = 1 + w * (ry + h * rz); rx < w - 1; rx++, i++) {
          if (r[i] != 0
              || (r[i - 1] | r[i + 1] | r[i - w] | r[i + w] | r[i - plane] | r[i + plane]) == 0) {
            continue;
          }
          int x = b.x0() + rx - PAD;
          if (x < 0 || x >= g.nx()) {
            continue;
          }
          double hu = ct.value(x, y, z);
          shell++;
          sum += hu;
          if (Math.abs(hu - huMean) <= spread) {
            like++;
          }
        }
      }
    }
    outerOrganLike = shell == 0 ? 0 : (double) like / shell;
    shellContrast = shell == 0 ? 0 : Math.min(10, Math.abs(sum / shell - huMean) / spread);
  }

  /** |grad HU| in HU/mm at a voxel: central differences, one-sided at the grid's edge. */
  private static double gradient(Volume ct, int x, int y, int z) {
    Geometry g = ct.geometry();
    double gx = diff(ct, x, y, z, 1, 0, 0, x, g.nx(), g.sx());
    double gy = diff(ct, x, y, z, 0, 1, 0, y, g.ny(), g.sy());
    double gz = diff(ct, x, y, z, 0, 0, 1, z, g.nz(), g.sz());
    return Math.sqrt(gx * gx + gy * gy + gz * gz);
  }

  private static double diff(
      Volume ct, int x, int y, int z, int dx, int dy, int dz, int c, int n, double spacing) {
    int lo = c > 0 ? 1 : 0;
    int hi = c < n - 1 ? 1 : 0;
    if (lo + hi == 0) {
      return 0;
    }
    double v1 = ct.value(x + dx * hi, y + dy * hi, z + dz * hi);
    double v0 = ct.value(x - dx * lo, y - dy * lo, z - dz * lo);
    return (v1 - v0) / ((lo + hi) * spacing);
  }

  /**
   * Surface area as the total variation of the mask's indicator (the sum of |grad u| dV, central
   * differences): unlike counting voxel faces, which overestimates a sphere by about half, this is
   * close to the smooth surface whatever its direction, so a sphere's sphericity comes out near 1.
   */
  private void surfaceArea(byte[] r, int w, int h, int d, Geometry g) {
    int plane = w * h;
    double cx = 1 / (2 * g.sx());
    double cy = 1 / (2 * g.sy());
    double cz = 1 / (2 * g.sz());
    double sum = 0;
    for (int z = 1; z < d - 1; z++) {
      for (int y = 1; y < h - 1; y++) {
        for (int x = 1, i = 1 + w * (y + h * z); x < w - 1; x++, i++) {
          int ux = r[i + 1] - r[i - 1];
          int uy = r[i + w] - r[i - w];
          int uz = r[i + plane] - r[i - plane];
          if ((ux | uy | uz) != 0) {
            double gx = ux * cx;
            double gy = uy * cy;
            double gz = uz * cz;
            sum += Math.sqrt(gx * gx + gy * gy + gz * gz);
          }
        }
      }
    }
    surfaceAreaMm2 = sum * g.sx() * g.sy() * g.sz();
  }
}
