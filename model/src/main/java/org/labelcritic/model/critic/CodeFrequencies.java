package org.labelcritic.model.critic;

import java.util.HashMap;
import java.util.Map;

/**
 * How often each code occurs (in training data, or failing that in the dataset's own candidates).
 * Errors concentrate in rare codes, so rarity lowers P(correct).
 */
public final class CodeFrequencies {
  private static final CodeFrequencies EMPTY = new CodeFrequencies(Map.of());

  private final Map<String, Long> counts;
  private final double logMax;

  private CodeFrequencies(Map<String, Long> counts) {
    this.counts = counts;
    long max = 0;
    for (long n : counts.values()) {
      if (n < 0) {
        throw new IllegalArgumentException("a code count cannot be negative: " + n);
      }
      max = Math.max(max, n);
    }
    this.logMax = Math.log1p(max);
  }

  /** No frequencies known: the frequency feature is left out of every score. */
  public static CodeFrequencies empty() {
    return EMPTY;
  }

  public static CodeFrequencies of(Map<String, Long> counts) {
    return counts.isEmpty() ? EMPTY : new CodeFrequencies(Map.copyOf(new HashMap<>(counts)));
  }

  public boolean isEmpty() {
    return counts.isEmpty();
  }

  public long count(String code) {
    return counts.getOrDefault(code, 0L);
  }

  /**
   * How common the code is on a log scale: 0 for a code never seen, 1 for the most common one. Log
   * scale because code frequencies are Zipf-like (a few codes very common, most rare).
   */
  public double commonness(String code) {
    if (logMax == 0) {
      return 0;
    }
    return Math.log1p(count(code)) / logMax;
  }
}
