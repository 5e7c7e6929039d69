package org.labelcritic.imaging.render;

import org.labelcritic.imaging.volume.Volume;

/**
 * A display window: values from {@code level - width/2} (black) to {@code level + width/2} (white),
 * in physical units (HU for CT).
 */
public record WindowLevel(double width, double level) {
  public static final WindowLevel ABDOMEN = new WindowLevel(400, 50);
  public static final WindowLevel LIVER = new WindowLevel(150, 30);
  public static final WindowLevel BONE = new WindowLevel(1800, 400);
  public static final WindowLevel LUNG = new WindowLevel(1500, -600);

  public WindowLevel {
    if (!(width > 0) || !Double.isFinite(level)) {
      throw new IllegalArgumentException("window width must be > 0 and level finite");
    }
  }

  public static WindowLevel fromRange(double low, double high) {
    return new WindowLevel(high - low, (low + high) / 2);
  }

  public double low() {
    return level - width / 2;
  }

  public double high() {
    return level + width / 2;
  }

  /** Grey 0..255 for a physical value. */
  public int grey(double value) {
    double t = (value - low()) / width;
    if (!(t > 0)) {
      return 0;
    }
    return t >= 1 ? 255 : (int) (t * 255 + 0.5);
  }

  /**
   * The "auto" preset: the 1st to 99th percentile of the volume's values (from a sample of at most
   * about a million voxels, so it costs milliseconds on any scan).
   */
  public static WindowLevel auto(Volume v) {
    int n = v.voxels().length();
    int step = Math.max(1, n / 1_000_000);
    int count = (n + step - 1) / step;
    double[] sample = new double[count];
    int k = 0;
    for (int i = 0; i < n && k < count; i += step) {
      sample[k++] = v.value(i);
    }
    java.util.Arrays.sort(sample, 0, k);
    double lo = sample[(int) Math.floor(0.01 * (k - 1))];
    double hi = sample[(int) Math.ceil(0.99 * (k - 1))];
    if (!(hi > lo)) {
      hi = lo + 1;
    }
    return fromRange(lo, hi);
  }
}
