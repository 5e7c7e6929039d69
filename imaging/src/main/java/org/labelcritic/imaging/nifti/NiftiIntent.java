package org.labelcritic.imaging.nifti;

/**
 * The statistical or other meaning of the voxel values (intent_code, its three parameters and
 * intent_name). Label maps normally carry code 0 (none) or 1002 (label).
 */
public record NiftiIntent(int code, double p1, double p2, double p3, String name) {

  public static final int LABEL = 1002;
}
