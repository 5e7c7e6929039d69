package org.labelcritic.imaging.mask;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.imaging.volume.Geometry;

/** Grids and masks for the mask tests. */
final class Grids {

  private Grids() {}

  static Geometry grid(int nx, int ny, int nz, double sx, double sy, double sz) {
    return new Geometry(nx, ny, nz, sx, sy, sz, Affine.scaling(sx, sy, sz));
  }

  /** The voxels of the box [x0,x1) x [y0,y1) x [z0,z1). */
  static BinaryMask block(Geometry g, int x0, int y0, int z0, int x1, int y1, int z1) {
    Box b = new Box(x0, y0, z0, x1, y1, z1);
    return BinaryMask.of(g, b::contains);
  }

  static Path resource(String name) {
    try {
      return Path.of(Grids.class.getResource("/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("test resource missing: " + name, e);
    }
  }
}
