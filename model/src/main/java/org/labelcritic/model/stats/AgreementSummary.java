package org.labelcritic.model.stats;

/**
 * The agreement coefficients of one rating table, each with the number of items it used. Cohen's
 * kappa is given only when the table has exactly two raters (see {@link CohensKappa#between} for a
 * pair out of more).
 */
public record AgreementSummary(
    int raters,
    AgreementResult percentAgreement,
    AgreementResult cohensKappa,
    AgreementResult fleissKappa,
    AgreementResult krippendorffAlpha) {

  public static AgreementSummary of(RatingTable table) {
    return new AgreementSummary(
        table.raters().size(),
        PercentAgreement.of(table),
        CohensKappa.of(table),
        FleissKappa.of(table),
        KrippendorffAlpha.of(table));
  }
}
