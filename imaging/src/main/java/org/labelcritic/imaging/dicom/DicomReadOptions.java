package org.labelcritic.imaging.dicom;

/**
 * Limits and policies of the DICOM readers. Every allocation that a file's header asks for is
 * checked against these before it happens, so a hostile or damaged header ends in a clear error,
 * never an {@link OutOfMemoryError}.
 *
 * @param maxFileBytes the largest single file read into memory (also the largest inflated dataset
 *     of a deflated file)
 * @param maxVoxelBytes the largest decoded volume (all slices together)
 * @param unevenSpacing what to do when the slices of a stack are not evenly spaced
 */
public record DicomReadOptions(long maxFileBytes, long maxVoxelBytes, UnevenSpacing unevenSpacing) {

  /** 1 GiB per file, 2 GiB per volume, uneven spacing refused. */
  public static final DicomReadOptions DEFAULTS =
      new DicomReadOptions(1L << 30, 2L << 30, UnevenSpacing.REFUSE);

  /** Uneven slice spacing: refuse the series, or read it with the mean step and warn. */
  public enum UnevenSpacing {
    /**
     * Refuse: a regular grid cannot place every slice where it was acquired, so presenting the
     * volume would put masks and measurements in the wrong place.
     */
    REFUSE,
    /** Read it anyway (first to last position spread evenly) and report the gap as a warning. */
    WARN
  }

  public DicomReadOptions {
    if (maxFileBytes <= 0 || maxFileBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxFileBytes must be in 1..2^31-17: " + maxFileBytes);
    }
    if (maxVoxelBytes <= 0) {
      throw new IllegalArgumentException("maxVoxelBytes must be positive: " + maxVoxelBytes);
    }
    if (unevenSpacing == null) {
      throw new IllegalArgumentException("unevenSpacing is required");
    }
  }

  public DicomReadOptions withMaxVoxelBytes(long bytes) {
    return new DicomReadOptions(maxFileBytes, bytes, unevenSpacing);
  }

  public DicomReadOptions withUnevenSpacing(UnevenSpacing policy) {
    return new DicomReadOptions(maxFileBytes, maxVoxelBytes, policy);
  }
}
