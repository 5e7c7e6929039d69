package org.labelcritic.imaging.cells;

import java.util.List;

/**
 * One reader's transcription of a cell: the most probable digit at each position and its
 * probability, rounded to 4 decimals (as written to a manifest).
 */
public record CodeReading(String source, String code, List<Double> digitConfidences) {
  public CodeReading {
    digitConfidences = List.copyOf(digitConfidences);
    if (digitConfidences.size() != code.length()) {
      throw new IllegalArgumentException("one confidence per digit expected for " + code);
    }
  }

  /** The overall confidence: the product of the digit confidences, rounded to 4 decimals. */
  public double confidence() {
    double product = 1;
    for (double c : digitConfidences) {
      product *= c;
    }
    return round4(product);
  }

  public static double round4(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
