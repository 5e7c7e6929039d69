package org.labelcritic.imaging.render;

import java.util.Arrays;
import java.util.List;
import org.labelcritic.imaging.volume.Volume;

/**
 * Renders one slice of a volume with window/level and any number of label overlays into an {@link
 * ArgbImage} with square millimetre pixels (so a 3 mm slice spacing shows at its true aspect in
 * coronal and sagittal views).
 */
public final class SliceRenderer {
  private SliceRenderer() {}

  /** How many slices a plane has. */
  public static int sliceCount(Volume v, Plane plane) {
    VoxelAxes a = VoxelAxes.of(v.geometry());
    return a.dim(a.axis(plane.sliceAxis));
  }

  /**
   * Renders slice {@code slice} (0-based, in the voxel order of the plane's slice axis).
   *
   * @throws IllegalArgumentException when the slice is out of range
   */
  public static ArgbImage render(
      Volume v, Plane plane, int slice, WindowLevel window, List<Overlay> overlays) {
    VoxelAxes a = VoxelAxes.of(v.geometry());
    int ja = a.axis(plane.uAxis);
    int jb = a.axis(plane.vAxis);
    int js = a.axis(plane.sliceAxis);
    if (slice < 0 || slice >= a.dim(js)) {
      throw new IllegalArgumentException(
          "slice " + slice + " is outside 0.." + (a.dim(js) - 1) + " of the " + plane + " view");
    }
    double mm = Math.min(a.spacingOf(ja), a.spacingOf(jb));
    int w = Math.max(1, (int) Math.round(a.dim(ja) * a.spacingOf(ja) / mm));
    int h = Math.max(1, (int) Math.round(a.dim(jb) * a.spacingOf(jb) / mm));
    int[] su = a.sampling(ja, a.forward(plane.uAxis, plane.uSign), w, mm);
    int[] sv = a.sampling(jb, a.forward(plane.vAxis, plane.vSign), h, mm);
    long base = slice * a.stride(js);
    int[] offU = new int[w];
    for (int o = 0; o < w; o++) {
      offU[o] = (int) (su[o] * a.stride(ja));
    }
    int[] px = new int[w * h];
    greys(v, window, base, offU, sv, a.stride(jb), w, h, px);
    if (!overlays.isEmpty()) {
      int[] xyz = new int[3];
      boolean[] inside = new boolean[w * h];
      for (Overlay ov : overlays) {
        // Only the screen rectangle that shows the mask's box asks the mask; the rest of
        // {@code inside} stays false.
        int[] box = ov.mask().bounds();
        if (box != null && (slice < box[js] || slice >= box[js + 3])) {
          continue;
        }
        int[] xs = box == null ? new int[] {0, w} : span(su, box[ja], box[ja + 3]);
        int[] ys = box == null ? new int[] {0, h} : span(sv, box[jb], box[jb + 3]);
        if (xs[0] >= xs[1] || ys[0] >= ys[1]) {
          continue;
        }
        MaskSampler mask = ov.mask();
        xyz[js] = slice;
        for (int y = ys[0]; y < ys[1]; y++) {
          xyz[jb] = sv[y];
          for (int x = xs[0]; x < xs[1]; x++) {
            xyz[ja] = su[x];
            inside[x + w * y] = mask.contains(xyz[0], xyz[1], xyz[2]);
          }
        }
        blend(px, inside, w, h, ov, xs[0], xs[1], ys[0], ys[1]);
        for (int y = ys[0]; y < ys[1]; y++) {
          Arrays.fill(inside, xs[0] + w * y, xs[1] + w * y, false);
        }
      }
    }
    return new ArgbImage(w, h, px, mm);
  }

  private static void greys(
      Volume v,
      WindowLevel wl,
      long base,
      int[] offU,
      int[] sv,
      long strideV,
      int w,
      int h,
      int[] px) {
    switch (v.voxels()) {
      case Volume.Voxels.Shorts s -> {
        // One look-up per stored value: no floating point per pixel.
        int[] lut = new int[65536];
        for (int i = 0; i < 65536; i++) {
          int stored = s.unsigned() ? i : (short) i;
          lut[i] = argbGrey(wl.grey(stored * v.slope() + v.intercept()));
        }
        short[] data = s.values();
        for (int y = 0; y < h; y++) {
          int row = (int) (base + sv[y] * strideV);
          for (int x = 0; x < w; x++) {
            px[x + w * y] = lut[data[row + offU[x]] & 0xFFFF];
          }
        }
      }
      case Volume.Voxels.Bytes b -> {
        int[] lut = new int[256];
        for (int i = 0; i < 256; i++) {
          int stored = b.unsigned() ? i : (byte) i;
          lut[i] = argbGrey(wl.grey(stored * v.slope() + v.intercept()));
        }
        byte[] data = b.values();
        for (int y = 0; y < h; y++) {
          int row = (int) (base + sv[y] * strideV);
          for (int x = 0; x < w; x++) {
            px[x + w * y] = lut[data[row + offU[x]] & 0xFF];
          }
        }
      }
      case Volume.Voxels.Floats f -> {
        float[] data = f.values();
        for (int y = 0; y < h; y++) {
          int row = (int) (base + sv[y] * strideV);
          for (int x = 0; x < w; x++) {
            px[x + w * y] = argbGrey(wl.grey(data[row + offU[x]] * v.slope() + v.intercept()));
          }
        }
      }
    }
  }

  static int argbGrey(int g) {
    return 0xFF000000 | (g << 16) | (g << 8) | g;
  }

  /**
   * The screen positions {@code [from, to)} whose voxel index in {@code sampling} lies in {@code lo
   * <= i < hi}; empty when none does.
   */
  private static int[] span(int[] sampling, int lo, int hi) {
    int from = sampling.length;
    int to = 0;
    for (int o = 0; o < sampling.length; o++) {
      if (sampling[o] >= lo && sampling[o] < hi) {
        from = Math.min(from, o);
        to = o + 1;
      }
    }
    return new int[] {from, to};
  }

  /** Draws one overlay's filled area or outline over the pixels. */
  static void blend(int[] px, boolean[] inside, int w, int h, Overlay ov) {
    blend(px, inside, w, h, ov, 0, w, 0, h);
  }

  /** As above, for an overlay whose inside pixels all lie in {@code [x0, x1) x [y0, y1)}. */
  private static void blend(
      int[] px, boolean[] inside, int w, int h, Overlay ov, int x0, int x1, int y0, int y1) {
    int r = (ov.rgb() >> 16) & 0xFF;
    int g = (ov.rgb() >> 8) & 0xFF;
    int b = ov.rgb() & 0xFF;
    double a = ov.opacity();
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        int i = x + w * y;
        if (!inside[i] || (!ov.fill() && !edge(inside, x, y, w, h))) {
          continue;
        }
        int p = px[i];
        int pr = (p >> 16) & 0xFF;
        int pg = (p >> 8) & 0xFF;
        int pb = p & 0xFF;
        px[i] =
            0xFF000000
                | ((int) (pr + (r - pr) * a + 0.5) << 16)
                | ((int) (pg + (g - pg) * a + 0.5) << 8)
                | (int) (pb + (b - pb) * a + 0.5);
      }
    }
  }

  /** An inside pixel with an outside (or no) 4-neighbour is on the outline. */
  private static boolean edge(boolean[] in, int x, int y, int w, int h) {
    return x == 0
        || y == 0
        || x == w - 1
        || y == h - 1
        || !in[x - 1 + w * y]
        || !in[x + 1 + w * y]
        || !in[x + w * (y - 1)]
        || !in[x + w * (y + 1)];
  }
}
