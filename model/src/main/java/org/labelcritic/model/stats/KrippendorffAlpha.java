package org.labelcritic.model.stats;

import java.util.Map;
import java.util.TreeMap;

/**
 * Krippendorff's alpha for nominal data, missing ratings allowed, any number of raters
 * (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011): alpha = 1 - D_o / D_e from
 * the coincidence matrix of the pairable values. Units with fewer than two ratings carry no
 * pairable values and are ignored. Undefined (NaN) when nothing is pairable or only one category is
 * used (D_e = 0).
 */
public final class KrippendorffAlpha {
  private KrippendorffAlpha() {}

  public static AgreementResult of(RatingTable table) {
    // For nominal data only the off-diagonal sum of the coincidence matrix matters: a unit with m
    // values of which n_c are c contributes (m^2 - sum n_c^2) / (m - 1) to it.
    Map<String, Long> valuesPerCategory = new TreeMap<>();
    double observedDisagreement = 0;
    long pairable = 0;
    int items = 0;
    for (Map<String, String> unit : table.units()) {
      int m = unit.size();
      if (m < 2) {
        continue;
      }
      long squares = 0;
      for (Map.Entry<String, Integer> e : RatingTable.counts(unit).entrySet()) {
        squares += (long) e.getValue() * e.getValue();
        valuesPerCategory.merge(e.getKey(), (long) e.getValue(), Long::sum);
      }
      observedDisagreement += (double) ((long) m * m - squares) / (m - 1);
      pairable += m;
      items++;
    }
    if (items == 0) {
      return AgreementResult.UNDEFINED;
    }
    double squares = 0;
    for (long nc : valuesPerCategory.values()) {
      squares += (double) nc * nc;
    }
    double expectedDisagreement = (double) pairable * pairable - squares;
    if (expectedDisagreement <= 0) {
      return new AgreementResult(Double.NaN, items);
    }
    double alpha = 1 - (pairable - 1) * observedDisagreement / expectedDisagreement;
    return new AgreementResult(alpha, items);
  }
}
