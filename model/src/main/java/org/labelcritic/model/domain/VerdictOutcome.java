package org.labelcritic.model.domain;

/** The critic's outcome for a pair of candidates, or for a single candidate. */
public enum VerdictOutcome {
  /** Candidate A is better; confidence in 0.5..1. */
  PREFER_A,
  /** Candidate B is better; confidence in 0.5..1. */
  PREFER_B,
  /** The two agree (Dice above the gate, or identical codes); no comparison needed. */
  AGREE,
  /** The critic could not decide (disagreeing answers, position bias, an error). */
  UNSURE,
  /** Only one candidate: confidence is P(good) in 0..1. */
  SINGLE
}
