package org.labelcritic.model.stats;

import java.util.Objects;

/**
 * One rater's category for one unit: a reviewer's current decision on an item and structure.
 *
 * @param unit what was rated, e.g. {@code case-7/liver}
 * @param rater who rated it, e.g. the reviewer's name
 * @param category the nominal category, see {@link DecisionCategory}
 */
public record Rating(String unit, String rater, String category) {
  public Rating {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(rater, "rater");
    Objects.requireNonNull(category, "category");
  }
}
