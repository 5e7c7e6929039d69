package org.labelcritic.imaging.mask;

import java.util.Objects;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.imaging.volume.VoxelMapping;

/**
 * A binary mask on an image grid, kept only inside its bounding box and packed one bit per voxel.
 * Each row (fixed y and z) starts on a 64-bit word, so overlap and surface measures work a word at
 * a time and two masks with different boxes line up with one shift. Immutable.
 */
public final class BinaryMask {

  private final Geometry geometry;
  private final Box box;
  private final int rowWords;
  private final long[] words;
  private final long count;

  private BinaryMask(Geometry geometry, Box box, long[] words) {
    this.geometry = Objects.requireNonNull(geometry, "geometry");
    this.box = box;
    this.rowWords = (box.width() + 63) >>> 6;
    this.words = words;
    long n = 0;
    for (long w : words) {
      n += Long.bitCount(w);
    }
    this.count = n;
  }

  /** Decides whether a voxel of the grid belongs to a mask being built. */
  @FunctionalInterface
  public interface VoxelTest {
    boolean test(int x, int y, int z);
  }

  public static BinaryMask empty(Geometry geometry) {
    return new BinaryMask(geometry, Box.EMPTY, new long[0]);
  }

  /**
   * The mask of every grid voxel that passes {@code test}: two scans of the grid, one for the
   * bounding box and one to set the bits.
   */
  public static BinaryMask of(Geometry geometry, VoxelTest test) {
    int x0 = Integer.MAX_VALUE;
    int y0 = Integer.MAX_VALUE;
    int z0 = Integer.MAX_VALUE;
    int x1 = -1;
    int y1 = -1;
    int z1 = -1;
    for (int z = 0; z < geometry.nz(); z++) {
      for (int y = 0; y < geometry.ny(); y++) {
        for (int x = 0; x < geometry.nx(); x++) {
          if (test.test(x, y, z)) {
            x0 = Math.min(x0, x);
            x1 = Math.max(x1, x);
            y0 = Math.min(y0, y);
            y1 = Math.max(y1, y);
            z0 = Math.min(z0, z);
            z1 = Math.max(z1, z);
          }
        }
      }
    }
    if (x1 < 0) {
      return empty(geometry);
    }
    Builder b = new Builder(geometry, new Box(x0, y0, z0, x1 + 1, y1 + 1, z1 + 1));
    for (int z = z0; z <= z1; z++) {
      for (int y = y0; y <= y1; y++) {
        for (int x = x0; x <= x1; x++) {
          if (test.test(x, y, z)) {
            b.set(x, y, z);
          }
        }
      }
    }
    return b.build();
  }

  /** Collects the voxels of a mask whose bounding box is known in advance. */
  public static final class Builder {
    private final Geometry geometry;
    private final Box box;
    private final int rowWords;
    private final long[] words;

    public Builder(Geometry geometry, Box box) {
      if (!box.isEmpty()
          && (box.x0() < 0
              || box.y0() < 0
              || box.z0() < 0
              || box.x1() > geometry.nx()
              || box.y1() > geometry.ny()
              || box.z1() > geometry.nz())) {
        throw new IllegalArgumentException(box + " lies outside the grid " + geometry.dimsText());
      }
      this.geometry = geometry;
      this.box = box.isEmpty() ? Box.EMPTY : box;
      this.rowWords = (this.box.width() + 63) >>> 6;
      long n = (long) rowWords * this.box.height() * this.box.depth();
      if (n > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(box + " is too large for one mask");
      }
      this.words = new long[(int) n];
    }

    /** Adds voxel (x, y, z), which must lie in the builder's box. */
    public void set(int x, int y, int z) {
      int bit = x - box.x0();
      words[rowIndex(y, z) + (bit >>> 6)] |= 1L << bit;
    }

    private int rowIndex(int y, int z) {
      return ((z - box.z0()) * box.height() + (y - box.y0())) * rowWords;
    }

    /** The mask, cropped again if the set voxels fill less than the box. */
    public BinaryMask build() {
      BinaryMask m = new BinaryMask(geometry, box, words);
      return m.tightBounds().equals(box) ? m : m.cropTo(m.tightBounds());
    }
  }

  public Geometry geometry() {
    return geometry;
  }

  /** The bounding box of the set voxels; {@link Box#EMPTY} for an empty mask. */
  public Box bounds() {
    return box;
  }

  /** Number of voxels in the mask. */
  public long count() {
    return count;
  }

  public boolean isEmpty() {
    return count == 0;
  }

  public boolean get(int x, int y, int z) {
    if (!box.contains(x, y, z)) {
      return false;
    }
    int bit = x - box.x0();
    return (words[rowStart(y, z) + (bit >>> 6)] >>> bit & 1) != 0;
  }

