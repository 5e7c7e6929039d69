package org.labelcritic.imaging.nifti;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.model.LabelCriticException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and validates the header and header extensions of a NIfTI-1 or NIfTI-2 file ({@code .nii}
 * or gzip-compressed {@code .nii.gz}, either byte order) without decoding voxel data. For a gzip
 * file it inflates only up to vox_offset; the completeness of the data is checked from the file
 * size or the gzip size trailer. Thread-safe: it holds only its limits.
 */
public final class NiftiHeaderReader {

  /** Default voxel limit: 2^31, about 8 GiB of int32 voxels, far beyond any CT or mask. */
  public static final long DEFAULT_MAX_VOXELS = 1L << 31;

  /** Extensions larger than this are refused rather than allocated (a CIFTI XML is ~1 MiB). */
  static final int MAX_EXTENSION_BYTES = 64 << 20;

  private static final Logger LOG = LoggerFactory.getLogger(NiftiHeaderReader.class);
  private static final int GZIP_MAGIC = 0x8b1f;
  private static final long FOUR_GIB = 1L << 32;

  private final long maxVoxels;

  public NiftiHeaderReader() {
    this(DEFAULT_MAX_VOXELS);
  }

  /** A reader that refuses headers declaring more than {@code maxVoxels} voxels in all. */
  public NiftiHeaderReader(long maxVoxels) {
    if (maxVoxels < 1) {
      throw new IllegalArgumentException("maxVoxels must be positive: " + maxVoxels);
    }
    this.maxVoxels = maxVoxels;
  }

  public long maxVoxels() {
    return maxVoxels;
  }

