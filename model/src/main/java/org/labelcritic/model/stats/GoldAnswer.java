package org.labelcritic.model.stats;

import java.util.Objects;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.DecisionAction;

/** The known right answer on a gold item, and whether a reviewer's decision matches it. */
public sealed interface GoldAnswer {

  /**
   * Whether a decision matches.
   *
   * @param action the reviewer's current decision
   * @param finalLabel the label of the candidate accepted or made by an edit; null for a flag
   */
  boolean matches(DecisionAction action, CandidateLabel finalLabel);

  /** The right answer is accepting this candidate unchanged. */
  record AcceptCandidate(long candidateId) implements GoldAnswer {
    @Override
    public boolean matches(DecisionAction action, CandidateLabel finalLabel) {
      return action instanceof DecisionAction.Accept a && a.candidateId() == candidateId;
    }
  }

  /** The right answer is this code, however the reviewer arrived at it (accept or edit). */
  record Code(String code) implements GoldAnswer {
    public Code {
      Objects.requireNonNull(code, "code");
    }

    @Override
    public boolean matches(DecisionAction action, CandidateLabel finalLabel) {
      return finalLabel instanceof CandidateLabel.Code c && c.code().strip().equals(code.strip());
    }
  }

  /** The right answer is to flag the item, for any reason. */
  record Flagged() implements GoldAnswer {
    @Override
    public boolean matches(DecisionAction action, CandidateLabel finalLabel) {
      return action instanceof DecisionAction.Flag;
    }
  }
}
