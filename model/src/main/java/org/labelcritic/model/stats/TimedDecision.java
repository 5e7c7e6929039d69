package org.labelcritic.model.stats;

import java.util.Objects;

/**
 * The time a reviewer spent on one decision.
 *
 * @param millis time spent; 0 means unknown
 */
public record TimedDecision(String reviewer, long millis) {
  public TimedDecision {
    Objects.requireNonNull(reviewer, "reviewer");
    if (millis < 0) {
      throw new IllegalArgumentException("negative time spent: " + millis);
    }
  }
}
