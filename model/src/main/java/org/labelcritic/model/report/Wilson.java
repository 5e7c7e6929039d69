package org.labelcritic.model.report;

import org.labelcritic.model.stats.Proportion;

/** The Wilson score interval of a proportion (95%), which behaves at 0 and 1 and small counts. */
public final class Wilson {
  private static final double Z = 1.959963984540054;

  private Wilson() {}

  /** {low, high}; {NaN, NaN} when the total is 0. */
  public static double[] interval(Proportion p) {
    if (p.total() == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double n = p.total();
    double phat = p.count() / n;
    double z2 = Z * Z;
    double centre = (phat + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z * Math.sqrt(phat * (1 - phat) / n + z2 / (4 * n * n)) / (1 + z2 / n);
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }
}
