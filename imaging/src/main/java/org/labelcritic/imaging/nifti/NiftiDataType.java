package org.labelcritic.imaging.nifti;

import java.util.Optional;

/** The NIfTI datatype codes (nifti1.h, shared by NIfTI-2) with their storage size. */
public enum NiftiDataType {
  BINARY(1, "binary", 1),
  UINT8(2, "uint8", 8),
  INT16(4, "int16", 16),
  INT32(8, "int32", 32),
  FLOAT32(16, "float32", 32),
  COMPLEX64(32, "complex64", 64),
  FLOAT64(64, "float64", 64),
  RGB24(128, "rgb24", 24),
  INT8(256, "int8", 8),
  UINT16(512, "uint16", 16),
  UINT32(768, "uint32", 32),
  INT64(1024, "int64", 64),
  UINT64(1280, "uint64", 64),
  FLOAT128(1536, "float128", 128),
  COMPLEX128(1792, "complex128", 128),
  COMPLEX256(2048, "complex256", 256),
  RGBA32(2304, "rgba32", 32);

  private final int code;
  private final String label;
  private final int bitsPerVoxel;

  NiftiDataType(int code, String label, int bitsPerVoxel) {
    this.code = code;
    this.label = label;
    this.bitsPerVoxel = bitsPerVoxel;
  }

  public static Optional<NiftiDataType> ofCode(int code) {
    for (NiftiDataType t : values()) {
      if (t.code == code) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  public int code() {
    return code;
  }

  /** The name used in NIfTI tools and in messages, e.g. "uint8". */
  public String label() {
    return label;
  }

  public int bitsPerVoxel() {
    return bitsPerVoxel;
  }

  /** Bytes per voxel; 0 for {@link #BINARY}, which packs 8 voxels in a byte. */
  public int bytesPerVoxel() {
    return bitsPerVoxel / 8;
  }

  /** Bytes needed for {@code voxels} voxels, rounding packed bits up to whole bytes. */
  public long bytesFor(long voxels) {
    return Math.ceilDiv(Math.multiplyExact(voxels, (long) bitsPerVoxel), 8L);
  }
}
