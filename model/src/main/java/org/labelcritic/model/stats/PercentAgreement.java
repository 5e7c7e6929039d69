package org.labelcritic.model.stats;

import java.util.Map;

/**
 * Percent agreement: on each unit with at least two ratings, the share of pairs of its ratings that
 * agree, averaged over those units. With two raters this is simply the share of units on which they
 * agree.
 */
public final class PercentAgreement {
  private PercentAgreement() {}

  public static AgreementResult of(RatingTable table) {
    double sum = 0;
    int items = 0;
    for (Map<String, String> unit : table.units()) {
      int m = unit.size();
      if (m < 2) {
        continue;
      }
      long agreeingPairs = 0;
      for (int n : RatingTable.counts(unit).values()) {
        agreeingPairs += (long) n * (n - 1);
      }
      sum += (double) agreeingPairs / ((long) m * (m - 1));
      items++;
    }
    return items == 0 ? AgreementResult.UNDEFINED : new AgreementResult(sum / items, items);
  }
}
