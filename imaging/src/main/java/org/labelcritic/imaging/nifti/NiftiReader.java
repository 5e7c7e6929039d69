package org.labelcritic.imaging.nifti;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.imaging.volume.Volume;
import org.labelcritic.imaging.volume.Volume.Voxels;
import org.labelcritic.model.LabelCriticException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a NIfTI-1 or NIfTI-2 image ({@code .nii} or {@code .nii.gz}, either byte order) into a
 * {@link Volume}. The header is read and validated by {@link NiftiHeaderReader} first, and every
 * size is checked before the voxel array is allocated: a hostile or damaged file ends in a {@link
 * LabelCriticException} naming the file, never in an out-of-memory error, a hang or a partial
 * volume. A file with several volumes (4-D) yields its first volume, and says so in the volume's
 * description and in a warning. Thread-safe: it holds only its limits.
 *
 * <p>Storage: uint8/int8 as bytes, int16/uint16 as shorts, 32- and 64-bit types as shorts when
 * every value is an integer in int16 range, otherwise as floats (exact for float32 and for integers
 * up to 2^24; float64 values are rounded to float). scl_slope/scl_inter become the volume's
 * scaling; a slope of 0 means "no scaling", as the standard says.
 */
public final class NiftiReader {

  /**
   * Deflate cannot expand data by more than about 1032:1, so a gzip file declaring more than this
   * many bytes per byte on disk is damaged or hostile; refusing it avoids inflating a huge array.
   */
  static final long MAX_DEFLATE_RATIO = 1032;

  /** The largest Java array the VMs in use can allocate. */
  static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private static final Set<NiftiDataType> SUPPORTED =
      EnumSet.of(
          NiftiDataType.UINT8,
          NiftiDataType.INT8,
          NiftiDataType.INT16,
          NiftiDataType.UINT16,
          NiftiDataType.INT32,
          NiftiDataType.UINT32,
          NiftiDataType.FLOAT32,
          NiftiDataType.FLOAT64);

  private static final Logger LOG = LoggerFactory.getLogger(NiftiReader.class);

  private final NiftiHeaderReader headers;
  private final long maxVoxels;

  public NiftiReader() {
    this(NiftiHeaderReader.DEFAULT_MAX_VOXELS);
  }

  /** A reader that refuses files declaring more than {@code maxVoxels} voxels in all. */
  public NiftiReader(long maxVoxels) {
    this.headers = new NiftiHeaderReader(maxVoxels);
    this.maxVoxels = maxVoxels;
  }

  public long maxVoxels() {
    return maxVoxels;
  }

  public Volume read(Path file) throws LabelCriticException {
    return read(headers.read(file));
  }

  /** Reads the voxels of a file whose header was already read (e.g. while importing). */
  public Volume read(NiftiHeader header) throws LabelCriticException {
    Path file = header.file();
    NiftiDataType type = header.dataType();
    if (!SUPPORTED.contains(type)) {
      throw LabelCriticException.inFile(
          file,
          "unsupported datatype "
              + type.label()
              + " (code "
              + type.code()
              + "); supported: "
              + SUPPORTED.stream().map(NiftiDataType::label).collect(Collectors.joining(", ")));
    }
    Geometry geometry = checkedGeometry(header);
    long voxels = geometry.voxelCount();
    if (voxels > maxVoxels || voxels > MAX_ARRAY) {
      throw LabelCriticException.inFile(
          file,
          "the image has "
              + voxels
              + " voxels ("
              + geometry.dimsText()
              + "), more than the limit of "
              + Math.min(maxVoxels, MAX_ARRAY));
    }
    long dataBytes = type.bytesFor(voxels);
    checkAgainstFileSize(header, dataBytes);
    checkHeap(file, voxels, type);
    Voxels values = decode(header, (int) voxels);
    String description = file.getFileName().toString();
    if (header.hasSeveralVolumes()) {
      description += " (volume 1 of " + header.volumeCount() + ")";
      LOG.warn("{}: the file holds {} volumes; only the first is read", file, header.volumeCount());
    }
    double slope = 1;
    double intercept = 0;
    if (header.isScaled()) {
      slope = header.sclSlope();
      intercept = header.sclInter();
      if (!Double.isFinite(intercept)) {
        LOG.warn("{}: scl_inter is {}; using 0", file, intercept);
        intercept = 0;
      }
    }
    LOG.debug(
        "{}: read {} {} voxels as {}", file, geometry.dimsText(), type.label(), kindOf(values));
    return new Volume(geometry, values, slope, intercept, description);
  }

