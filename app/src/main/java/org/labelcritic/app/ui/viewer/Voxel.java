package org.labelcritic.app.ui.viewer;

/** A voxel of the scan's grid, in voxel indices. */
public record Voxel(int x, int y, int z) {
  public static Voxel of(int[] xyz) {
    return new Voxel(xyz[0], xyz[1], xyz[2]);
  }

  public int[] toArray() {
    return new int[] {x, y, z};
  }
}
