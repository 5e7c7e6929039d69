package org.labelcritic.imaging.demo;

import java.util.List;

/**
 * One reader's transcription of a cell: the code it read and its confidence per digit, already
 * rounded to the 4 decimals written to the manifest.
 */
record Transcription(String source, String code, List<Double> digitConfidences) {
  Transcription {
    digitConfidences = List.copyOf(digitConfidences);
    if (digitConfidences.size() != code.length()) {
      throw new IllegalArgumentException("one confidence per digit expected for " + code);
    }
  }

  /** The overall confidence: the product of the digit confidences, rounded to 4 decimals. */
  double confidence() {
    double product = 1;
    for (double c : digitConfidences) {
      product *= c;
    }
    return PlaceholderReader.round4(product);
  }
}