  private static Geometry checkedGeometry(NiftiHeader header) throws LabelCriticException {
    Geometry g = header.geometry();
    double[] spacing = {g.sx(), g.sy(), g.sz()};
    for (int i = 0; i < 3; i++) {
      if (!(spacing[i] > 0) || !Double.isFinite(spacing[i])) {
        throw LabelCriticException.inFile(
            header.file(), "voxel size along axis " + (i + 1) + " is " + spacing[i]);
      }
    }
    for (double v : g.affine().rowMajor()) {
      if (!Double.isFinite(v)) {
        throw LabelCriticException.inFile(
            header.file(),
            "the voxel-to-world matrix (sform/qform) has a non-finite entry: " + g.affine());
      }
    }
    return g;
  }

  private static void checkAgainstFileSize(NiftiHeader header, long dataBytes)
      throws LabelCriticException {
    // The header reader has compared the declared size with the file (or the gzip trailer when
    // below 4 GiB); this bound also holds above 4 GiB, where the trailer cannot tell.
    if (header.gzipped() && dataBytes / MAX_DEFLATE_RATIO > header.fileSize()) {
      throw LabelCriticException.inFile(
          header.file(),
          "the header declares "
              + dataBytes
              + " bytes of voxel data, more than a "
              + header.fileSize()
              + "-byte gzip file can hold");
    }
  }

  private static void checkHeap(Path file, long voxels, NiftiDataType type)
      throws LabelCriticException {
    // 32/64-bit data may need a short[] and a float[] at once while switching storage.
    long bytesPerVoxel = Math.min(type.bytesPerVoxel(), 2) + (type.bytesPerVoxel() >= 4 ? 4 : 0);
    long needed = voxels * bytesPerVoxel + VoxelDecoder.CHUNK * 3L;
    long max = Runtime.getRuntime().maxMemory();
    if (needed > max) {
      throw LabelCriticException.inFile(
          file,
          "the image needs "
              + (needed >> 20)
              + " MiB of memory, more than the "
              + (max >> 20)
              + " MiB this program may use");
    }
  }

  private static Voxels decode(NiftiHeader header, int voxels) throws LabelCriticException {
    Path file = header.file();
    long dataBytes = header.dataType().bytesFor(voxels);
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = header.gzipped() ? new GZIPInputStream(raw, 1 << 16) : raw) {
      in.skipNBytes(header.voxOffset());
      VoxelDecoder decoder = new VoxelDecoder(in, header.byteOrder());
      Voxels values;
      try {
        values = decoder.decode(header.dataType(), voxels);
      } catch (OutOfMemoryError e) {
        // One large array that does not fit is the user's problem to act on, not a crash.
        throw LabelCriticException.inFile(
            file, "not enough memory for " + voxels + " voxels (" + dataBytes + " bytes)");
      }
      if (header.gzipped() && !header.hasSeveralVolumes()) {
        drainToCheckCrc(in);
      }
      return values;
    } catch (VoxelDecoder.ShortDataException e) {
      throw LabelCriticException.inFile(
          file,
          "data shorter than declared: the voxel data ends after "
              + e.bytesRead
              + " of "
              + dataBytes
              + " bytes",
          e);
    } catch (EOFException e) {
      throw LabelCriticException.inFile(
          file,
          header.gzipped()
              ? "the gzip stream is truncated (the file was cut short while copying?)"
              : "data shorter than declared: the file ends before vox_offset",
          e);
    } catch (ZipException e) {
      throw LabelCriticException.inFile(file, "not a valid gzip stream: " + e.getMessage(), e);
    } catch (IOException e) {
      throw LabelCriticException.inFile(file, "cannot read the voxel data: " + e, e);
    }
  }

  /**
   * Reads the gzip trailer, so that the stream checks its CRC: a corrupted file that still inflates
   * must not pass as a volume. Bounded, in case of trailing data.
   */
  private static void drainToCheckCrc(InputStream in) throws IOException {
    byte[] sink = new byte[8192];
    long left = 1 << 20;
    int r;
    while (left > 0 && (r = in.read(sink)) >= 0) {
      left -= r;
    }
  }

  private static String kindOf(Voxels v) {
    return switch (v) {
      case Voxels.Bytes b -> b.unsigned() ? "uint8" : "int8";
      case Voxels.Shorts s -> s.unsigned() ? "uint16" : "int16";
      case Voxels.Floats f -> "float32";
    };
  }
}
