/**
 * NIfTI-1 and NIfTI-2 reading: the header alone ({@link
 * org.labelcritic.imaging.nifti.NiftiHeaderReader}, {@link
 * org.labelcritic.imaging.nifti.NiftiHeader}), which the importer uses to check grids and label
 * tables of hundreds of files before it commits to loading any volume, and the voxels ({@link
 * org.labelcritic.imaging.nifti.NiftiReader}) into a {@link org.labelcritic.imaging.volume.Volume},
 * streamed from the (gzip) file straight into the primitive array with every size checked first.
 */
package org.labelcritic.imaging.nifti;
