package org.labelcritic.imaging.render;

import java.util.Objects;
import org.labelcritic.imaging.volume.Volume;

/**
 * The buffers one view renders into, kept between frames: the ARGB pixels, the overlay scratch mask
 * and the grey look-up table of the last window (rebuilt only when the window or the scan changes).
 * Not thread-safe: one per view.
 */
public final class SliceBuffers {
  private int width;
  private int height;
  private int[] pixels = new int[0];
  private boolean[] inside = new boolean[0];
  private int[] lut;
  private LutKey lutKey;

  private record LutKey(WindowLevel window, double slope, double intercept, int kind) {}

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The pixels of the last frame, {@code width * height} of them, 0xAARRGGBB row by row. */
  public int[] pixels() {
    return pixels;
  }

  /** A copy of the last frame. */
  public ArgbImage snapshot(double mmPerPixel) {
    return new ArgbImage(width, height, pixels.clone(), mmPerPixel);
  }

  void ensure(int w, int h) {
    if (w * h > pixels.length) {
      pixels = new int[w * h];
      inside = new boolean[w * h];
    }
    if (w * h < pixels.length) {
      // Keep the array length equal to the frame for callers that hand it on whole.
      pixels = new int[w * h];
      inside = new boolean[w * h];
    }
    width = w;
    height = h;
  }

  boolean[] inside() {
    return inside;
  }

  /** The grey of every stored value of a byte or short volume under {@code window}; null else. */
  int[] lut(Volume v, WindowLevel window) {
    Objects.requireNonNull(window, "window");
    int kind =
        switch (v.voxels()) {
          case Volume.Voxels.Shorts s -> s.unsigned() ? 1 : 2;
          case Volume.Voxels.Bytes b -> b.unsigned() ? 3 : 4;
          case Volume.Voxels.Floats f -> 0;
        };
    if (kind == 0) {
      return null;
    }
    LutKey key = new LutKey(window, v.slope(), v.intercept(), kind);
    if (key.equals(lutKey)) {
      return lut;
    }
    int n = kind <= 2 ? 65536 : 256;
    int[] t = new int[n];
    for (int i = 0; i < n; i++) {
      int stored =
          switch (kind) {
            case 1, 3 -> i;
            case 2 -> (short) i;
            default -> (byte) i;
          };
      t[i] = SliceRenderer.argbGrey(window.grey(stored * v.slope() + v.intercept()));
    }
    lut = t;
    lutKey = key;
    return t;
  }
}
