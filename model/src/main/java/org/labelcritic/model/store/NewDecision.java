package org.labelcritic.model.store;

import java.util.Objects;
import java.util.OptionalLong;
import org.labelcritic.model.domain.DecisionAction;

/**
 * A decision about to be recorded.
 *
 * @param sessionId the working session, if any
 * @param verdictId the verdict the reviewer saw, if any
 * @param timeSpentMillis time spent on the item, 0 when unknown
 */
public record NewDecision(
    long itemId,
    long structureId,
    long reviewerId,
    OptionalLong sessionId,
    DecisionAction action,
    String note,
    OptionalLong verdictId,
    long timeSpentMillis) {
  public NewDecision {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(verdictId, "verdictId");
    note = note == null ? "" : note;
    if (timeSpentMillis < 0) {
      throw new IllegalArgumentException("negative time spent: " + timeSpentMillis);
    }
  }

  public static NewDecision of(long itemId, long structureId, long reviewerId, DecisionAction a) {
    return new NewDecision(
        itemId, structureId, reviewerId, OptionalLong.empty(), a, "", OptionalLong.empty(), 0);
  }
}
