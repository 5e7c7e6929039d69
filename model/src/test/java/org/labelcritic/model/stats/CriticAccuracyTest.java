package org.labelcritic.model.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.labelcritic.model.stats.Fixtures.pair;
import static org.labelcritic.model.stats.Fixtures.single;

import org.junit.jupiter.api.Test;
import org.labelcritic.model.domain.VerdictOutcome;

class CriticAccuracyTest {

  @Test
  void countsTheShareOfDecisionsWhereTheCriticPreferredTheAcceptedCandidate() {
    CriticAccuracy acc = new CriticAccuracy();
    acc.add(new CriticCheck("liver", pair(1, 2, VerdictOutcome.PREFER_A), 1));
    acc.add(new CriticCheck("liver", pair(1, 2, VerdictOutcome.PREFER_B), 2));
    acc.add(new CriticCheck("liver", pair(1, 2, VerdictOutcome.PREFER_B), 1));
    acc.add(new CriticCheck("spleen", pair(3, 4, VerdictOutcome.PREFER_A), 3));

    assertThat(acc.forStructure("liver")).isEqualTo(new CriticAccuracy.Counts(2, 1, 0, 0));
    assertThat(acc.forStructure("liver").accuracy().value()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(acc.pooled().accuracy()).isEqualTo(new Proportion(3, 4));
    assertThat(acc.byStructure()).containsOnlyKeys("liver", "spleen");
  }

  @Test
  void agreeAndUnsureVerdictsAreCountedApartFromTheShare() {
    CriticAccuracy acc = new CriticAccuracy();
    acc.add(new CriticCheck("liver", pair(1, 2, VerdictOutcome.AGREE), 1));
    acc.add(new CriticCheck("liver", pair(1, 2, VerdictOutcome.UNSURE), 2));

    assertThat(acc.pooled()).isEqualTo(new CriticAccuracy.Counts(0, 0, 1, 1));
    assertThat(acc.pooled().accuracy().value()).isNaN();
    assertThat(acc.pooled().total()).isEqualTo(2);
  }

  @Test
  void singleVerdictsAndCandidatesOutsideThePairAreNotComparable() {
    CriticAccuracy acc = new CriticAccuracy();

    assertThat(acc.add(new CriticCheck("liver", single(1), 1))).isFalse();
    assertThat(acc.add(new CriticCheck("liver", pair(1, 2, VerdictOutcome.PREFER_A), 9))).isFalse();
    assertThat(acc.pooled().total()).isZero();
    assertThat(acc.forStructure("liver").accuracy().value()).isNaN();
  }
}
