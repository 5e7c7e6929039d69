package org.labelcritic.model.critic;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The code critic's full answer for one cell: the verdict, which candidates it is about, every
 * candidate's P(correct) and the routing of the most likely code.
 */
public final class CodeAssessment {
  private final CriticVerdict verdict;
  private final int candidateA;
  private final int candidateB;
  private final int best;
  private final double[] pCorrect;
  private final CodeRouting.Route route;

  CodeAssessment(
      CriticVerdict verdict,
      int candidateA,
      int candidateB,
      int best,
      double[] pCorrect,
      CodeRouting.Route route) {
    this.verdict = Objects.requireNonNull(verdict);
    this.candidateA = candidateA;
    this.candidateB = candidateB;
    this.best = best;
    this.pCorrect = pCorrect;
    this.route = Objects.requireNonNull(route);
  }

  public CriticVerdict verdict() {
    return verdict;
  }

  /** The position (in {@link CodeItem#candidates()}) of the verdict's candidate A. */
  public int candidateA() {
    return candidateA;
  }

  /** The position of candidate B; empty for a single-candidate verdict. */
  public OptionalInt candidateB() {
    return candidateB < 0 ? OptionalInt.empty() : OptionalInt.of(candidateB);
  }

  /** The position of the most likely candidate. */
  public int best() {
    return best;
  }

  /** P(candidate correct) for the candidate at this position. */
  public double pCorrect(int position) {
    return pCorrect[position];
  }

  public int candidates() {
    return pCorrect.length;
  }

  /** The routing of the most likely candidate's code. */
  public CodeRouting.Route route() {
    return route;
  }

  @Override
  public String toString() {
    return "CodeAssessment["
        + verdict
        + ", a="
        + candidateA
        + ", b="
        + candidateB
        + ", best="
        + best
        + ", p="
        + Arrays.toString(pCorrect)
        + ", route="
        + route
        + "]";
  }
}
