package org.labelcritic.imaging.mask;

/**
 * An axis-aligned box of voxels: {@code x0 <= x < x1}, and likewise for y and z. An empty box has
 * no voxels ({@link #EMPTY} is the canonical one).
 */
public record Box(int x0, int y0, int z0, int x1, int y1, int z1) {

  public static final Box EMPTY = new Box(0, 0, 0, 0, 0, 0);

  public Box {
    if (x1 < x0 || y1 < y0 || z1 < z0) {
      throw new IllegalArgumentException(
          "box ends before it starts: "
              + x0
              + ".."
              + x1
              + ", "
              + y0
              + ".."
              + y1
              + ", "
              + z0
              + ".."
              + z1);
    }
  }

  public boolean isEmpty() {
    return x1 == x0 || y1 == y0 || z1 == z0;
  }

  public int width() {
    return x1 - x0;
  }

  public int height() {
    return y1 - y0;
  }

  public int depth() {
    return z1 - z0;
  }

  public long voxelCount() {
    return (long) width() * height() * depth();
  }

  public boolean contains(int x, int y, int z) {
    return x >= x0 && x < x1 && y >= y0 && y < y1 && z >= z0 && z < z1;
  }

  /** The voxels in both boxes; {@link #EMPTY} when they do not overlap. */
  public Box intersect(Box o) {
    int ax = Math.max(x0, o.x0);
    int ay = Math.max(y0, o.y0);
    int az = Math.max(z0, o.z0);
    int bx = Math.min(x1, o.x1);
    int by = Math.min(y1, o.y1);
    int bz = Math.min(z1, o.z1);
    return ax < bx && ay < by && az < bz ? new Box(ax, ay, az, bx, by, bz) : EMPTY;
  }

  /** The smallest box holding both; an empty box adds nothing. */
  public Box span(Box o) {
    if (isEmpty()) {
      return o;
    }
    if (o.isEmpty()) {
      return this;
    }
    return new Box(
        Math.min(x0, o.x0),
        Math.min(y0, o.y0),
        Math.min(z0, o.z0),
        Math.max(x1, o.x1),
        Math.max(y1, o.y1),
        Math.max(z1, o.z1));
  }
}
