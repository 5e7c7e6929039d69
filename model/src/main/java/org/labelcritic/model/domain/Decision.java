package org.labelcritic.model.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A reviewer's act on one item and structure. Decisions are append-only: a change of mind appends a
 * new decision that supersedes the old one.
 *
 * @param uid globally unique id (so that offline sessions merge without duplicates)
 * @param verdictId the verdict the reviewer saw or the automatic decision rests on, if any
 * @param supersedes the decision this one replaces, if any
 * @param timeSpentMillis time the reviewer spent on the item, 0 when unknown
 */
public record Decision(
    long id,
    String uid,
    long itemId,
    long structureId,
    long reviewerId,
    OptionalLong sessionId,
    DecisionAction action,
    String note,
    OptionalLong verdictId,
    OptionalLong supersedes,
    long timeSpentMillis,
    Instant decidedAt) {
  public Decision {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(decidedAt, "decidedAt");
    note = note == null ? "" : note;
  }
}
