package org.labelcritic.model.stats;

/**
 * An agreement coefficient and the number of items (units) it was computed on.
 *
 * @param value the coefficient; NaN when undefined (no items, or a single category in use)
 * @param items how many items entered the computation
 */
public record AgreementResult(double value, int items) {
  static final AgreementResult UNDEFINED = new AgreementResult(Double.NaN, 0);

  public boolean isDefined() {
    return !Double.isNaN(value);
  }
}
