package org.labelcritic.imaging.critic.errors;

/**
 * The ways AI organ labels really fail, each with what its severity s (0..1) means physically.
 * Sizes in mm are never below the grid's smallest voxel spacing, so every error changes the mask;
 * counts of slices are rounded to whole slices along the head-to-foot axis ({@code SliceAxis}).
 */
public enum ErrorType {
  /** Eroded by 2 + 8 s mm (Euclidean, anisotropic-aware): a label that stops short of the edge. */
  UNDER_SEGMENTATION,
  /** Dilated by 2 + 8 s mm into body tissue (HU above -300, not into air): a label that bleeds. */
  OVER_SEGMENTATION,
  /**
   * The part of a neighbouring structure within 5 + 25 s mm of the mask is added (a dilation
   * restricted to the neighbour); with no neighbour in reach, soft tissue (-50..250 HU) in that
   * reach is added instead. The neighbour is drawn with odds in proportion to its voxels in reach.
   */
  SPILL,
  /** A run of 5 + 25 s mm of slices inside the mask's extent is emptied (ends kept). */
  DROPPED_SLICES,
  /** 10 + 40 s mm of slices are cut off one end (head or foot, by the seed). */
  TRUNCATION,
  /**
   * A ball of radius 5 + 20 s mm cut out of the mask is copied elsewhere in the body, not touching
   * the mask: a false-positive fragment with the organ's texture.
   */
  EXTRA_FRAGMENT,
  /** A ball of radius 5 + 20 s mm inside the mask is removed, enclosed where the mask allows. */
  HOLES,
  /**
   * A run of 25% + 75% s of the mask's slices is mirrored across the body's mid-sagittal plane; for
   * a paired organ whose other side is among the neighbours, the mirror image is moved onto the
   * other side's position (the model labelled the wrong kidney).
   */
  LR_SWAP,
  /** Moved by 2 + 13 s mm in a random 3-D direction. */
  SHIFT
}
