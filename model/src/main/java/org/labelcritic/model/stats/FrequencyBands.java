package org.labelcritic.model.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bands of code frequency (how often a code occurs in the training data or the dataset), each from
 * its lower bound up to the next band's. Either fixed thresholds ({@link #DEFAULT}: 0-9, 10-99,
 * 100-999, 1000 and more, powers of ten because code frequencies are Zipf-like) or quantiles of the
 * observed frequencies ({@link #quantiles}), so that each band holds about as many observations.
 */
public final class FrequencyBands {
  /** Fixed bands 0-9, 10-99, 100-999 and 1000+. */
  public static final FrequencyBands DEFAULT = fixed(0, 10, 100, 1000);

  /**
   * One band.
   *
   * @param lower lowest frequency in the band
   * @param upper first frequency above the band; {@link Long#MAX_VALUE} for the last band
   */
  public record Band(long lower, long upper) {
    /** E.g. "10-99", or "1000+" for the last band. */
    public String label() {
      return upper == Long.MAX_VALUE ? lower + "+" : lower + "-" + (upper - 1);
    }
  }

  private final long[] lowerBounds;

  private FrequencyBands(long[] lowerBounds) {
    this.lowerBounds = lowerBounds;
  }

  /**
   * Bands starting at the given frequencies, which must be ascending and start at 0 (so every
   * frequency falls in a band).
   */
  public static FrequencyBands fixed(long... lowerBounds) {
    if (lowerBounds.length == 0 || lowerBounds[0] != 0) {
      throw new IllegalArgumentException("the first band must start at frequency 0");
    }
    for (int i = 1; i < lowerBounds.length; i++) {
      if (lowerBounds[i] <= lowerBounds[i - 1]) {
        throw new IllegalArgumentException(
            "band bounds must be ascending: " + Arrays.toString(lowerBounds));
      }
    }
    return new FrequencyBands(lowerBounds.clone());
  }

  /**
   * Up to {@code bands} bands cut at the quantiles of {@code frequencies} (one entry per
   * observation). A band starts at the frequency of the observation at rank {@code i * n / bands};
   * equal cut points merge, so heavily tied data gives fewer bands. No frequencies: one band.
   */
  public static FrequencyBands quantiles(long[] frequencies, int bands) {
    if (bands < 1) {
      throw new IllegalArgumentException("need at least one band, was " + bands);
    }
    long[] sorted = frequencies.clone();
    Arrays.sort(sorted);
    List<Long> bounds = new ArrayList<>(List.of(0L));
    for (int i = 1; i < bands && sorted.length > 0; i++) {
      long cut = sorted[(int) ((long) i * sorted.length / bands)];
      if (cut > bounds.getLast()) {
        bounds.add(cut);
      }
    }
    return new FrequencyBands(bounds.stream().mapToLong(Long::longValue).toArray());
  }

  public List<Band> bands() {
    List<Band> out = new ArrayList<>(lowerBounds.length);
    for (int i = 0; i < lowerBounds.length; i++) {
      long upper = i + 1 < lowerBounds.length ? lowerBounds[i + 1] : Long.MAX_VALUE;
      out.add(new Band(lowerBounds[i], upper));
    }
    return out;
  }

  /** The index of the band holding this frequency. */
  public int bandOf(long frequency) {
    if (frequency < 0) {
      throw new IllegalArgumentException("a frequency cannot be negative: " + frequency);
    }
    int i = Arrays.binarySearch(lowerBounds, frequency);
    return i >= 0 ? i : -i - 2;
  }
}
