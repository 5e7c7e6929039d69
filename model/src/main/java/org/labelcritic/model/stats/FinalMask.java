package org.labelcritic.model.stats;

import java.util.Objects;
import org.labelcritic.model.domain.Candidate;

/**
 * A reviewer's final mask for a unit: the candidate accepted, or the reviewer's edit.
 *
 * @param unit the item and structure, e.g. {@code case-7/liver}
 */
public record FinalMask(String unit, String reviewer, Candidate mask) {
  public FinalMask {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(reviewer, "reviewer");
    Objects.requireNonNull(mask, "mask");
  }
}
