package org.labelcritic.model.domain;

import java.util.Objects;

/** What a reviewer did with one item and structure. A closed family. */
public sealed interface DecisionAction {

  /** Accept an existing candidate unchanged. */
  record Accept(long candidateId) implements DecisionAction {}

  /** Replace the labels with a new candidate the reviewer made (an edited mask, a typed code). */
  record Edit(long newCandidateId) implements DecisionAction {}

  /** Flag the item with a reason; no label is chosen. */
  record Flag(FlagReason reason) implements DecisionAction {
    public Flag {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Take back the previous decision: the item is open for review again. */
  record Reopen() implements DecisionAction {}

  /** The name stored in the database. */
  default String kind() {
    return switch (this) {
      case Accept a -> "ACCEPT";
      case Edit e -> "EDIT";
      case Flag f -> "FLAG";
      case Reopen r -> "REOPEN";
    };
  }
}
