package org.labelcritic.imaging.volume;

import java.util.Objects;

/**
 * A 3-D scalar image: a grid and one value per voxel, x fastest, then y, then z (index {@code x +
 * nx * (y + ny * z)}). Values are kept in the narrowest array that holds them exactly ({@code
 * short[]} for CT, which is what most scans store) plus a linear scaling to physical units (HU for
 * CT), so a 512x512x300 CT costs 150 MiB, not 300.
 *
 * @param geometry the voxel grid and its voxel-to-world affine
 * @param voxels the stored values
 * @param slope physical = stored * slope + intercept
 * @param intercept see {@code slope}
 * @param description what was read, for messages (file, volume index of a 4-D file, ...)
 */
public record Volume(
    Geometry geometry, Voxels voxels, double slope, double intercept, String description) {

  public Volume {
    Objects.requireNonNull(geometry, "geometry");
    Objects.requireNonNull(voxels, "voxels");
    if (voxels.length() != geometry.voxelCount()) {
      throw new IllegalArgumentException(
          "voxel count "
              + voxels.length()
              + " does not match the grid "
              + geometry.dimsText()
              + " ("
              + description
              + ")");
    }
    if (!Double.isFinite(slope) || slope == 0 || !Double.isFinite(intercept)) {
      throw new IllegalArgumentException(
          "scaling must be finite with a non-zero slope: " + slope + ", " + intercept);
    }
  }

  public int nx() {
    return geometry.nx();
  }

  public int ny() {
    return geometry.ny();
  }

  public int nz() {
    return geometry.nz();
  }

  /** The linear index of voxel (x, y, z). */
  public int index(int x, int y, int z) {
    return x + geometry.nx() * (y + geometry.ny() * z);
  }

  /** The physical value (e.g. HU) at a linear index. */
  public double value(int index) {
    return voxels.stored(index) * slope + intercept;
  }

  public double value(int x, int y, int z) {
    return value(index(x, y, z));
  }

  /** Bytes held by the voxel array. */
  public long bytes() {
    return voxels.bytes();
  }

  /** The stored values: a closed family of primitive arrays. */
  public sealed interface Voxels {
    int length();

    double stored(int index);

    long bytes();

    /** 8-bit values (unsigned when {@code unsigned}). */
    record Bytes(byte[] values, boolean unsigned) implements Voxels {
      @Override
      public int length() {
        return values.length;
      }

      @Override
      public double stored(int index) {
        return unsigned ? values[index] & 0xFF : values[index];
      }

      @Override
      public long bytes() {
        return values.length;
      }
    }

    /** 16-bit values (unsigned when {@code unsigned}): CT and most MR. */
    record Shorts(short[] values, boolean unsigned) implements Voxels {
      @Override
      public int length() {
        return values.length;
      }

      @Override
      public double stored(int index) {
        return unsigned ? values[index] & 0xFFFF : values[index];
      }

      @Override
      public long bytes() {
        return 2L * values.length;
      }
    }

    /** Anything else, converted to float (32-bit integers, floats, doubles). */
    record Floats(float[] values) implements Voxels {
      @Override
      public int length() {
        return values.length;
      }

      @Override
      public double stored(int index) {
        return values[index];
      }

      @Override
      public long bytes() {
        return 4L * values.length;
      }
    }
  }
}
