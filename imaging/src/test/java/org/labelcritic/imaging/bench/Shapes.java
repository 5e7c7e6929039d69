package org.labelcritic.imaging.bench;

import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.Box;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.imaging.volume.Geometry;

/** Synthetic CT-sized grids and organ-like ellipsoids for the benchmarks. */
public final class Shapes {

  private Shapes() {}

  /** A 512 x 512 x 300 CT grid with 0.8 x 0.8 x 1.5 mm voxels. */
  public static Geometry ctGrid() {
    return new Geometry(512, 512, 300, 0.8, 0.8, 1.5, Affine.scaling(0.8, 0.8, 1.5));
  }

  /** An axis-aligned ellipsoid with centre and radii in voxels, built inside its own box. */
  public static BinaryMask ellipsoid(
      Geometry g, double cx, double cy, double cz, double rx, double ry, double rz) {
    Box box =
        new Box(
            (int) Math.max(0, Math.floor(cx - rx)),
            (int) Math.max(0, Math.floor(cy - ry)),
            (int) Math.max(0, Math.floor(cz - rz)),
            (int) Math.min(g.nx(), Math.ceil(cx + rx) + 1),
            (int) Math.min(g.ny(), Math.ceil(cy + ry) + 1),
            (int) Math.min(g.nz(), Math.ceil(cz + rz) + 1));
    BinaryMask.Builder b = new BinaryMask.Builder(g, box);
    for (int z = box.z0(); z < box.z1(); z++) {
      for (int y = box.y0(); y < box.y1(); y++) {
        for (int x = box.x0(); x < box.x1(); x++) {
          double dx = (x - cx) / rx;
          double dy = (y - cy) / ry;
          double dz = (z - cz) / rz;
          if (dx * dx + dy * dy + dz * dz <= 1) {
            b.set(x, y, z);
          }
        }
      }
    }
    return b.build();
  }
}
