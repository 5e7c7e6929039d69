package org.labelcritic.imaging.mask;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.labelcritic.imaging.volume.Geometry;

/**
 * A reviewer's working copy of a mask: one bit per grid voxel (a 512 x 512 x 300 CT costs 9.4 MiB),
 * changed by brush, eraser and hole filling on one slice at a time, with undo and redo by stroke.
 * Each stroke remembers only the voxels it flipped, so undo and redo flip them back. The source
 * mask is never changed; {@link #toMask()} gives the result as a compact {@link BinaryMask}. Not
 * thread-safe: the viewer owns it on one thread.
 */
public final class EditableMask {
  private final Geometry geometry;
  private final long[] bits;
  private final int nx;
  private final int ny;
  private final int nz;
  private final Deque<long[]> undo = new ArrayDeque<>();
  private final Deque<long[]> redo = new ArrayDeque<>();
  private long[] stroke;
  private int strokeSize;
  private final int[] box = new int[6];
  private long count;
  private long version;

  public EditableMask(BinaryMask source) {
    this.geometry = source.geometry();
    nx = geometry.nx();
    ny = geometry.ny();
    nz = geometry.nz();
    long n = geometry.voxelCount();
    if ((n + 63) / 64 > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(geometry.dimsText() + " is too large to edit");
    }
    bits = new long[(int) ((n + 63) / 64)];
    Box b = source.bounds();
    box[0] = b.x0();
    box[1] = b.y0();
    box[2] = b.z0();
    box[3] = b.x1();
    box[4] = b.y1();
    box[5] = b.z1();
    for (int z = b.z0(); z < b.z1(); z++) {
      for (int y = b.y0(); y < b.y1(); y++) {
        for (int x = b.x0(); x < b.x1(); x++) {
          if (source.get(x, y, z)) {
            long i = index(x, y, z);
            bits[(int) (i >>> 6)] |= 1L << i;
          }
        }
      }
    }
    count = source.count();
  }

  public Geometry geometry() {
    return geometry;
  }

  public boolean get(int x, int y, int z) {
    if (x < 0 || y < 0 || z < 0 || x >= nx || y >= ny || z >= nz) {
      return false;
    }
    long i = index(x, y, z);
    return (bits[(int) (i >>> 6)] >>> i & 1) != 0;
  }

  /** Voxels in the mask now. */
  public long count() {
    return count;
  }

  /** Grows with every change, undo and redo: a cheap test for "repaint needed". */
  public long version() {
    return version;
  }

  /**
   * A box {@code {x0, y0, z0, x1, y1, z1}} (exclusive ends) outside which no voxel is set; it may
   * be larger than the voxels set (it only grows), which is all a renderer needs.
   */
  public int[] bounds() {
    return box.clone();
  }

  /** Starts a stroke: the changes until {@link #endStroke()} are undone together. */
  public void beginStroke() {
    if (stroke == null) {
      stroke = new long[64];
      strokeSize = 0;
    }
  }

  /** Ends the stroke; a stroke that changed nothing leaves no undo step. */
  public void endStroke() {
    if (stroke == null) {
      return;
    }
    if (strokeSize > 0) {
      undo.push(Arrays.copyOf(stroke, strokeSize));
      redo.clear();
    }
    stroke = null;
  }

  /**
   * Sets ({@code add}) or clears every voxel of the slice through {@code centre} (the plane of
   * voxel axes {@code axisU} and {@code axisV}) whose centre lies within {@code radiusMm} of the
   * centre voxel's centre, in millimetres, so a brush is round on anisotropic voxels. Part of the
   * current stroke, or a stroke of its own when none is open.
   */
  public void paint(int[] centre, int axisU, int axisV, double radiusMm, boolean add) {
    if (axisU == axisV || axisU < 0 || axisV < 0 || axisU > 2 || axisV > 2) {
      throw new IllegalArgumentException("two different voxel axes are needed");
    }
    double[] sp = {geometry.sx(), geometry.sy(), geometry.sz()};
    int[] dims = {nx, ny, nz};
    int ru = (int) Math.floor(radiusMm / sp[axisU]);
    int rv = (int) Math.floor(radiusMm / sp[axisV]);
    boolean own = stroke == null;
    beginStroke();
    int[] v = centre.clone();
    for (int dv = -rv; dv <= rv; dv++) {
      int cv = centre[axisV] + dv;
      if (cv < 0 || cv >= dims[axisV]) {
        continue;
      }
      for (int du = -ru; du <= ru; du++) {
        int cu = centre[axisU] + du;
        if (cu < 0 || cu >= dims[axisU]) {
          continue;
        }
        double mu = du * sp[axisU];
        double mv = dv * sp[axisV];
        if (mu * mu + mv * mv > radiusMm * radiusMm + 1e-9) {
          continue;
        }
        v[axisU] = cu;
        v[axisV] = cv;
        set(v[0], v[1], v[2], add);
      }
    }
    if (own) {
      endStroke();
    }
  }

