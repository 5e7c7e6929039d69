package org.labelcritic.imaging.critic.features;

import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.imaging.volume.Geometry;

/**
 * The voxel axis that runs head to foot: the one whose affine column points most along world z
 * (superior). For axial CT this is the third axis, but a grid stored in another order (a sagittal
 * or coronal acquisition) still has its "slices" counted along the right axis.
 */
public final class SliceAxis {

  private SliceAxis() {}

  /** 0, 1 or 2: the voxel axis most aligned with world z. */
  public static int of(Geometry g) {
    Affine a = g.affine();
    int best = 2;
    double bestCos = -1;
    for (int c = 0; c < 3; c++) {
      double x = a.get(0, c);
      double y = a.get(1, c);
      double z = a.get(2, c);
      double norm = Math.sqrt(x * x + y * y + z * z);
      double cos = norm > 0 ? Math.abs(z) / norm : 0;
      // Ties go to the later axis, so a degenerate affine keeps the usual third axis.
      if (cos >= bestCos) {
        bestCos = cos;
        best = c;
      }
    }
    return best;
  }

  /** The number of voxels of {@code g} along {@code axis}. */
  public static int size(Geometry g, int axis) {
    return switch (axis) {
      case 0 -> g.nx();
      case 1 -> g.ny();
      default -> g.nz();
    };
  }

  /** The voxel spacing of {@code g} along {@code axis}, mm. */
  public static double spacing(Geometry g, int axis) {
    return switch (axis) {
      case 0 -> g.sx();
      case 1 -> g.sy();
      default -> g.sz();
    };
  }
}
