package org.labelcritic.model.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The critic's output for a pair of candidates (B present) or a single candidate (B absent).
 *
 * @param confidence for pairs, how sure the critic is of its preference (0.5..1); for a single
 *     candidate, P(good) (0..1)
 * @param critic the critic's name
 * @param modelVersion the version of the model the critic used; stored with every verdict
 * @param reasonsJson what drove the verdict (rules, features, raw answers) as JSON
 */
public record Verdict(
    long id,
    long itemId,
    long structureId,
    long candidateA,
    OptionalLong candidateB,
    VerdictOutcome outcome,
    double confidence,
    String critic,
    String modelVersion,
    String reasonsJson,
    Instant createdAt) {
  public Verdict {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(critic, "critic");
    Objects.requireNonNull(modelVersion, "modelVersion");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in 0..1, was " + confidence);
    }
  }

  /** The candidate the verdict prefers, if it prefers one. */
  public OptionalLong preferred() {
    return switch (outcome) {
      case PREFER_A -> OptionalLong.of(candidateA);
      case PREFER_B -> candidateB;
      default -> OptionalLong.empty();
    };
  }
}
