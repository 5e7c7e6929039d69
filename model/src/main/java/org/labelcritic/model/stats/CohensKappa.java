package org.labelcritic.model.stats;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cohen's kappa for two raters on the units both rated: (p_o - p_e) / (1 - p_e), with p_o the
 * observed agreement and p_e the agreement expected from each rater's own category frequencies.
 * Undefined (NaN) when the two share no unit or only one category is ever used (p_e = 1).
 */
public final class CohensKappa {
  private CohensKappa() {}

  /** Kappa between the table's two raters; undefined unless the table has exactly two. */
  public static AgreementResult of(RatingTable table) {
    if (table.raters().size() != 2) {
      return AgreementResult.UNDEFINED;
    }
    Iterator<String> it = table.raters().iterator();
    return between(table, it.next(), it.next());
  }

  /** Kappa between two of the table's raters, on the units both rated. */
  public static AgreementResult between(RatingTable table, String raterA, String raterB) {
    Map<String, Integer> marginA = new TreeMap<>();
    Map<String, Integer> marginB = new TreeMap<>();
    int n = 0;
    int agree = 0;
    for (Map<String, String> unit : table.units()) {
      String a = unit.get(raterA);
      String b = unit.get(raterB);
      if (a == null || b == null) {
        continue;
      }
      n++;
      agree += a.equals(b) ? 1 : 0;
      marginA.merge(a, 1, Integer::sum);
      marginB.merge(b, 1, Integer::sum);
    }
    if (n == 0) {
      return AgreementResult.UNDEFINED;
    }
    double po = (double) agree / n;
    double pe = 0;
    for (Map.Entry<String, Integer> e : marginA.entrySet()) {
      pe += (double) e.getValue() / n * marginB.getOrDefault(e.getKey(), 0) / n;
    }
    double kappa = pe >= 1 ? Double.NaN : (po - pe) / (1 - pe);
    return new AgreementResult(kappa, n);
  }
}
