package org.labelcritic.model.team;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How to deal items to reviewers.
 *
 * @param reviewers the reviewers' names (duplicates and blanks are refused)
 * @param overlap the share of items, 0..1, that go to {@code overlapReviewers} reviewers
 * @param overlapReviewers how many reviewers decide an overlap item (at least 2; fewer when the
 *     team is smaller)
 * @param goldRate the share, 0..&lt;1, of each reviewer's queue made of gold items (as far as there
 *     are gold items)
 * @param goldFeedback whether a reviewer is told at once whether a gold decision was right
 */
public record AssignmentSettings(
    List<String> reviewers,
    double overlap,
    int overlapReviewers,
    double goldRate,
    boolean goldFeedback) {
  public static final double DEFAULT_OVERLAP = 0.10;
  public static final double DEFAULT_GOLD_RATE = 0.05;

  public AssignmentSettings {
    Set<String> seen = new LinkedHashSet<>();
    for (String r : reviewers) {
      if (r == null || r.isBlank()) {
        throw new IllegalArgumentException("a reviewer name is empty");
      }
      if (!seen.add(r.strip())) {
        throw new IllegalArgumentException("reviewer '" + r.strip() + "' is named twice");
      }
    }
    if (seen.isEmpty()) {
      throw new IllegalArgumentException("name at least one reviewer");
    }
    reviewers = List.copyOf(seen);
    if (!(overlap >= 0 && overlap <= 1)) {
      throw new IllegalArgumentException("overlap must be between 0 and 1, was " + overlap);
    }
    if (overlapReviewers < 2) {
      throw new IllegalArgumentException(
          "an overlap item needs at least 2 reviewers, was " + overlapReviewers);
    }
    if (!(goldRate >= 0 && goldRate < 1)) {
      throw new IllegalArgumentException(
          "gold rate must be at least 0 and below 1, was " + goldRate);
    }
  }

  /** The defaults: 10% overlap between two reviewers, 5% gold items, no immediate feedback. */
  public static AssignmentSettings of(List<String> reviewers) {
    return new AssignmentSettings(reviewers, DEFAULT_OVERLAP, 2, DEFAULT_GOLD_RATE, false);
  }
}
