package org.labelcritic.app.ui;

import java.util.Comparator;
import org.labelcritic.model.domain.ReviewStatus;
import org.labelcritic.model.store.QueueRow;

/** How the review queue is ordered. The queue keeps this order while live updates come in. */
public enum QueueOrder {
  /**
   * What needs a person most first: unsure, then pending, then critic confident, agree, flagged and
   * decided; within each, the lowest critic confidence first.
   */
  PRIORITY,
  /** Lowest critic confidence first, whatever the status (no verdict counts as lowest). */
  CONFIDENCE,
  /** By item, then structure, as the store lists them. */
  ITEM;

  public Comparator<QueueRow> comparator() {
    Comparator<QueueRow> byName =
        Comparator.comparing(QueueRow::itemName).thenComparing(QueueRow::structure);
    Comparator<QueueRow> byConfidence =
        Comparator.comparingDouble(
            r -> r.confidence().isPresent() ? r.confidence().getAsDouble() : -1);
    return switch (this) {
      case PRIORITY ->
          Comparator.comparingInt((QueueRow r) -> rank(r.status()))
              .thenComparing(byConfidence)
              .thenComparing(byName);
      case CONFIDENCE -> byConfidence.thenComparing(byName);
      case ITEM -> byName;
    };
  }

  /** Where a status comes in the priority order. */
  static int rank(ReviewStatus status) {
    return switch (status) {
      case UNSURE -> 0;
      case PENDING -> 1;
      case CONFIDENT -> 2;
      case AGREE -> 3;
      case FLAGGED -> 4;
      case DECIDED -> 5;
    };
  }
}
