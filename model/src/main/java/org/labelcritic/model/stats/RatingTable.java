package org.labelcritic.model.stats;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The accumulator behind every agreement coefficient: for each unit, each rater's current category.
 * Adding a rating for a unit the rater already rated replaces it (a changed mind supersedes);
 * {@link #remove} takes a rating back (a reopened item). Missing ratings are allowed.
 */
public final class RatingTable {
  private final Map<String, Map<String, String>> units = new LinkedHashMap<>();
  private final Map<String, Integer> ratingsPerRater = new TreeMap<>();

  public RatingTable add(Rating r) {
    Map<String, String> unit = units.computeIfAbsent(r.unit(), u -> new LinkedHashMap<>());
    if (unit.put(r.rater(), r.category()) == null) {
      ratingsPerRater.merge(r.rater(), 1, Integer::sum);
    }
    return this;
  }

  public RatingTable add(String unit, String rater, String category) {
    return add(new Rating(unit, rater, category));
  }

  /** Takes back the rater's rating of the unit, if there is one. */
  public void remove(String unit, String rater) {
    Map<String, String> u = units.get(unit);
    if (u != null && u.remove(rater) != null) {
      ratingsPerRater.computeIfPresent(rater, (k, n) -> n == 1 ? null : n - 1);
      if (u.isEmpty()) {
        units.remove(unit);
      }
    }
  }

  /** Raters with at least one rating, in name order. */
  public Set<String> raters() {
    return Collections.unmodifiableSet(ratingsPerRater.keySet());
  }

  /** Each unit's ratings (rater to category), in the order units were first rated. */
  public Collection<Map<String, String>> units() {
    return Collections.unmodifiableCollection(units.values());
  }

  /** How many units have at least two ratings (the ones agreement can be computed on). */
  public int overlapUnits() {
    int n = 0;
    for (Map<String, String> u : units.values()) {
      if (u.size() >= 2) {
        n++;
      }
    }
    return n;
  }

  /** Category counts of one unit. */
  static Map<String, Integer> counts(Map<String, String> unit) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String c : unit.values()) {
      counts.merge(c, 1, Integer::sum);
    }
    return counts;
  }
}
