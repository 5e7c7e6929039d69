package org.labelcritic.imaging.mask;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.imaging.volume.Volume;
import org.labelcritic.imaging.volume.Volume.Voxels;

/**
 * Cuts per-structure masks out of a label map in two passes over it, whatever the number of
 * structures: one finds each structure's bounding box, the other sets its bits. A voxel belongs to
 * every set that lists its value (sets may overlap, e.g. "aorta" = {1, 2} and "true lumen" = {1}).
 */
public final class LabelMasks {

  /** A value that is not an integer matches no label. */
  private static final int NO_LABEL = Integer.MIN_VALUE;

  private LabelMasks() {}

  /** One mask per set, in the order given, keyed by the set's name. */
  public static Map<String, BinaryMask> extract(Volume labels, List<LabelSet> sets) {
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (LabelSet s : sets) {
      for (int v : s.values()) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    Geometry g = labels.geometry();
    Map<String, BinaryMask> out = new LinkedHashMap<>();
    if (sets.isEmpty()) {
      return out;
    }
    if ((long) max - min > 1 << 20) {
      throw new IllegalArgumentException("label values span too wide a range: " + min + ".." + max);
    }
    // lookup[value - min] = the indices of the sets that hold the value.
    int[][] lookup = new int[max - min + 1][];
    for (int i = 0; i < sets.size(); i++) {
      for (int v : sets.get(i).values()) {
        int[] old = lookup[v - min];
        int[] grown = old == null ? new int[1] : java.util.Arrays.copyOf(old, old.length + 1);
        grown[grown.length - 1] = i;
        lookup[v - min] = grown;
      }
    }
    int n = sets.size();
    int[][] bounds = new int[n][];
    int[] row = new int[g.nx()];
    for (int z = 0; z < g.nz(); z++) {
      for (int y = 0; y < g.ny(); y++) {
        readRow(labels, labels.index(0, y, z), row);
        for (int x = 0; x < row.length; x++) {
          int[] hits = hits(lookup, min, row[x]);
          if (hits == null) {
            continue;
          }
          for (int s : hits) {
            int[] b = bounds[s];
            if (b == null) {
              bounds[s] = new int[] {x, y, z, x, y, z};
            } else {
              b[0] = Math.min(b[0], x);
              b[1] = Math.min(b[1], y);
              b[3] = Math.max(b[3], x);
              b[4] = Math.max(b[4], y);
              b[5] = z;
            }
          }
        }
      }
    }
    List<BinaryMask.Builder> builders = new ArrayList<>(n);
    Box all = Box.EMPTY;
    for (int[] b : bounds) {
      Box box = b == null ? Box.EMPTY : new Box(b[0], b[1], b[2], b[3] + 1, b[4] + 1, b[5] + 1);
      builders.add(new BinaryMask.Builder(g, box));
      all = all.span(box);
    }
    for (int z = all.z0(); z < all.z1(); z++) {
      for (int y = all.y0(); y < all.y1(); y++) {
        readRow(labels, labels.index(0, y, z), row);
        for (int x = all.x0(); x < all.x1(); x++) {
          int[] hits = hits(lookup, min, row[x]);
          if (hits != null) {
            for (int s : hits) {
              builders.get(s).set(x, y, z);
            }
          }
        }
      }
    }
    for (int i = 0; i < n; i++) {
      out.put(sets.get(i).name(), builders.get(i).build());
    }
    return out;
  }

  private static int[] hits(int[][] lookup, int min, int value) {
    if (value == NO_LABEL) {
      return null;
    }
    long k = (long) value - min;
    return k >= 0 && k < lookup.length ? lookup[(int) k] : null;
  }

  /** The label values of one grid row, physical (scaled) values; non-integers as NO_LABEL. */
  private static void readRow(Volume v, int start, int[] row) {
    boolean plain = v.slope() == 1 && v.intercept() == 0;
    switch (v.voxels()) {
      case Voxels.Bytes b when plain -> {
        byte[] a = b.values();
        int mask = b.unsigned() ? 0xFF : -1;
        for (int x = 0; x < row.length; x++) {
          row[x] = a[start + x] & mask;
        }
      }
      case Voxels.Shorts s when plain -> {
        short[] a = s.values();
        int mask = s.unsigned() ? 0xFFFF : -1;
        for (int x = 0; x < row.length; x++) {
          row[x] = a[start + x] & mask;
        }
      }
      default -> {
        for (int x = 0; x < row.length; x++) {
          double d = v.value(start + x);
          row[x] = d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE ? (int) d : NO_LABEL;
        }
      }
    }
  }
}