  /** Approximate heap bytes: the bit array plus the object headers. */
  public long bytes() {
    return 16L + 8L * words.length + 64;
  }

  /**
   * The 64 voxels of row (y, z) from x to x + 63 as bits, lowest bit first; voxels outside the box
   * read as 0, so callers can step across the box's edges.
   */
  long bits64(int x, int y, int z) {
    if (y < box.y0() || y >= box.y1() || z < box.z0() || z >= box.z1()) {
      return 0;
    }
    int base = rowStart(y, z);
    int b = x - box.x0();
    if (b < 0) {
      return b <= -64 ? 0 : words[base] << -b;
    }
    int w = b >>> 6;
    if (w >= rowWords) {
      return 0;
    }
    int s = b & 63;
    long lo = words[base + w] >>> s;
    if (s != 0 && w + 1 < rowWords) {
      lo |= words[base + w + 1] << (64 - s);
    }
    return lo;
  }

  /** Index of the first word of row (y, z), which must lie in the box. */
  private int rowStart(int y, int z) {
    return ((z - box.z0()) * box.height() + (y - box.y0())) * rowWords;
  }

  private Box tightBounds() {
    if (count == 0) {
      return Box.EMPTY;
    }
    int x0 = Integer.MAX_VALUE;
    int y0 = Integer.MAX_VALUE;
    int z0 = Integer.MAX_VALUE;
    int x1 = -1;
    int y1 = -1;
    int z1 = -1;
    for (int z = box.z0(); z < box.z1(); z++) {
      for (int y = box.y0(); y < box.y1(); y++) {
        int base = rowStart(y, z);
        for (int w = 0; w < rowWords; w++) {
          long v = words[base + w];
          if (v != 0) {
            x0 = Math.min(x0, box.x0() + 64 * w + Long.numberOfTrailingZeros(v));
            x1 = Math.max(x1, box.x0() + 64 * w + 63 - Long.numberOfLeadingZeros(v));
            y0 = Math.min(y0, y);
            y1 = Math.max(y1, y);
            z0 = Math.min(z0, z);
            z1 = Math.max(z1, z);
          }
        }
      }
    }
    return new Box(x0, y0, z0, x1 + 1, y1 + 1, z1 + 1);
  }

  private BinaryMask cropTo(Box tight) {
    if (tight.isEmpty()) {
      return empty(geometry);
    }
    Builder b = new Builder(geometry, tight);
    for (int z = tight.z0(); z < tight.z1(); z++) {
      for (int y = tight.y0(); y < tight.y1(); y++) {
        int dst = b.rowIndex(y, z);
        for (int x = tight.x0(), w = 0; x < tight.x1(); x += 64, w++) {
          b.words[dst + w] = bits64(x, y, z);
        }
        // bits64 may read past x1 within this box's row: clear what lies beyond the new box.
        int tail = tight.width() & 63;
        if (tail != 0) {
          b.words[dst + b.rowWords - 1] &= (1L << tail) - 1;
        }
      }
    }
    return new BinaryMask(geometry, tight, b.words);
  }

  /**
   * This mask on another grid that holds the same voxels in another axis order or direction (see
   * {@link VoxelMapping}); this mask itself when the grids are equal.
   *
   * @throws IllegalArgumentException when the grids do not hold the same voxels
   */
  public BinaryMask onto(Geometry target) {
    VoxelMapping m =
        VoxelMapping.between(geometry, target)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the mask's grid "
                            + geometry.dimsText()
                            + " does not hold the same voxels as "
                            + target.dimsText()));
    if (m.identity() && geometry.equals(target)) {
      return this;
    }
    if (isEmpty()) {
      return empty(target);
    }
    Box b = bounds();
    int[] a = m.map(b.x0(), b.y0(), b.z0());
    int[] c = m.map(b.x1() - 1, b.y1() - 1, b.z1() - 1);
    Box mapped =
        new Box(
            Math.min(a[0], c[0]),
            Math.min(a[1], c[1]),
            Math.min(a[2], c[2]),
            Math.max(a[0], c[0]) + 1,
            Math.max(a[1], c[1]) + 1,
            Math.max(a[2], c[2]) + 1);
    Builder out = new Builder(target, mapped);
    for (int z = b.z0(); z < b.z1(); z++) {
      for (int y = b.y0(); y < b.y1(); y++) {
        for (int x = b.x0(); x < b.x1(); x++) {
          if (get(x, y, z)) {
            int[] t = m.map(x, y, z);
            out.set(t[0], t[1], t[2]);
          }
        }
      }
    }
    return out.build();
  }

  @Override
  public String toString() {
    return "BinaryMask[" + count + " voxels in " + box + " of " + geometry.dimsText() + "]";
  }
}
