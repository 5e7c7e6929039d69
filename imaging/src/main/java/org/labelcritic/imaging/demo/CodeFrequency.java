package org.labelcritic.imaging.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A Zipf-like frequency over the code list, as in real census data: a few codes are very common,
 * most are rare. Which code gets which rank depends on the seed.
 */
final class CodeFrequency {
  /** Zipf exponent: the k-th most common code occurs with weight 1 / k^s. */
  static final double ZIPF_EXPONENT = 1.1;

  private final List<String> byRank;
  private final double[] cumulative;
  private final Map<String, Double> probability = new HashMap<>();

  CodeFrequency(List<OccupationCode> codes, SplittableRandom rng) {
    List<String> ranked = new ArrayList<>(codes.stream().map(OccupationCode::code).toList());
    OccupationCodeList.shuffle(ranked, rng);
    this.byRank = List.copyOf(ranked);
    double[] weights = new double[ranked.size()];
    double total = 0;
    for (int k = 0; k < weights.length; k++) {
      weights[k] = 1.0 / Math.pow(k + 1, ZIPF_EXPONENT);
      total += weights[k];
    }
    this.cumulative = new double[weights.length];
    double sum = 0;
    for (int k = 0; k < weights.length; k++) {
      double p = weights[k] / total;
      probability.put(ranked.get(k), p);
      sum += p;
      cumulative[k] = sum;
    }
    cumulative[weights.length - 1] = 1.0;
  }

  /** Draws one code. */
  String sample(SplittableRandom rng) {
    int k = Arrays.binarySearch(cumulative, rng.nextDouble());
    return byRank.get(k >= 0 ? k : -k - 1);
  }

  double probability(String code) {
    return probability.getOrDefault(code, 0.0);
  }

  /**
   * How much more error-prone a code is than the most common one: 1 for the top code, growing
   * slowly towards the rarest (readers see rare codes less often in training).
   */
  double rarity(String code) {
    double top = probability(byRank.getFirst());
    return Math.pow(top / probability(code), 0.25);
  }

  List<String> codesByRank() {
    return byRank;
  }
}
