package org.labelcritic.model.stats;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reviewer accuracy on gold items: per reviewer, the share of gold items where the reviewer's
 * current decision matches the known answer (see {@link GoldAnswer} for what matches).
 */
public final class GoldAccuracy {
  private final Map<String, Proportion> byReviewer = new TreeMap<>();
  private Proportion pooled = Proportion.NONE;

  public void add(GoldCheck check) {
    boolean correct = check.correct();
    byReviewer.merge(check.reviewer(), Proportion.NONE.plus(correct), Proportion::plus);
    pooled = pooled.plus(correct);
  }

  /** Per reviewer name, in name order: correct out of gold items decided. */
  public Map<String, Proportion> byReviewer() {
    return Collections.unmodifiableMap(byReviewer);
  }

  public Proportion pooled() {
    return pooled;
  }
}