  /**
   * Fills the holes of the mask in one slice (perpendicular to voxel axis {@code sliceAxis}): every
   * clear voxel that cannot reach the slice's border through clear 4-neighbours is set. One stroke.
   */
  public void fillHoles(int sliceAxis, int slice) {
    int au = sliceAxis == 0 ? 1 : 0;
    int av = sliceAxis == 2 ? 1 : 2;
    int[] dims = {nx, ny, nz};
    int w = dims[au];
    int h = dims[av];
    boolean[] outside = new boolean[w * h];
    int[] queue = new int[w * h];
    int head = 0;
    int tail = 0;
    int[] v = new int[3];
    v[sliceAxis] = slice;
    for (int u = 0; u < w; u++) {
      for (int t = 0; t < h; t++) {
        if (u == 0 || t == 0 || u == w - 1 || t == h - 1) {
          v[au] = u;
          v[av] = t;
          if (!get(v[0], v[1], v[2])) {
            outside[u + w * t] = true;
            queue[tail++] = u + w * t;
          }
        }
      }
    }
    int[] du = {1, -1, 0, 0};
    int[] dt = {0, 0, 1, -1};
    while (head < tail) {
      int p = queue[head++];
      int u = p % w;
      int t = p / w;
      for (int k = 0; k < 4; k++) {
        int nu = u + du[k];
        int nt = t + dt[k];
        if (nu < 0 || nt < 0 || nu >= w || nt >= h || outside[nu + w * nt]) {
          continue;
        }
        v[au] = nu;
        v[av] = nt;
        if (!get(v[0], v[1], v[2])) {
          outside[nu + w * nt] = true;
          queue[tail++] = nu + w * nt;
        }
      }
    }
    boolean own = stroke == null;
    beginStroke();
    for (int t = 0; t < h; t++) {
      for (int u = 0; u < w; u++) {
        if (!outside[u + w * t]) {
          v[au] = u;
          v[av] = t;
          set(v[0], v[1], v[2], true);
        }
      }
    }
    if (own) {
      endStroke();
    }
  }

  public boolean canUndo() {
    return !undo.isEmpty();
  }

  public boolean canRedo() {
    return !redo.isEmpty();
  }

  /** Takes back the last stroke; false when there is none. */
  public boolean undo() {
    endStroke();
    if (undo.isEmpty()) {
      return false;
    }
    long[] s = undo.pop();
    flipAll(s);
    redo.push(s);
    return true;
  }

  /** Does the last undone stroke again; false when there is none. */
  public boolean redo() {
    endStroke();
    if (redo.isEmpty()) {
      return false;
    }
    long[] s = redo.pop();
    flipAll(s);
    undo.push(s);
    return true;
  }

  /** The mask as it is now, cropped to its voxels. */
  public BinaryMask toMask() {
    int[] b = box;
    if (count == 0 || b[3] <= b[0]) {
      return BinaryMask.empty(geometry);
    }
    BinaryMask.Builder out =
        new BinaryMask.Builder(geometry, new Box(b[0], b[1], b[2], b[3], b[4], b[5]));
    for (int z = b[2]; z < b[5]; z++) {
      for (int y = b[1]; y < b[4]; y++) {
        for (int x = b[0]; x < b[3]; x++) {
          if (get(x, y, z)) {
            out.set(x, y, z);
          }
        }
      }
    }
    return out.build();
  }

  private long index(int x, int y, int z) {
    return x + (long) nx * (y + (long) ny * z);
  }

  private void set(int x, int y, int z, boolean value) {
    long i = index(x, y, z);
    int word = (int) (i >>> 6);
    long bit = 1L << i;
    if (((bits[word] & bit) != 0) == value) {
      return;
    }
    bits[word] ^= bit;
    count += value ? 1 : -1;
    version++;
    if (value) {
      grow(x, y, z);
    }
    if (strokeSize == stroke.length) {
      stroke = Arrays.copyOf(stroke, stroke.length * 2);
    }
    stroke[strokeSize++] = i;
  }

  private void flipAll(long[] indices) {
    for (long i : indices) {
      int word = (int) (i >>> 6);
      long bit = 1L << i;
      bits[word] ^= bit;
      boolean now = (bits[word] & bit) != 0;
      count += now ? 1 : -1;
      if (now) {
        int x = (int) (i % nx);
        int y = (int) (i / nx % ny);
        int z = (int) (i / ((long) nx * ny));
        grow(x, y, z);
      }
    }
    version++;
  }

  private void grow(int x, int y, int z) {
    if (box[3] <= box[0]) {
      box[0] = x;
      box[1] = y;
      box[2] = z;
      box[3] = x + 1;
      box[4] = y + 1;
      box[5] = z + 1;
      return;
    }
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.min(box[2], z);
    box[3] = Math.max(box[3], x + 1);
    box[4] = Math.max(box[4], y + 1);
    box[5] = Math.max(box[5], z + 1);
  }
}
