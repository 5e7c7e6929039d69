package org.labelcritic.imaging.nifti;

import org.labelcritic.imaging.volume.Affine;

/**
 * The qform parameters of a NIfTI header: the rotation quaternion (b, c, d; a is implied), the
 * offset, and qfac (the sign of pixdim[0]) which flips the third axis for left-handed grids.
 */
public record NiftiQuaternion(
    double b, double c, double d, double offsetX, double offsetY, double offsetZ, double qfac) {

  /**
   * The qform affine (NIfTI "method 2"): rotation from the quaternion, columns scaled by the voxel
   * size, the third by qfac as well, then the offset.
   */
  public Affine toAffine(double dx, double dy, double dz) {
    double bb = b;
    double cc = c;
    double dd = d;
    double a;
    double rest = 1.0 - (bb * bb + cc * cc + dd * dd);
    // b, c, d are stored as float32, so |(b,c,d)| may exceed 1 by rounding: that means a 180
    // degree rotation (a = 0) with (b,c,d) renormalised, as the NIfTI reference code does.
    if (rest < 1e-7) {
      double norm = Math.sqrt(bb * bb + cc * cc + dd * dd);
      bb /= norm;
      cc /= norm;
      dd /= norm;
      a = 0;
    } else {
      a = Math.sqrt(rest);
    }
    // Voxel sizes are magnitudes here; a non-positive size would make the matrix singular.
    double sx = dx > 0 ? dx : 1;
    double sy = dy > 0 ? dy : 1;
    double sz = (dz > 0 ? dz : 1) * (qfac < 0 ? -1 : 1);
    double r11 = a * a + bb * bb - cc * cc - dd * dd;
    double r12 = 2 * (bb * cc - a * dd);
    double r13 = 2 * (bb * dd + a * cc);
    double r21 = 2 * (bb * cc + a * dd);
    double r22 = a * a + cc * cc - bb * bb - dd * dd;
    double r23 = 2 * (cc * dd - a * bb);
    double r31 = 2 * (bb * dd - a * cc);
    double r32 = 2 * (cc * dd + a * bb);
    double r33 = a * a + dd * dd - bb * bb - cc * cc;
    return Affine.fromRows(
        new double[] {r11 * sx, r12 * sy, r13 * sz, offsetX},
        new double[] {r21 * sx, r22 * sy, r23 * sz, offsetY},
        new double[] {r31 * sx, r32 * sy, r33 * sz, offsetZ});
  }
}
