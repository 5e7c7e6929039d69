package org.labelcritic.model.worker;

import java.util.List;
import java.util.Objects;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.ItemKind;

/** One item and structure to score, with its candidates in source order. */
public record ScoringTask(
    long itemId, ItemKind kind, long structureId, List<Candidate> candidates) {
  public ScoringTask {
    Objects.requireNonNull(kind, "kind");
    candidates = List.copyOf(candidates);
  }
}
