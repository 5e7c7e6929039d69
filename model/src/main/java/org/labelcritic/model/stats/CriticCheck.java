package org.labelcritic.model.stats;

import java.util.Objects;
import org.labelcritic.model.domain.Verdict;

/**
 * A reviewer's current accept decision next to the critic's verdict on the same item and structure.
 *
 * @param structure the structure's name
 * @param verdict the critic's verdict (the one the reviewer saw, or the latest on the pair)
 * @param acceptedCandidateId the candidate the reviewer accepted unchanged
 */
public record CriticCheck(String structure, Verdict verdict, long acceptedCandidateId) {
  public CriticCheck {
    Objects.requireNonNull(structure, "structure");
    Objects.requireNonNull(verdict, "verdict");
  }

  /** Whether the verdict compared two candidates and the reviewer accepted one of them. */
  public boolean isComparable() {
    return verdict.candidateB().isPresent()
        && (verdict.candidateA() == acceptedCandidateId
            || verdict.candidateB().getAsLong() == acceptedCandidateId);
  }
}
