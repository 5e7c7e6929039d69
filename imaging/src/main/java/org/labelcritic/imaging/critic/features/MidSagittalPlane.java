package org.labelcritic.imaging.critic.features;

import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.imaging.volume.Volume;

/**
 * The body's mid-sagittal plane, taken as the plane world x = {@code worldX} (RAS+, so a point with
 * a smaller x lies on the patient's left). Scanner coordinates put the table centre, not the body
 * centre, at x = 0, so the plane is estimated from the CT: the mean world x of the body's voxels.
 *
 * @param worldX the plane's world x, mm
 */
public record MidSagittalPlane(double worldX) {

  /** Voxels above this HU count as body (soft tissue and bone; air and lung fall below). */
  public static final double BODY_HU = -300;

  /** About this many voxels are sampled: enough for a stable mean, fast on any scan. */
  private static final double SAMPLES = 2_000_000;

  /**
   * Estimates the plane from a CT. Samples a regular sub-grid; falls back to the grid's centre when
   * no voxel is above {@link #BODY_HU} (an empty or non-CT image).
   */
  public static MidSagittalPlane estimate(Volume ct) {
    Geometry g = ct.geometry();
    int step = (int) Math.max(1, Math.ceil(Math.cbrt(g.voxelCount() / SAMPLES)));
    Affine a = g.affine();
    double sum = 0;
    long n = 0;
    for (int z = step / 2; z < g.nz(); z += step) {
      for (int y = step / 2; y < g.ny(); y += step) {
        int base = ct.index(0, y, z);
        for (int x = step / 2; x < g.nx(); x += step) {
          if (ct.value(base + x) > BODY_HU) {
            sum += a.get(0, 0) * x + a.get(0, 1) * y + a.get(0, 2) * z;
            n++;
          }
        }
      }
    }
    if (n == 0) {
      return new MidSagittalPlane(
          a.apply((g.nx() - 1) / 2.0, (g.ny() - 1) / 2.0, (g.nz() - 1) / 2.0)[0]);
    }
    return new MidSagittalPlane(sum / n + a.get(0, 3));
  }
}
