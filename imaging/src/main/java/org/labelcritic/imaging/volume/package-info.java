/**
 * Volumes in memory: the voxel grid ({@link org.labelcritic.imaging.volume.Geometry}, {@link
 * org.labelcritic.imaging.volume.Affine}, world = RAS+ mm) and the voxel values ({@link
 * org.labelcritic.imaging.volume.Volume}). Every reader (NIfTI, DICOM) produces these.
 */
package org.labelcritic.imaging.volume;
