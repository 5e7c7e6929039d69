package org.labelcritic.imaging.nifti;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.imaging.volume.Geometry;

/**
 * Everything a NIfTI-1 or NIfTI-2 header says, plus what was learnt about the file while reading
 * it. Produced by {@link NiftiHeaderReader}, which has already validated it.
 *
 * @param file the file read
 * @param fileSize its size on disk, bytes
 * @param gzipped whether the file is gzip-compressed (detected by magic bytes)
 * @param gzipSizeMod32 the gzip ISIZE trailer (uncompressed size mod 2^32), if gzipped
 * @param version 1 or 2
 * @param byteOrder the byte order of the header and data
 * @param headerSize 348 (NIfTI-1) or 540 (NIfTI-2)
 * @param dim all eight dim[] entries; dim[0] is the number of dimensions
 * @param pixdim all eight pixdim[] entries; pixdim[0] is qfac, pixdim[1..3] the voxel size in mm
 * @param dataType the voxel type
 * @param voxOffset where voxel data starts, bytes into the (uncompressed) file
 * @param sclSlope value scaling slope (0 means "no scaling" in NIfTI)
 * @param sclInter value scaling intercept
 * @param intent the intent code, parameters and name
 * @param descrip the free-text description
 * @param qformCode how the qform was obtained (0 = not set)
 * @param sformCode how the sform was obtained (0 = not set)
 * @param quaternion the qform parameters
 * @param sform the srow_x/y/z matrix as stored, whether or not sformCode is set
 * @param affine the world affine NIfTI prescribes: sform, else qform, else pixdim scaling
 * @param extensions the header extensions in file order
 */
public record NiftiHeader(
    Path file,
    long fileSize,
    boolean gzipped,
    OptionalLong gzipSizeMod32,
    int version,
    ByteOrder byteOrder,
    int headerSize,
    List<Long> dim,
    List<Double> pixdim,
    NiftiDataType dataType,
    long voxOffset,
    double sclSlope,
    double sclInter,
    NiftiIntent intent,
    String descrip,
    int qformCode,
    int sformCode,
    NiftiQuaternion quaternion,
    Affine sform,
    Affine affine,
    List<NiftiExtension> extensions) {

  public NiftiHeader {
    dim = List.copyOf(dim);
    pixdim = List.copyOf(pixdim);
    extensions = List.copyOf(extensions);
  }

  public int ndim() {
    return dim.get(0).intValue();
  }

  /** dim[i] for i in 1..ndim, 1 beyond ndim (NIfTI leaves those entries undefined). */
  public long size(int axis) {
    return axis <= ndim() ? dim.get(axis) : 1;
  }

  public long voxelCount() {
    long n = 1;
    for (int i = 1; i <= ndim(); i++) {
      n = Math.multiplyExact(n, dim.get(i));
    }
    return n;
  }

  /** Volumes along dims 4..7: 1 for a 3-D image, more for a time series or vector image. */
  public long volumeCount() {
    long n = 1;
    for (int i = 4; i <= ndim(); i++) {
      n = Math.multiplyExact(n, dim.get(i));
    }
    return n;
  }

  /** True for a 4-D (or higher) file with more than one volume, which a mask should not be. */
  public boolean hasSeveralVolumes() {
    return volumeCount() > 1;
  }

  /** Bytes of voxel data the header declares. */
  public long dataBytes() {
    return dataType.bytesFor(voxelCount());
  }

  /** vox_offset plus the declared data: the least uncompressed size a complete file has. */
  public long declaredSize() {
    return Math.addExact(voxOffset, dataBytes());
  }

  /** Voxel size along axis 1..3 in mm; 1 for an axis beyond ndim whose pixdim is unset. */
  public double spacing(int axis) {
    return spacingOf(axis, ndim(), pixdim.get(axis));
  }

  static double spacingOf(int axis, int ndim, double pixdim) {
    double v = Math.abs(pixdim);
    return axis > ndim && !(v > 0 && Double.isFinite(v)) ? 1.0 : v;
  }

  /** The qform affine (NIfTI "method 2"), whether or not qformCode is set. */
  public Affine qform() {
    return quaternion.toAffine(spacing(1), spacing(2), spacing(3));
  }

  /** Orientation code of {@link #affine()}, e.g. "RAS" or "LPS". */
  public String orientation() {
    return affine.orientation();
  }

  /** Whether the values must be scaled (NIfTI: slope 0 means no scaling). */
  public boolean isScaled() {
    return sclSlope != 0 && Double.isFinite(sclSlope) && (sclSlope != 1 || sclInter != 0);
  }

  public Geometry geometry() {
    return new Geometry(
        (int) size(1), (int) size(2), (int) size(3), spacing(1), spacing(2), spacing(3), affine);
  }
}
