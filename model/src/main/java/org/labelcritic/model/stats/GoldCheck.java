package org.labelcritic.model.stats;

import java.util.Objects;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.DecisionAction;

/**
 * A reviewer's current decision on a gold item.
 *
 * @param finalLabel the label accepted or made by an edit; null for a flag
 */
public record GoldCheck(
    String reviewer, GoldAnswer expected, DecisionAction action, CandidateLabel finalLabel) {
  public GoldCheck {
    Objects.requireNonNull(reviewer, "reviewer");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(action, "action");
  }

  public boolean correct() {
    return expected.matches(action, finalLabel);
  }
}
