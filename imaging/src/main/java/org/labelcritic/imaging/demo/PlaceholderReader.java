package org.labelcritic.imaging.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A stand-in for a handwriting model, clearly labelled as such in its source name: it copies the
 * true code and makes seeded mistakes. Each digit is misread with a probability that grows with the
 * code's rarity and is higher for digits that look alike (1/7, 3/8, 4/9, 5/6); a misread digit
 * usually becomes its look-alike. Confidences are high when right and lower, but not always below
 * the 0.65 review threshold, when wrong, so that confidence alone does not find every error.
 *
 * <p>To be replaced by real models trained on the MNIST tiles.
 */
final class PlaceholderReader {
  /** Digits that are easy to confuse, as pairs: CONFUSABLE[d] is d's look-alike or -1. */
  private static final int[] CONFUSABLE = {-1, 7, -1, 8, 9, 6, 5, 1, 3, 4};

  private static final double CONFUSABLE_WEIGHT = 1.4;
  private static final double PLAIN_WEIGHT = 0.4;

  private final String source;
  private final double scale;
  private final CodeFrequency frequency;
  private final SplittableRandom rng;

  /**
   * @param digitErrorRate the expected share of misread digits over cells drawn from {@code
   *     frequency}
   */
  PlaceholderReader(
      String source, double digitErrorRate, CodeFrequency frequency, SplittableRandom rng) {
    this.source = source;
    this.frequency = frequency;
    this.rng = rng;
    // Normalise rarity and digit weights so that, averaged over the code distribution, the
    // digit error rate is exactly the one asked for.
    double expectedWeight = 0;
    for (String code : frequency.codesByRank()) {
      double digits = 0;
      for (int i = 0; i < code.length(); i++) {
        digits += digitWeight(code.charAt(i) - '0');
      }
      expectedWeight += frequency.probability(code) * frequency.rarity(code) * digits / 3;
    }
    this.scale = digitErrorRate / expectedWeight;
  }

  String source() {
    return source;
  }

  Transcription read(String truth) {
    double rarity = frequency.rarity(truth);
    StringBuilder code = new StringBuilder();
    List<Double> confidences = new ArrayList<>();
    for (int i = 0; i < truth.length(); i++) {
      int digit = truth.charAt(i) - '0';
      double pError = Math.min(0.5, scale * rarity * digitWeight(digit));
      boolean wrong = rng.nextDouble() < pError;
      code.append(wrong ? misread(digit) : digit);
      confidences.add(round4(wrong ? wrongConfidence() : rightConfidence()));
    }
    return new Transcription(source, code.toString(), confidences);
  }

  private int misread(int digit) {
    if (CONFUSABLE[digit] >= 0 && rng.nextDouble() < 0.6) {
      return CONFUSABLE[digit];
    }
    int other = rng.nextInt(9);
    return other >= digit ? other + 1 : other;
  }

  private double rightConfidence() {
    // Mostly sure; now and then hesitant although right (a false alarm for review).
    if (rng.nextDouble() < 0.03) {
      return 0.60 + 0.30 * rng.nextDouble();
    }
    double u = rng.nextDouble();
    return 0.9999 - 0.11 * u * u;
  }

  private double wrongConfidence() {
    return 0.30 + 0.60 * rng.nextDouble();
  }

  private static double digitWeight(int digit) {
    return CONFUSABLE[digit] >= 0 ? CONFUSABLE_WEIGHT : PLAIN_WEIGHT;
  }

  static double round4(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
