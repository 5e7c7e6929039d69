package org.labelcritic.model.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;

class OutcomeRatesTest {

  @Test
  void ratesArePerSourcePerStructureAndPooled() {
    OutcomeRates r = new OutcomeRates();
    r.add(new OutcomeObservation("liver", "model-a", ReviewOutcome.ACCEPTED));
    r.add(new OutcomeObservation("liver", "model-a", ReviewOutcome.CORRECTED));
    r.add(new OutcomeObservation("liver", "model-b", ReviewOutcome.FLAGGED));
    r.add(new OutcomeObservation("spleen", "model-a", ReviewOutcome.ACCEPTED));

    assertThat(r.bySource().get("model-a")).isEqualTo(new OutcomeRates.Counts(2, 1, 0));
    assertThat(r.bySource().get("model-a").correctedRate()).isEqualTo(new Proportion(1, 3));
    assertThat(r.byStructure().get("liver")).isEqualTo(new OutcomeRates.Counts(1, 1, 1));
    assertThat(r.bySource("liver")).containsOnlyKeys("model-a", "model-b");
    assertThat(r.bySource("kidney")).isEmpty();
    assertThat(r.pooled().flaggedRate().value()).isEqualTo(0.25);
  }

  @Test
  void aReopenHasNoOutcome() {
    assertThat(ReviewOutcome.of(new DecisionAction.Reopen())).isEmpty();
    assertThat(ReviewOutcome.of(new DecisionAction.Flag(FlagReason.INVALID)))
        .contains(ReviewOutcome.FLAGGED);
  }

  @Test
  void nothingAddedGivesUndefinedRates() {
    assertThat(new OutcomeRates().pooled().acceptedRate().value()).isNaN();
  }
}
