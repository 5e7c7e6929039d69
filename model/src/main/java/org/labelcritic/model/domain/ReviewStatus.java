package org.labelcritic.model.domain;

/** Where one item and structure stands in the review queue. */
public enum ReviewStatus {
  /** No verdict yet. */
  PENDING,
  /** The candidates agree. */
  AGREE,
  /** The critic prefers one candidate with high confidence. */
  CONFIDENT,
  /** The critic is unsure or its confidence is low. */
  UNSURE,
  /** A reviewer (or the automatic adopter) accepted or edited a label. */
  DECIDED,
  /** A reviewer flagged it. */
  FLAGGED
}
