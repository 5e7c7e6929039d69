package org.labelcritic.model.stats;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Time per decision, per reviewer and pooled: median, mean and 90th percentile. Decisions whose
 * time is unknown (0) are skipped. The median of an even count is the mean of the two middle
 * values; the 90th percentile is the nearest-rank one (the smallest time at least 90% of decisions
 * do not exceed), so it is always a time that was observed.
 */
public final class DecisionTimes {

  /** Times in milliseconds; NaN when {@code count} is 0. */
  public record Summary(int count, double medianMillis, double meanMillis, double p90Millis) {
    static final Summary NONE = new Summary(0, Double.NaN, Double.NaN, Double.NaN);
  }

  private static final class Times {
    long[] values = new long[16];
    int n;

    void add(long v) {
      if (n == values.length) {
        values = Arrays.copyOf(values, n * 2);
      }
      values[n++] = v;
    }

    Summary summary() {
      if (n == 0) {
        return Summary.NONE;
      }
      long[] sorted = Arrays.copyOf(values, n);
      Arrays.sort(sorted);
      double sum = 0;
      for (long v : sorted) {
        sum += v;
      }
      double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + (double) sorted[n / 2]) / 2;
      int rank = (int) ((9L * n + 9) / 10); // ceil(0.9 n) without rounding error
      return new Summary(n, median, sum / n, sorted[rank - 1]);
    }
  }

  private final Map<String, Times> byReviewer = new TreeMap<>();
  private final Times pooled = new Times();

  /**
   * Adds a decision's time.
   *
   * @return false when the time is unknown and was skipped
   */
  public boolean add(TimedDecision d) {
    if (d.millis() == 0) {
      return false;
    }
    byReviewer.computeIfAbsent(d.reviewer(), r -> new Times()).add(d.millis());
    pooled.add(d.millis());
    return true;
  }

  /** Per reviewer name, in name order. */
  public Map<String, Summary> byReviewer() {
    Map<String, Summary> out = new LinkedHashMap<>();
    byReviewer.forEach((r, t) -> out.put(r, t.summary()));
    return Collections.unmodifiableMap(out);
  }

  public Summary pooled() {
    return pooled.summary();
  }
}
