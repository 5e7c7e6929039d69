package org.labelcritic.imaging.render;

/**
 * Whether a voxel (in the volume's voxel indices) belongs to a label. Any mask type can be drawn
 * through this: a compact mask's {@code contains}, a label map compared with a value, ...
 */
@FunctionalInterface
public interface MaskSampler {
  boolean contains(int x, int y, int z);

  /**
   * A box of voxels outside which {@link #contains} is false, as {@code {x0, y0, z0, x1, y1, z1}}
   * with exclusive ends; null when unknown (the whole grid). A renderer asks only about voxels
   * inside it, so a small organ costs a small part of a slice.
   */
  default int[] bounds() {
    return null;
  }

  /**
   * {@code mask} known to be false outside the box {@code x0 <= x < x1}, {@code y0 <= y < y1},
   * {@code z0 <= z < z1} (a compact mask's bounding box).
   */
  static MaskSampler within(int x0, int y0, int z0, int x1, int y1, int z1, MaskSampler mask) {
    if (x1 < x0 || y1 < y0 || z1 < z0) {
      throw new IllegalArgumentException("the box ends before it starts");
    }
    int[] box = {x0, y0, z0, x1, y1, z1};
    return new MaskSampler() {
      @Override
      public boolean contains(int x, int y, int z) {
        return x >= x0
            && x < x1
            && y >= y0
            && y < y1
            && z >= z0
            && z < z1
            && mask.contains(x, y, z);
      }

      @Override
      public int[] bounds() {
        return box.clone();
      }
    };
  }
}
