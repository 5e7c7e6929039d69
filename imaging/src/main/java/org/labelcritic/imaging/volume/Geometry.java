package org.labelcritic.imaging.volume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The voxel grid of a volume: its three dimensions, voxel size and voxel-to-world affine. A mask
 * belongs to an image only if their geometries match, so the importer compares these before it
 * reads any voxel.
 *
 * @param nx voxels along the first axis
 * @param ny voxels along the second axis
 * @param nz voxels along the third axis (1 for a single slice)
 * @param sx voxel size along the first axis, mm
 * @param sy voxel size along the second axis, mm
 * @param sz voxel size along the third axis, mm
 * @param affine voxel-to-world (RAS+, mm)
 */
public record Geometry(int nx, int ny, int nz, double sx, double sy, double sz, Affine affine) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Default tolerance for {@link #matches}: 1e-3 mm. Writers store the affine as float32, so grids
   * written by different tools from the same image differ by rounding of about 1e-5 relative, far
   * below this; a real shift of a voxel is hundreds of times larger.
   */
  public static final double DEFAULT_TOLERANCE = 1e-3;

  /**
   * The grid in the JSON an import stores with a volume item ({@code dims}, {@code spacing}, {@code
   * affine}, as {@code VolumeImporter} writes it); null when the text does not parse or any of the
   * three is missing or has the wrong length.
   */
  public static Geometry fromJson(String json) {
    if (json == null) {
      return null;
    }
    JsonNode o;
    try {
      o = JSON.readTree(json);
    } catch (IOException e) {
      return null;
    }
    if (o == null) {
      return null;
    }
    JsonNode dims = o.path("dims");
    JsonNode spacing = o.path("spacing");
    JsonNode affine = o.path("affine");
    if (dims.size() != 3 || spacing.size() != 3 || affine.size() != 16) {
      return null;
    }
    double[] m = new double[16];
    for (int i = 0; i < 16; i++) {
      m[i] = affine.get(i).asDouble();
    }
    try {
      return new Geometry(
          dims.get(0).asInt(),
          dims.get(1).asInt(),
          dims.get(2).asInt(),
          spacing.get(0).asDouble(),
          spacing.get(1).asDouble(),
          spacing.get(2).asDouble(),
          new Affine(m));
    } catch (IllegalArgumentException notAGrid) {
      return null;
    }
  }

  public long voxelCount() {
    return (long) nx * ny * nz;
  }

  /** True when the dims are equal and every affine entry is within {@code tolerance}. */
  public boolean matches(Geometry other, double tolerance) {
    return describeMismatch(other, tolerance).isEmpty();
  }

  /** {@link #describeMismatch(Geometry, double)} with {@link #DEFAULT_TOLERANCE}. */
  public Optional<String> describeMismatch(Geometry other) {
    return describeMismatch(other, DEFAULT_TOLERANCE);
  }

  /**
   * What differs between this grid and {@code other} in words a user can act on, e.g. "dims
   * 122x101x30 vs 122x101x112; affine row 3 col 4: 94.3018 vs 10.3018 (largest difference 84 mm)",
   * or empty when they match within {@code tolerance}.
   */
  public Optional<String> describeMismatch(Geometry other, double tolerance) {
    List<String> parts = new ArrayList<>();
    if (nx != other.nx || ny != other.ny || nz != other.nz) {
      parts.add("dims " + dimsText() + " vs " + other.dimsText());
    }
    double diff = affine.maxAbsDifference(other.affine);
    if (!(diff <= tolerance)) {
      parts.add(affineDifference(other, diff, tolerance));
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
  }

  public String dimsText() {
    return nx + "x" + ny + "x" + nz;
  }

  private String affineDifference(Geometry other, double diff, double tolerance) {
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 4; c++) {
        double a = affine.get(r, c);
        double b = other.affine.get(r, c);
        if (!(Math.abs(a - b) <= tolerance)) {
          return String.format(
              Locale.ROOT,
              "affine differs: row %d col %d is %.4f vs %.4f (largest difference %.4g, tolerance"
                  + " %.4g; orientation %s vs %s)",
              r + 1,
              c + 1,
              a,
              b,
              diff,
              tolerance,
              affine.orientation(),
              other.affine.orientation());
        }
      }
    }
    return String.format(Locale.ROOT, "affine differs by %.4g", diff);
  }
}
