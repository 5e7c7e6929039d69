package org.labelcritic.model.store;

import java.util.Objects;
import java.util.OptionalLong;
import org.labelcritic.model.domain.VerdictOutcome;

/** A verdict about to be stored; see {@link org.labelcritic.model.domain.Verdict}. */
public record NewVerdict(
    long itemId,
    long structureId,
    long candidateA,
    OptionalLong candidateB,
    VerdictOutcome outcome,
    double confidence,
    String critic,
    String modelVersion,
    String reasonsJson) {
  public NewVerdict {
    Objects.requireNonNull(candidateB, "candidateB");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(critic, "critic");
    Objects.requireNonNull(modelVersion, "modelVersion");
    reasonsJson = reasonsJson == null ? "{}" : reasonsJson;
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in 0..1, was " + confidence);
    }
  }
}
