package org.labelcritic.imaging.render;

import java.util.Arrays;
import java.util.List;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.imaging.volume.Volume;

/**
 * How one plane of a grid is laid out on screen: the size of its image in square millimetre pixels,
 * which voxel each pixel shows, and where a voxel lands. Computed once per grid and plane, so a
 * viewer scrolling through slices only samples voxels; {@link #render} draws into buffers the
 * caller keeps ({@link SliceBuffers}), so a frame allocates nothing. Immutable.
 */
public final class PlaneGrid {
  private final Plane plane;
  private final int ja;
  private final int jb;
  private final int js;
  private final int nSlices;
  private final int w;
  private final int h;
  private final double mm;
  private final int[] su;
  private final int[] sv;
  private final int[] offU;
  private final long strideV;
  private final long strideS;
  private final boolean forwardU;
  private final boolean forwardV;
  private final double spacingU;
  private final double spacingV;
  private final int nu;
  private final int nv;

  private PlaneGrid(Geometry g, Plane plane) {
    VoxelAxes a = VoxelAxes.of(g);
    this.plane = plane;
    ja = a.axis(plane.uAxis);
    jb = a.axis(plane.vAxis);
    js = a.axis(plane.sliceAxis);
    nSlices = a.dim(js);
    nu = a.dim(ja);
    nv = a.dim(jb);
    spacingU = a.spacingOf(ja);
    spacingV = a.spacingOf(jb);
    mm = Math.min(spacingU, spacingV);
    w = Math.max(1, (int) Math.round(nu * spacingU / mm));
    h = Math.max(1, (int) Math.round(nv * spacingV / mm));
    forwardU = a.forward(plane.uAxis, plane.uSign);
    forwardV = a.forward(plane.vAxis, plane.vSign);
    su = a.sampling(ja, forwardU, w, mm);
    sv = a.sampling(jb, forwardV, h, mm);
    long strideU = a.stride(ja);
    strideV = a.stride(jb);
    strideS = a.stride(js);
    offU = new int[w];
    for (int o = 0; o < w; o++) {
      offU[o] = (int) (su[o] * strideU);
    }
  }

  public static PlaneGrid of(Geometry g, Plane plane) {
    return new PlaneGrid(g, plane);
  }

  public Plane plane() {
    return plane;
  }

  /** Image width in pixels. */
  public int width() {
    return w;
  }

  /** Image height in pixels. */
  public int height() {
    return h;
  }

  /** The side of one (square) pixel in millimetres. */
  public double mmPerPixel() {
    return mm;
  }

  public int sliceCount() {
    return nSlices;
  }

  /** The voxel axis (0 = x, 1 = y, 2 = z) this plane slices along. */
  public int sliceAxis() {
    return js;
  }

  /** The voxel axis along the image's width. */
  public int uAxis() {
    return ja;
  }

  /** The voxel axis along the image's height. */
  public int vAxis() {
    return jb;
  }

  /** The slice of this plane that holds voxel {@code xyz}. */
  public int sliceOf(int[] xyz) {
    return xyz[js];
  }

  /** Sets {@code xyz[]} to the voxel that pixel (px, py) of {@code slice} shows (clamped). */
  public void voxelAt(int slice, int px, int py, int[] xyz) {
    xyz[js] = Math.clamp(slice, 0, nSlices - 1);
    xyz[ja] = su[Math.clamp(px, 0, w - 1)];
    xyz[jb] = sv[Math.clamp(py, 0, h - 1)];
  }

  /** Sets the in-plane coordinates of {@code xyz[]} to the voxel pixel (px, py) shows. */
  public void setInPlane(int px, int py, int[] xyz) {
    xyz[ja] = su[Math.clamp(px, 0, w - 1)];
    xyz[jb] = sv[Math.clamp(py, 0, h - 1)];
  }

  /** Sets the slice coordinate of {@code xyz[]}. */
  public void setSlice(int slice, int[] xyz) {
    xyz[js] = Math.clamp(slice, 0, nSlices - 1);
  }

  /** The x of the centre of voxel {@code xyz} on this plane's image, in pixels (fractional). */
  public double screenX(int[] xyz) {
    int i = forwardU ? xyz[ja] : nu - 1 - xyz[ja];
    return (i + 0.5) * spacingU / mm;
  }

  /** The y of the centre of voxel {@code xyz} on this plane's image, in pixels (fractional). */
  public double screenY(int[] xyz) {
    int i = forwardV ? xyz[jb] : nv - 1 - xyz[jb];
    return (i + 0.5) * spacingV / mm;
  }

  /** The voxel's size along the screen's x and y, in pixels (for a brush of n voxels). */
  public double voxelWidthPx() {
    return spacingU / mm;
  }

  public double voxelHeightPx() {
    return spacingV / mm;
  }

  /**
   * Renders {@code slice} with window/level and overlays into {@code out} (resized when needed).
   *
   * @throws IllegalArgumentException when the slice is out of range
   */
  public void render(
      Volume v, int slice, WindowLevel window, List<Overlay> overlays, SliceBuffers out) {
    if (slice < 0 || slice >= nSlices) {
      throw new IllegalArgumentException(
          "slice " + slice + " is outside 0.." + (nSlices - 1) + " of the " + plane + " view");
    }
    out.ensure(w, h);
    int[] px = out.pixels();
    long base = slice * strideS;
    greys(v, out.lut(v, window), window, base, px);
    if (overlays.isEmpty()) {
      return;
    }
    int[] xyz = new int[3];
    boolean[] inside = out.inside();
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
      SliceRenderer.blend(px, inside, w, h, ov, xs[0], xs[1], ys[0], ys[1]);
      for (int y = ys[0]; y < ys[1]; y++) {
        Arrays.fill(inside, xs[0] + w * y, xs[1] + w * y, false);
      }
    }
  }

  private void greys(Volume v, int[] lut, WindowLevel wl, long base, int[] px) {
    switch (v.voxels()) {
      case Volume.Voxels.Shorts s -> {
        short[] data = s.values();
        for (int y = 0; y < h; y++) {
          int row = (int) (base + sv[y] * strideV);
          int o = w * y;
          for (int x = 0; x < w; x++) {
            px[o + x] = lut[data[row + offU[x]] & 0xFFFF];
          }
        }
      }
      case Volume.Voxels.Bytes b -> {
        byte[] data = b.values();
        for (int y = 0; y < h; y++) {
          int row = (int) (base + sv[y] * strideV);
          int o = w * y;
          for (int x = 0; x < w; x++) {
            px[o + x] = lut[data[row + offU[x]] & 0xFF];
          }
        }
      }
      case Volume.Voxels.Floats f -> {
        float[] data = f.values();
        for (int y = 0; y < h; y++) {
          int row = (int) (base + sv[y] * strideV);
          for (int x = 0; x < w; x++) {
            px[x + w * y] =
                SliceRenderer.argbGrey(wl.grey(data[row + offU[x]] * v.slope() + v.intercept()));
          }
        }
      }
    }
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
}
