package org.labelcritic.model.team;

/** Why an item is in a reviewer's queue. */
public enum AssignmentRole {
  /** Only this reviewer decides it. */
  SINGLE,
  /** Two or more reviewers decide it, blind to each other, to measure agreement. */
  OVERLAP,
  /** Its right answer is known; it scores the reviewer. */
  GOLD
}
