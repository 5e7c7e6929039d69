package org.labelcritic.imaging.dicom;

import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.imaging.volume.Volume;
import org.labelcritic.model.LabelCriticException;

/**
 * Builds one {@link Volume} from slices (files of a series or frames of a file): checks they agree
 * on the pixel format, orders and places them, checks the allocation against the limit, then
 * decodes every slice straight into the volume's array.
 */
final class VolumeAssembler {

  /** One slice: a frame of a parsed file, with its rescale and placement. */
  record Slice(
      ParsedDicom parsed,
      FrameSource source,
      PixelFormat format,
      int frame,
      double slope,
      double intercept,
      StackGeometry.Placement placement) {}

  private final DicomReadOptions options;

  VolumeAssembler(DicomReadOptions options) {
    this.options = options;
  }

  /** The checked arrangement of a series' slices: one pixel format, the grid, the rescale. */
  record Layout(Slice first, PixelFormat format, boolean sameRescale, StackGeometry.Result grid) {
    Geometry geometry(int slices) {
      return new Geometry(
          format.columns(), format.rows(), slices, grid.sx(), grid.sy(), grid.sz(), grid.affine());
    }
  }

  /** Checks the slices agree and places them, without reading any pixel. */
  Layout layout(Path where, List<Slice> slices) throws LabelCriticException {
    Slice first = slices.get(0);
    PixelFormat f = first.format();
    if (!f.greyscale()) {
      throw LabelCriticException.inFile(
          first.parsed().file(),
          "colour images are not read (PhotometricInterpretation "
              + f.photometric()
              + ", "
              + f.samples()
              + " sample(s) per pixel): volumes for review must be greyscale CT, MR or similar");
    }
    boolean sameRescale = true;
    for (Slice s : slices) {
      PixelFormat g = s.format();
      if (g.rows() != f.rows()
          || g.columns() != f.columns()
          || g.bitsAllocated() != f.bitsAllocated()
          || g.bitsStored() != f.bitsStored()
          || g.highBit() != f.highBit()
          || g.signed() != f.signed()
          || g.floatBytes() != f.floatBytes()
          || !g.photometric().equals(f.photometric())) {
        throw LabelCriticException.inFile(
            where,
            "the slices differ in pixel format: "
                + describe(f)
                + " in "
                + first.placement().label()
                + ", "
                + describe(g)
                + " in "
                + s.placement().label());
      }
      sameRescale &= s.slope() == first.slope() && s.intercept() == first.intercept();
    }
    StackGeometry.Result grid =
        StackGeometry.arrange(
            where,
            slices.stream().map(Slice::placement).toList(),
            fallbackSpacing(first.parsed()),
            options.unevenSpacing());
    return new Layout(first, f, sameRescale, grid);
  }

