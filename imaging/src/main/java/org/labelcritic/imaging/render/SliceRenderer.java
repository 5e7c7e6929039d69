package org.labelcritic.imaging.render;

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
    PlaneGrid grid = PlaneGrid.of(v.geometry(), plane);
    SliceBuffers out = new SliceBuffers();
    grid.render(v, slice, window, overlays, out);
    return new ArgbImage(grid.width(), grid.height(), out.pixels(), grid.mmPerPixel());
  }

  static int argbGrey(int g) {
    return 0xFF000000 | (g << 16) | (g << 8) | g;
  }

  /** Draws one overlay's filled area or outline over the pixels. */
  static void blend(int[] px, boolean[] inside, int w, int h, Overlay ov) {
    blend(px, inside, w, h, ov, 0, w, 0, h);
  }

  /** As above, for an overlay whose inside pixels all lie in {@code [x0, x1) x [y0, y1)}. */
  static void blend(
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
