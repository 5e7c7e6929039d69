package org.labelcritic.model.domain;

import java.util.Objects;

/**
 * One source's label for one structure of one item. Reviewer edits are candidates too, with a
 * person as source and a revision above 0.
 */
public record Candidate(
    long id, long itemId, long structureId, long sourceId, int revision, CandidateLabel label) {
  public Candidate {
    Objects.requireNonNull(label, "label");
  }
}
