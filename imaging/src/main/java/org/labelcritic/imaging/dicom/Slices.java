package org.labelcritic.imaging.dicom;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.labelcritic.model.LabelCriticException;

/**
 * The slices of one parsed file: one per frame, each with its rescale and placement taken from the
 * frame's functional groups, the shared functional groups, or the top level, in that order.
 */
final class Slices {
  private Slices() {}

  static List<VolumeAssembler.Slice> of(ParsedDicom p, String label) throws LabelCriticException {
    PixelData pixels =
        p.pixels()
            .orElseThrow(
                () ->
                    LabelCriticException.inFile(
                        p.file(), "the file has no pixel data (not an image)"));
    PixelFormat format = PixelFormat.of(p, pixels);
    FrameSource source = new FrameSource(p, pixels, format);
    int frames = format.frames();
    boolean perFrame = p.perFrame().size() == frames;
    double[] grid = p.top().decimals(Tags.GRID_FRAME_OFFSET_VECTOR);
    List<VolumeAssembler.Slice> out = new ArrayList<>(frames);
    for (int k = 0; k < frames; k++) {
      Attributes own = perFrame ? p.perFrame().get(k) : null;
      double slope = pick(p, own, Tags.RESCALE_SLOPE).decimal(Tags.RESCALE_SLOPE, 1);
      double intercept = pick(p, own, Tags.RESCALE_INTERCEPT).decimal(Tags.RESCALE_INTERCEPT, 0);
      if (slope == 0) {
        throw LabelCriticException.inFile(p.file(), "RescaleSlope is 0");
      }
      double[] orientation =
          pick(p, own, Tags.IMAGE_ORIENTATION_PATIENT)
              .decimals(Tags.IMAGE_ORIENTATION_PATIENT, 6)
              .orElse(null);
      double[] spacing =
          pick(p, own, Tags.PIXEL_SPACING).decimals(Tags.PIXEL_SPACING, 2).orElse(null);
      double[] position = null;
      if (own != null) {
        position = own.decimals(Tags.IMAGE_POSITION_PATIENT, 3).orElse(null);
      } else if (frames == 1) {
        position =
            pick(p, null, Tags.IMAGE_POSITION_PATIENT)
                .decimals(Tags.IMAGE_POSITION_PATIENT, 3)
                .orElse(null);
      } else if (grid.length == frames && orientation != null) {
        // RT Dose: frames lie at these offsets along the normal from the top-level position.
        Optional<double[]> origin = p.top().decimals(Tags.IMAGE_POSITION_PATIENT, 3);
        if (origin.isPresent()) {
          double[] normal =
              StackGeometry.cross(
                  new double[] {orientation[0], orientation[1], orientation[2]},
                  new double[] {orientation[3], orientation[4], orientation[5]});
          position = new double[3];
          for (int a = 0; a < 3; a++) {
            position[a] = origin.get()[a] + grid[k] * normal[a];
          }
        }
      }
      String name = frames == 1 ? label : label + " frame " + (k + 1);
      out.add(
          new VolumeAssembler.Slice(
              p,
              source,
              format,
              k,
              slope,
              intercept,
              new StackGeometry.Placement(name, position, orientation, spacing)));
    }
    return out;
  }

  private static Attributes pick(ParsedDicom p, Attributes own, int tag) {
    if (own != null && own.has(tag)) {
      return own;
    }
    if (p.shared().has(tag)) {
      return p.shared();
    }
    return p.top();
  }
}
