package org.labelcritic.model.store;

import java.util.Objects;
import org.labelcritic.model.domain.VerdictOutcome;

/**
 * One verdict with names instead of ids, as exported.
 *
 * @param sourceB empty for a single-candidate verdict
 */
public record VerdictRow(
    long verdictId,
    String item,
    String structure,
    String sourceA,
    String sourceB,
    VerdictOutcome outcome,
    double confidence,
    String critic,
    String modelVersion) {
  public VerdictRow {
    Objects.requireNonNull(outcome, "outcome");
    sourceB = sourceB == null ? "" : sourceB;
  }

  /** The source the verdict prefers; empty when it prefers none (agree, unsure, single). */
  public String preferredSource() {
    return switch (outcome) {
      case PREFER_A -> sourceA;
      case PREFER_B -> sourceB;
      default -> "";
    };
  }
}
