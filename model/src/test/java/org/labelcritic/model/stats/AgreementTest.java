package org.labelcritic.model.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Agreement coefficients against published worked examples, and their edge cases. */
class AgreementTest {

  @Test
  void cohensKappaMatchesTheWikipediaWorkedExample() {
    // Wikipedia, "Cohen's kappa", worked example: 50 grant proposals read by A and B;
    // both yes 20, A yes B no 5, A no B yes 10, both no 15: p_o = 0.7, p_e = 0.5, kappa = 0.4.
    RatingTable t = new RatingTable();
    int unit = 0;
    unit = addPairs(t, unit, 20, "yes", "yes");
    unit = addPairs(t, unit, 5, "yes", "no");
    unit = addPairs(t, unit, 10, "no", "yes");
    addPairs(t, unit, 15, "no", "no");

    assertThat(CohensKappa.of(t).value()).isCloseTo(0.4, within(1e-12));
    assertThat(CohensKappa.of(t).items()).isEqualTo(50);
    assertThat(PercentAgreement.of(t).value()).isCloseTo(0.7, within(1e-12));
  }

  @Test
  void fleissKappaMatchesTheWikipediaWorkedExample() {
    // Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories;
    // P-bar = 0.378, P-bar_e = 0.213, kappa = 0.210.
    int[][] counts = {
      {0, 0, 0, 0, 14},
      {0, 2, 6, 4, 2},
      {0, 0, 3, 5, 6},
      {0, 3, 9, 2, 0},
      {2, 2, 8, 1, 1},
      {7, 7, 0, 0, 0},
      {3, 2, 6, 3, 0},
      {2, 5, 3, 2, 2},
      {6, 5, 2, 1, 0},
      {0, 2, 2, 3, 7}
    };
    RatingTable t = new RatingTable();
    for (int i = 0; i < counts.length; i++) {
      int rater = 0;
      for (int c = 0; c < counts[i].length; c++) {
        for (int k = 0; k < counts[i][c]; k++) {
          t.add("subject-" + i, "rater-" + rater++, "category-" + c);
        }
      }
    }

    AgreementResult kappa = FleissKappa.of(t);
    assertThat(kappa.value()).isCloseTo(0.210, within(0.0005));
    assertThat(kappa.items()).isEqualTo(10);
  }

  @Test
  void krippendorffsAlphaMatchesHisNominalExampleWithMissingData() {
    // Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section C: 4 observers,
    // 12 units, nominal values, missing data; alpha = 0.743. Unit 12 has a single value and is not
    // pairable, so 11 units are used.
    String[][] observers = {
      {"1", "2", "3", "3", "2", "1", "4", "1", "2", null, null, null},
      {"1", "2", "3", "3", "2", "2", "4", "1", "2", "5", null, "3"},
      {null, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", null},
      {"1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", null}
    };
    RatingTable t = new RatingTable();
    for (int o = 0; o < observers.length; o++) {
      for (int u = 0; u < observers[o].length; u++) {
        if (observers[o][u] != null) {
          t.add("unit-" + (u + 1), "observer-" + (char) ('A' + o), observers[o][u]);
        }
      }
    }

    AgreementResult alpha = KrippendorffAlpha.of(t);
    assertThat(alpha.value()).isCloseTo(0.743, within(0.0005));
    assertThat(alpha.items()).isEqualTo(11);
  }

  @Test
  void oneCategoryOnlyLeavesTheCoefficientsUndefinedWithoutThrowing() {
    RatingTable t = new RatingTable();
    for (int u = 0; u < 5; u++) {
      t.add("u" + u, "ann", "model-a").add("u" + u, "bob", "model-a");
    }

    AgreementSummary s = AgreementSummary.of(t);
    assertThat(s.percentAgreement().value()).isEqualTo(1.0);
    assertThat(s.cohensKappa().value()).isNaN();
    assertThat(s.cohensKappa().items()).isEqualTo(5);
    assertThat(s.fleissKappa().value()).isNaN();
    assertThat(s.krippendorffAlpha().value()).isNaN();
  }

  @Test
  void ratersWithNoUnitInCommonHaveNoAgreement() {
    RatingTable t = new RatingTable().add("u1", "ann", "a").add("u2", "bob", "b");

    AgreementSummary s = AgreementSummary.of(t);
    assertThat(t.overlapUnits()).isZero();
    assertThat(s.percentAgreement()).isEqualTo(new AgreementResult(Double.NaN, 0));
    assertThat(s.cohensKappa().items()).isZero();
    assertThat(s.fleissKappa().isDefined()).isFalse();
    assertThat(s.krippendorffAlpha().items()).isZero();
  }

  @Test
  void aSingleReviewerHasNoAgreement() {
    RatingTable t = new RatingTable().add("u1", "ann", "a").add("u2", "ann", "b");

    AgreementSummary s = AgreementSummary.of(t);
    assertThat(s.raters()).isEqualTo(1);
    assertThat(s.cohensKappa().isDefined()).isFalse();
    assertThat(s.fleissKappa().isDefined()).isFalse();
    assertThat(s.krippendorffAlpha().isDefined()).isFalse();
  }

  @Test
  void anEmptyTableHasNoAgreement() {
    AgreementSummary s = AgreementSummary.of(new RatingTable());
    assertThat(s.percentAgreement().items()).isZero();
    assertThat(s.cohensKappa().value()).isNaN();
    assertThat(s.fleissKappa().value()).isNaN();
    assertThat(s.krippendorffAlpha().value()).isNaN();
  }

  @Test
  void allRatingsTakenBackLeavesNothing() {
    RatingTable t = new RatingTable().add("u1", "ann", "a").add("u1", "bob", "a");
    t.remove("u1", "ann");
    t.remove("u1", "bob");

    assertThat(t.raters()).isEmpty();
    assertThat(t.units()).isEmpty();
    assertThat(KrippendorffAlpha.of(t).items()).isZero();
  }

  @Test
  void aLaterRatingByTheSameRaterReplacesTheEarlierOne() {
    RatingTable t = new RatingTable().add("u1", "ann", "a").add("u1", "bob", "b");
    t.add("u1", "ann", "b");

    assertThat(PercentAgreement.of(t)).isEqualTo(new AgreementResult(1.0, 1));
  }

  @Test
  void fleissKappaUsesOnlyUnitsWithTheMostCommonNumberOfRatings() {
    RatingTable t = new RatingTable();
    for (int u = 0; u < 3; u++) {
      t.add("u" + u, "ann", "a").add("u" + u, "bob", "a").add("u" + u, "cy", u == 0 ? "b" : "a");
    }
    t.add("u9", "ann", "a").add("u9", "bob", "b");

    assertThat(FleissKappa.of(t).items()).isEqualTo(3);
    assertThat(KrippendorffAlpha.of(t).items()).isEqualTo(4);
  }

  @Test
  void cohensKappaBetweenTwoOfSeveralRatersUsesTheirCommonUnits() {
    RatingTable t = new RatingTable();
    t.add("u1", "ann", "a").add("u1", "bob", "a").add("u1", "cy", "b");
    t.add("u2", "ann", "b").add("u2", "bob", "b");
    t.add("u3", "ann", "a").add("u3", "cy", "a");

    assertThat(CohensKappa.of(t).isDefined()).isFalse();
    assertThat(CohensKappa.between(t, "ann", "bob")).isEqualTo(new AgreementResult(1.0, 2));
  }

  private static int addPairs(RatingTable t, int unit, int n, String a, String b) {
    for (int i = 0; i < n; i++, unit++) {
      t.add("p" + unit, "A", a).add("p" + unit, "B", b);
    }
    return unit;
  }
}