  public NiftiHeader read(Path file) throws LabelCriticException {
    long fileSize = sizeOf(file);
    if (fileSize == 0) {
      throw LabelCriticException.inFile(file, "the file is empty, not a NIfTI image");
    }
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      boolean gzipped = startsWithGzipMagic(raw);
      OptionalLong isize =
          gzipped ? OptionalLong.of(gzipTrailer(file, fileSize)) : OptionalLong.empty();
      // Closing the gzip stream ends its Inflater now rather than at garbage collection, which
      // matters when an import opens hundreds of files.
      InputStream in = gzipped ? new GZIPInputStream(raw, 1 << 13) : raw;
      try (in) {
        RawHeader h = readFixedHeader(file, in);
        HeaderChecks.validate(file, h, maxVoxels);
        long voxOffset = (long) h.voxOffset();
        List<NiftiExtension> extensions =
            readExtensions(file, in, h.headerSize(), voxOffset, h.order());
        NiftiHeader header = assemble(file, fileSize, gzipped, isize, h, voxOffset, extensions);
        checkDataLength(header);
        LOG.debug(
            "{}: NIfTI-{} {} {} {} {}",
            file,
            header.version(),
            header.dataType().label(),
            header.dim().subList(1, header.ndim() + 1),
            header.orientation(),
            header.hasSeveralVolumes() ? "(" + header.volumeCount() + " volumes)" : "");
        return header;
      }
    } catch (ZipException e) {
      throw LabelCriticException.inFile(file, "not a valid gzip stream: " + e.getMessage(), e);
    } catch (EOFException e) {
      throw LabelCriticException.inFile(
          file, "the gzip stream is truncated (the file was cut short while copying?)", e);
    } catch (IOException e) {
      throw LabelCriticException.inFile(file, "cannot read the file: " + e, e);
    }
  }

  private static long sizeOf(Path file) throws LabelCriticException {
    try {
      return Files.size(file);
    } catch (NoSuchFileException e) {
      throw LabelCriticException.inFile(file, "the file does not exist", e);
    } catch (IOException e) {
      throw LabelCriticException.inFile(file, "cannot read the file: " + e, e);
    }
  }

  private static boolean startsWithGzipMagic(InputStream in) throws IOException {
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    return b0 >= 0 && b1 >= 0 && (b0 | (b1 << 8)) == GZIP_MAGIC;
  }

  /** The last four bytes of a gzip file: ISIZE, the uncompressed size mod 2^32, little-endian. */
  private static long gzipTrailer(Path file, long fileSize)
      throws IOException, LabelCriticException {
    // 10-byte gzip header + at least 2 bytes of deflate data + 8-byte trailer.
    if (fileSize < 20) {
      throw LabelCriticException.inFile(
          file, "the gzip stream is truncated: " + fileSize + " bytes cannot hold a gzip file");
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
      while (buf.hasRemaining()) {
        if (ch.read(buf, fileSize - 4 + buf.position()) < 0) {
          throw new EOFException();
        }
      }
      return Integer.toUnsignedLong(buf.getInt(0));
    }
  }

  private static RawHeader readFixedHeader(Path file, InputStream in)
      throws IOException, LabelCriticException {
    byte[] first = in.readNBytes(4);
    if (first.length < 4) {
      throw LabelCriticException.inFile(
          file, "truncated header: " + first.length + " bytes, a NIfTI header has 348 or 540");
    }
    ByteOrder order;
    int size;
    int le = ByteBuffer.wrap(first).order(ByteOrder.LITTLE_ENDIAN).getInt();
    int be = ByteBuffer.wrap(first).order(ByteOrder.BIG_ENDIAN).getInt();
    // sizeof_hdr is 348 or 540 in the file's own byte order, which is how NIfTI-1/2 readers
    // tell both the version and the byte order apart.
    if (le == RawHeader.NIFTI1_SIZE || le == RawHeader.NIFTI2_SIZE) {
      order = ByteOrder.LITTLE_ENDIAN;
      size = le;
    } else if (be == RawHeader.NIFTI1_SIZE || be == RawHeader.NIFTI2_SIZE) {
      order = ByteOrder.BIG_ENDIAN;
      size = be;
    } else {
      throw LabelCriticException.inFile(
          file,
          "not a NIfTI file: sizeof_hdr is "
              + le
              + " (expected 348 for NIfTI-1 or 540 for NIfTI-2)");
    }
    byte[] rest = in.readNBytes(size - 4);
    if (rest.length < size - 4) {
      throw LabelCriticException.inFile(
          file,
          "truncated header: the file ends after "
              + (4 + rest.length)
              + " bytes but a NIfTI-"
              + (size == RawHeader.NIFTI1_SIZE ? 1 : 2)
              + " header has "
              + size);
    }
    byte[] bytes = Arrays.copyOf(first, size);
    System.arraycopy(rest, 0, bytes, 4, rest.length);
    return size == RawHeader.NIFTI1_SIZE
        ? RawHeader.parseNifti1(bytes, order)
        : RawHeader.parseNifti2(bytes, order);
  }

  /**
   * Reads the 4-byte extender after the fixed header and, when its first byte is set, the
   * extensions that fill the space up to vox_offset (each: int esize, int ecode, esize-8 bytes).
   */
  private static List<NiftiExtension> readExtensions(
      Path file, InputStream in, int headerSize, long voxOffset, ByteOrder order)
      throws IOException, LabelCriticException {
    if (voxOffset < headerSize + 4L) {
      return List.of();
    }
    byte[] extender = in.readNBytes(4);
    if (extender.length < 4) {
      throw endsBeforeVoxOffset(file, headerSize + extender.length, voxOffset);
    }
    if (extender[0] == 0) {
      return List.of();
    }
    long space = voxOffset - headerSize - 4;
    if (space > MAX_EXTENSION_BYTES) {
      throw LabelCriticException.inFile(
          file,
          "header extensions claim "
              + space
              + " bytes (vox_offset "
              + voxOffset
              + "), more than the "
              + MAX_EXTENSION_BYTES
              + " bytes this reader accepts");
    }
    byte[] region = in.readNBytes((int) space);
    if (region.length < space) {
      throw endsBeforeVoxOffset(file, headerSize + 4L + region.length, voxOffset);
    }
    return ExtensionParser.parse(file, region, headerSize + 4, order);
  }

  private static LabelCriticException endsBeforeVoxOffset(Path file, long end, long voxOffset) {
    return LabelCriticException.inFile(
        file,
        "data shorter than declared: the file ends at byte "
            + end
            + ", before vox_offset "
            + voxOffset);
  }

  private static NiftiHeader assemble(
      Path file,
      long fileSize,
      boolean gzipped,
      OptionalLong isize,
      RawHeader h,
      long voxOffset,
      List<NiftiExtension> extensions) {
    List<Long> dim = new ArrayList<>(8);
    List<Double> pixdim = new ArrayList<>(8);
    for (int i = 0; i < 8; i++) {
      dim.add(h.dim()[i]);
      pixdim.add(h.pixdim()[i]);
    }
    NiftiDataType type = NiftiDataType.ofCode(h.datatype()).orElseThrow();
    int ndim = (int) h.dim()[0];
    double dx = NiftiHeader.spacingOf(1, ndim, h.pixdim()[1]);
    double dy = NiftiHeader.spacingOf(2, ndim, h.pixdim()[2]);
    double dz = NiftiHeader.spacingOf(3, ndim, h.pixdim()[3]);
    Affine affine;
    if (h.sformCode() > 0) {
      affine = h.sform();
    } else if (h.qformCode() > 0) {
      affine = h.quaternion().toAffine(dx, dy, dz);
    } else {
      affine = Affine.scaling(dx, dy, dz);
    }
    return new NiftiHeader(
        file,
        fileSize,
        gzipped,
        isize,
        h.version(),
        h.order(),
        h.headerSize(),
        dim,
        pixdim,
        type,
        voxOffset,
        h.sclSlope(),
        h.sclInter(),
        h.intent(),
        h.descrip(),
        h.qformCode(),
        h.sformCode(),
        h.quaternion(),
        h.sform(),
        affine,
        extensions);
  }

  private static void checkDataLength(NiftiHeader header) throws LabelCriticException, IOException {
    Path file = header.file();
    long declared = header.declaredSize();
    String declaredText =
        declared
            + " bytes (vox_offset "
            + header.voxOffset()
            + " + "
            + header.voxelCount()
            + " voxels of "
            + header.dataType().label()
            + ")";
    if (!header.gzipped()) {
      if (header.fileSize() < declared) {
        throw LabelCriticException.inFile(
            file,
            "data shorter than declared: the file has "
                + header.fileSize()
                + " bytes but the header declares "
                + declaredText);
      }
      return;
    }
    // ISIZE is the uncompressed size mod 2^32, so it can only confirm a declared size below
    // 4 GiB; above that a short stream could wrap to the same value, and the only proof would be
    // to inflate gigabytes, which an import of hundreds of headers cannot afford.
    if (declared >= FOUR_GIB) {
      LOG.debug(
          "{}: {} declared bytes, too large to check against the gzip trailer", file, declared);
      return;
    }
    long isize = header.gzipSizeMod32().orElseThrow();
    if (isize == declared) {
      return;
    }
    // A mismatch has three causes: a cut-off file (its "trailer" is compressed data), a short
    // image, or a file with trailing bytes or several gzip members. Only inflating tells them
    // apart, and this path is rare, so it is affordable here.
    long actual = GzipLength.inflatedLength(file);
    if (actual < declared) {
      throw LabelCriticException.inFile(
          file,
          "data shorter than declared: the gzip stream holds "
              + actual
              + " bytes but the header declares "
              + declaredText);
    }
    LOG.debug(
        "{}: gzip trailer {} differs from {} but the stream is complete", file, isize, actual);
  }
}
