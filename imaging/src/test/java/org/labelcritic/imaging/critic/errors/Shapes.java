package org.labelcritic.imaging.critic.errors;

import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.Box;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.imaging.volume.Volume;

/** Synthetic grids, masks and CTs for the error generator tests. */
final class Shapes {

  private Shapes() {}

  static Geometry grid(int nx, int ny, int nz, double sx, double sy, double sz) {
    return new Geometry(nx, ny, nz, sx, sy, sz, Affine.scaling(sx, sy, sz));
  }

  static BinaryMask block(Geometry g, int x0, int y0, int z0, int x1, int y1, int z1) {
    Box b = new Box(x0, y0, z0, x1, y1, z1);
    return BinaryMask.of(g, b::contains);
  }

  /** A CT of {@code hu} everywhere (soft tissue, so the whole grid counts as body). */
  static Volume uniformCt(Geometry g, int hu) {
    short[] v = new short[Math.toIntExact(g.voxelCount())];
    java.util.Arrays.fill(v, (short) hu);
    return new Volume(g, new Volume.Voxels.Shorts(v, false), 1, 0, "synthetic");
  }

  /** Voxels of {@code m} on slice z. */
  static long sliceCount(BinaryMask m, int z) {
    long n = 0;
    Geometry g = m.geometry();
    for (int y = 0; y < g.ny(); y++) {
      for (int x = 0; x < g.nx(); x++) {
        n += m.get(x, y, z) ? 1 : 0;
      }
    }
    return n;
  }
}
