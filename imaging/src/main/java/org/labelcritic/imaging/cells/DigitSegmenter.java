package org.labelcritic.imaging.cells;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a cell of handwritten digits into one feature vector per digit, as a real transcription
 * pipeline would, so that a model's errors come from the image: touching digits, uneven spacing and
 * faint ink all make cuts or shapes go wrong.
 *
 * <p>Ink is measured against the paper (the median grey); the written extent is cut into {@code n}
 * parts at the columns of least ink near the even split; each part's ink is cropped to its bounding
 * box, scaled so its longer side is 20 px and centred by mass in 28x28 px (MNIST's own
 * normalisation), then averaged over 2x2 blocks into {@value #SIDE}x{@value #SIDE} values in 0..1.
 */
public final class DigitSegmenter {
  /** Side of the feature grid; a digit gives {@code SIDE * SIDE} features. */
  public static final int SIDE = 14;

  public static final int FEATURES = SIDE * SIDE;

  private static final int NORM = 28;
  private static final int BOX = 20;
  private static final int NOISE = 12;

  private DigitSegmenter() {}

  /** The features of each of the {@code n} digits, left to right; an empty part gives zeros. */
  public static List<double[]> digits(CellPixels cell, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("at least one digit expected, not " + n);
    }
    float[] ink = ink(cell);
    int w = cell.width();
    int h = cell.height();
    double[] profile = new double[w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        profile[x] += ink[y * w + x];
      }
    }
    int x0 = 0;
    while (x0 < w && profile[x0] < 0.5) {
      x0++;
    }
    int x1 = w - 1;
    while (x1 > x0 && profile[x1] < 0.5) {
      x1--;
    }
    List<double[]> out = new ArrayList<>(n);
    if (x0 >= w) {
      for (int i = 0; i < n; i++) {
        out.add(new double[FEATURES]);
      }
      return out;
    }
    int[] cuts = new int[n + 1];
    cuts[0] = x0;
    cuts[n] = x1 + 1;
    double span = x1 + 1 - x0;
    int window = Math.max(3, (int) (span / (3.0 * n)));
    for (int k = 1; k < n; k++) {
      int target = x0 + (int) Math.round(k * span / n);
      int best = target;
      double bestScore = Double.MAX_VALUE;
      for (int c = Math.max(cuts[k - 1] + 1, target - window);
          c <= Math.min(x1, target + window);
          c++) {
        double score = profile[c] + 0.05 * Math.abs(c - target);
        if (score < bestScore) {
          bestScore = score;
          best = c;
        }
      }
      cuts[k] = Math.clamp(best, cuts[k - 1] + 1, x1);
    }
    for (int i = 0; i < n; i++) {
      out.add(normalise(ink, w, h, cuts[i], Math.max(cuts[i] + 1, cuts[i + 1])));
    }
    return out;
  }

  /** Ink per pixel in 0..1: how much darker than the paper, relative to the darkest stroke. */
  static float[] ink(CellPixels cell) {
    byte[] grey = cell.grey();
    int[] histogram = new int[256];
    int darkest = 255;
    for (byte b : grey) {
      int v = b & 0xff;
      histogram[v]++;
      darkest = Math.min(darkest, v);
    }
    int paper = 0;
    for (int seen = 0; paper < 256; paper++) {
      seen += histogram[paper];
      if (seen * 2 >= grey.length) {
        break;
      }
    }
    double range = Math.max(1, paper - NOISE - darkest);
    float[] ink = new float[grey.length];
    for (int i = 0; i < grey.length; i++) {
      double s = (paper - NOISE - (grey[i] & 0xff)) / range;
      ink[i] = (float) Math.clamp(s, 0, 1);
    }
    return ink;
  }

  private static double[] normalise(float[] ink, int w, int h, int from, int to) {
    int top = h;
    int bottom = -1;
    int left = to;
    int right = from - 1;
    for (int y = 0; y < h; y++) {
      for (int x = from; x < to; x++) {
        if (ink[y * w + x] > 0.1f) {
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
          left = Math.min(left, x);
          right = Math.max(right, x);
        }
      }
    }
    double[] features = new double[FEATURES];
    if (bottom < 0) {
      return features;
    }
    int bw = right - left + 1;
    int bh = bottom - top + 1;
    double scale = (double) BOX / Math.max(bw, bh);
    int tw = Math.max(1, (int) Math.round(bw * scale));
    int th = Math.max(1, (int) Math.round(bh * scale));
    float[] small = new float[tw * th];
    double mass = 0;
    double mx = 0;
    double my = 0;
    for (int v = 0; v < th; v++) {
      for (int u = 0; u < tw; u++) {
        double sx = left + (u + 0.5) / scale - 0.5;
        double sy = top + (v + 0.5) / scale - 0.5;
        float value = bilinear(ink, w, h, sx, sy, from, to);
        small[v * tw + u] = value;
        mass += value;
        mx += value * u;
        my += value * v;
      }
    }
    int ox = (NORM - tw) / 2;
    int oy = (NORM - th) / 2;
    if (mass > 0) {
      ox = (int) Math.round(NORM / 2.0 - mx / mass - 0.5);
      oy = (int) Math.round(NORM / 2.0 - my / mass - 0.5);
      ox = Math.clamp(ox, 0, NORM - tw);
      oy = Math.clamp(oy, 0, NORM - th);
    }
    float[] norm = new float[NORM * NORM];
    for (int v = 0; v < th; v++) {
      System.arraycopy(small, v * tw, norm, (oy + v) * NORM + ox, tw);
    }
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        int i = 2 * y * NORM + 2 * x;
        features[y * SIDE + x] =
            (norm[i] + norm[i + 1] + norm[i + NORM] + norm[i + NORM + 1]) / 4.0;
      }
    }
    return features;
  }

  private static float bilinear(float[] ink, int w, int h, double sx, double sy, int from, int to) {
    int xa = (int) Math.floor(sx);
    int ya = (int) Math.floor(sy);
    double fx = sx - xa;
    double fy = sy - ya;
    return (float)
        ((1 - fx) * (1 - fy) * at(ink, w, h, xa, ya, from, to)
            + fx * (1 - fy) * at(ink, w, h, xa + 1, ya, from, to)
            + (1 - fx) * fy * at(ink, w, h, xa, ya + 1, from, to)
            + fx * fy * at(ink, w, h, xa + 1, ya + 1, from, to));
  }

  private static float at(float[] ink, int w, int h, int x, int y, int from, int to) {
    return x < from || x >= to || y < 0 || y >= h ? 0 : ink[y * w + x];
  }
}
