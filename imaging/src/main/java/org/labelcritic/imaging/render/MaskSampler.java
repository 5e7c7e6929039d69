package org.labelcritic.imaging.render;

/**
 * Whether a voxel (in the volume's voxel indices) belongs to a label. Any mask type can be drawn
 * through this: a compact mask's {@code contains}, a label map compared with a value, ...
 */
@FunctionalInterface
public interface MaskSampler {
  boolean contains(int x, int y, int z);
}
