package org.labelcritic.model.stats;

import java.util.Objects;

/**
 * One current decision for {@link OutcomeRates}.
 *
 * @param structure the structure's name
 * @param source the name of the source the decision is attributed to (see {@link OutcomeRates})
 * @param outcome accepted unchanged, corrected or flagged
 */
public record OutcomeObservation(String structure, String source, ReviewOutcome outcome) {
  public OutcomeObservation {
    Objects.requireNonNull(structure, "structure");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(outcome, "outcome");
  }
}
