package org.labelcritic.model.critic.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Precision and recall of a ranking's top k against known errors.
 *
 * @param hits how many of the top k are errors
 * @param precision hits / k
 * @param recall hits / number of errors
 */
public record TopK(int k, int hits, double precision, double recall) {

  /**
   * Ranks items by score, lowest first (the least likely to be right), ties by index, and measures
   * each k (a k above the number of items counts every item).
   *
   * @param scores one score per item, e.g. P(given label correct)
   * @param errors the indexes of the items that are errors
   */
  public static List<TopK> evaluate(double[] scores, Set<Integer> errors, Collection<Integer> ks) {
    for (int e : errors) {
      if (e < 0 || e >= scores.length) {
        throw new IllegalArgumentException(
            "error index " + e + " is outside the " + scores.length + " items");
      }
    }
    int[] order =
        IntStream.range(0, scores.length)
            .boxed()
            .sorted(Comparator.comparingDouble((Integer i) -> scores[i]).thenComparingInt(i -> i))
            .mapToInt(Integer::intValue)
            .toArray();
    List<TopK> out = new ArrayList<>();
    for (int k : ks) {
      if (k <= 0) {
        throw new IllegalArgumentException("k must be positive, was " + k);
      }
      int n = Math.min(k, order.length);
      int hits = 0;
      for (int r = 0; r < n; r++) {
        if (errors.contains(order[r])) {
          hits++;
        }
      }
      out.add(
          new TopK(
              k, hits, (double) hits / k, errors.isEmpty() ? 0 : (double) hits / errors.size()));
    }
    return out;
  }
}