  DicomVolume assemble(Path where, String description, List<Slice> slices, int files)
      throws LabelCriticException {
    Layout layout = layout(where, slices);
    Slice first = layout.first();
    PixelFormat f = layout.format();
    boolean sameRescale = layout.sameRescale();
    StackGeometry.Result grid = layout.grid();
    long perSlice = f.pixelsPerFrame();
    long voxels = perSlice * slices.size();
    boolean floats = f.floatBytes() != 0 || f.bitsAllocated() == 32 || !sameRescale;
    long bytes = voxels * (floats ? 4 : f.bytesPerSample());
    if (voxels > Integer.MAX_VALUE - 8 || bytes > options.maxVoxelBytes()) {
      throw LabelCriticException.inFile(
          where,
          String.format(
              Locale.ROOT,
              "the volume %dx%dx%d would need %d bytes, more than the limit of %d bytes",
              f.columns(),
              f.rows(),
              slices.size(),
              bytes,
              options.maxVoxelBytes()));
    }
    SampleWriter writer = new SampleWriter(f);
    int n = (int) voxels;
    int per = (int) perSlice;
    Volume.Voxels values;
    if (floats) {
      float[] out = new float[n];
      for (int z = 0; z < grid.order().length; z++) {
        Slice s = slices.get(grid.order()[z]);
        int at = z * per;
        withFrame(s, raw -> fillFloats(writer, s, raw, out, at, per, sameRescale));
      }
      values = new Volume.Voxels.Floats(out);
    } else if (f.bitsAllocated() == 8) {
      byte[] out = new byte[n];
      for (int z = 0; z < grid.order().length; z++) {
        int at = z * per;
        withFrame(slices.get(grid.order()[z]), raw -> writer.toBytes(raw, out, at));
      }
      values = new Volume.Voxels.Bytes(out, !f.signed());
    } else {
      short[] out = new short[n];
      for (int z = 0; z < grid.order().length; z++) {
        int at = z * per;
        withFrame(slices.get(grid.order()[z]), raw -> writer.toShorts(raw, out, at));
      }
      values = new Volume.Voxels.Shorts(out, !f.signed());
    }
    Geometry geometry = layout.geometry(slices.size());
    double slope = sameRescale ? first.slope() : 1;
    double intercept = sameRescale ? first.intercept() : 0;
    Volume volume = new Volume(geometry, values, slope, intercept, description);
    List<String> uids = new ArrayList<>();
    for (int k : grid.order()) {
      uids.add(slices.get(k).parsed().top().string(Tags.SOP_INSTANCE_UID).orElse(""));
    }
    ParsedDicom p = first.parsed();
    DicomInfo info =
        new DicomInfo(
            p.top().string(Tags.MODALITY).orElse(""),
            p.syntax(),
            p.top().string(Tags.SERIES_INSTANCE_UID).orElse(""),
            files == slices.size() ? uids : uids.subList(0, Math.min(1, uids.size())),
            f.photometric(),
            f.bitsAllocated(),
            f.bitsStored(),
            f.signed(),
            slope,
            intercept,
            files,
            slices.size());
    return new DicomVolume(volume, info, grid.warnings());
  }

  /** What is done with one frame while it is mapped. */
  @FunctionalInterface
  private interface FrameUse {
    void accept(FrameSource.RawFrame raw);
  }

  /** Hands the slice's frame to {@code use}, then unmaps it if it was mapped from its file. */
  private static void withFrame(Slice s, FrameUse use) throws LabelCriticException {
    try (Arena arena = Arena.ofConfined()) {
      use.accept(s.source().frame(s.frame(), arena));
    } catch (InternalError e) {
      // A mapped file cut short by another program faults when the missing bytes are read.
      throw LabelCriticException.inFile(
          s.parsed().file(), "the file became shorter while its pixel data was read", e);
    }
  }

  private static void fillFloats(
      SampleWriter writer,
      Slice s,
      FrameSource.RawFrame raw,
      float[] out,
      int at,
      int per,
      boolean sameRescale) {
    PixelFormat f = s.format();
    if (f.floatBytes() != 0 || f.bitsAllocated() == 32) {
      writer.toFloats(raw, out, at);
    } else if (f.bitsAllocated() == 8) {
      byte[] tmp = new byte[per];
      writer.toBytes(raw, tmp, 0);
      for (int k = 0; k < per; k++) {
        out[at + k] = f.signed() ? tmp[k] : tmp[k] & 0xFF;
      }
    } else {
      short[] tmp = new short[per];
      writer.toShorts(raw, tmp, 0);
      for (int k = 0; k < per; k++) {
        out[at + k] = f.signed() ? tmp[k] : tmp[k] & 0xFFFF;
      }
    }
    if (!sameRescale) {
      for (int k = 0; k < per; k++) {
        out[at + k] = (float) (out[at + k] * s.slope() + s.intercept());
      }
    }
  }

  /** SpacingBetweenSlices, else SliceThickness, else 1 mm: used only without positions. */
  private static double fallbackSpacing(ParsedDicom p) throws LabelCriticException {
    double between = p.find(Tags.SPACING_BETWEEN_SLICES).decimal(Tags.SPACING_BETWEEN_SLICES, 0);
    if (between > 0) {
      return between;
    }
    double thickness = p.find(Tags.SLICE_THICKNESS).decimal(Tags.SLICE_THICKNESS, 0);
    return thickness > 0 ? thickness : 1;
  }

  private static String describe(PixelFormat f) {
    return f.columns()
        + "x"
        + f.rows()
        + " "
        + f.storedType()
        + " (BitsStored "
        + f.bitsStored()
        + ", "
        + f.photometric()
        + ")";
  }
}
