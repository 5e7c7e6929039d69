/**
 * Binary masks and the measures the critic and the statistics take from them. A {@link
 * org.labelcritic.imaging.mask.BinaryMask} is cropped to its bounding box and bit-packed, so a scan
 * with 30 candidate masks costs a fraction of the scan itself; masks come from a label map and a
 * set of label values ({@link org.labelcritic.imaging.mask.LabelMasks}, {@link
 * org.labelcritic.imaging.mask.MaskReader}). Measures use the voxel spacing, so they are right on
 * anisotropic grids: {@link org.labelcritic.imaging.mask.MaskMetrics} (volume, overlap, surface
 * area, centroid), {@link org.labelcritic.imaging.mask.SurfaceDistances} (Hausdorff, HD95) and
 * {@link org.labelcritic.imaging.mask.ConnectedComponents}.
 */
package org.labelcritic.imaging.mask;
