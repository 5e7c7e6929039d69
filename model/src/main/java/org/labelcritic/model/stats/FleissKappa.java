package org.labelcritic.model.stats;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fleiss' kappa (Fleiss 1971) for any number of raters, where every unit has the same number of
 * ratings n (not necessarily from the same raters). Meant for three or more reviewers; with two it
 * is Scott's pi.
 *
 * <p>Units with fewer than two ratings are ignored. When units differ in their number of ratings, n
 * is the most common count (the larger one on a tie) and only units with exactly n ratings are
 * used; {@link AgreementResult#items()} says how many. Undefined (NaN) when no unit qualifies or
 * only one category is used.
 */
public final class FleissKappa {
  private FleissKappa() {}

  public static AgreementResult of(RatingTable table) {
    Map<Integer, Integer> unitsBySize = new HashMap<>();
    for (Map<String, String> unit : table.units()) {
      if (unit.size() >= 2) {
        unitsBySize.merge(unit.size(), 1, Integer::sum);
      }
    }
    int n = 0;
    int best = 0;
    for (Map.Entry<Integer, Integer> e : unitsBySize.entrySet()) {
      if (e.getValue() > best || (e.getValue() == best && e.getKey() > n)) {
        n = e.getKey();
        best = e.getValue();
      }
    }
    if (best == 0) {
      return AgreementResult.UNDEFINED;
    }
    Map<String, Long> categoryTotals = new TreeMap<>();
    double sumP = 0;
    int items = 0;
    for (Map<String, String> unit : table.units()) {
      if (unit.size() != n) {
        continue;
      }
      long squares = 0;
      for (Map.Entry<String, Integer> e : RatingTable.counts(unit).entrySet()) {
        squares += (long) e.getValue() * e.getValue();
        categoryTotals.merge(e.getKey(), (long) e.getValue(), Long::sum);
      }
      sumP += (double) (squares - n) / ((long) n * (n - 1));
      items++;
    }
    double meanP = sumP / items;
    double expected = 0;
    for (long total : categoryTotals.values()) {
      double p = (double) total / ((long) items * n);
      expected += p * p;
    }
    double kappa = expected >= 1 ? Double.NaN : (meanP - expected) / (1 - expected);
    return new AgreementResult(kappa, items);
  }
}
