/**
 * NIfTI-1 and NIfTI-2 header reading ({@link org.labelcritic.imaging.nifti.NiftiHeaderReader}), the
 * value types it produces ({@link org.labelcritic.imaging.nifti.NiftiHeader}, {@link
 * org.labelcritic.imaging.volume.Affine}, {@link org.labelcritic.imaging.volume.Geometry}), and a
 * streaming file digest. Nothing here decodes voxel data: the importer reads headers of hundreds of
 * files to check grids and label tables before it commits to loading any volume.
 */
package org.labelcritic.imaging.nifti;
