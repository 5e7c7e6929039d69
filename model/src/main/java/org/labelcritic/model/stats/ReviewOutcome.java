package org.labelcritic.model.stats;

import java.util.Optional;
import org.labelcritic.model.domain.DecisionAction;

/** What a reviewer's current decision did with the label put in front of them. */
public enum ReviewOutcome {
  /** Accepted a candidate unchanged. */
  ACCEPTED,
  /** Corrected it (an edit). */
  CORRECTED,
  /** Flagged the item. */
  FLAGGED;

  /** The outcome of a decision; empty for a reopen, which leaves no current decision. */
  public static Optional<ReviewOutcome> of(DecisionAction action) {
    return switch (action) {
      case DecisionAction.Accept a -> Optional.of(ACCEPTED);
      case DecisionAction.Edit e -> Optional.of(CORRECTED);
      case DecisionAction.Flag f -> Optional.of(FLAGGED);
      case DecisionAction.Reopen r -> Optional.empty();
    };
  }
}
