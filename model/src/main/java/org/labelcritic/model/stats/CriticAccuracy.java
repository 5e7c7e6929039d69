package org.labelcritic.model.stats;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Critic accuracy against reviewers, per structure and pooled. Among current decisions that
 * accepted one of the two candidates a pairwise verdict compared, the share where the verdict
 * preferred the accepted one. AGREE and UNSURE verdicts state no preference: they are left out of
 * the share and counted on their own. Single-candidate verdicts, and decisions that accepted a
 * candidate outside the pair, are not comparable and are ignored.
 */
public final class CriticAccuracy {

  /**
   * Counts for one structure (or pooled).
   *
   * @param agreed the verdict preferred the candidate the reviewer accepted
   * @param disagreed the verdict preferred the other candidate
   * @param agreeVerdicts the verdict said the two candidates agree
   * @param unsureVerdicts the critic could not decide
   */
  public record Counts(long agreed, long disagreed, long agreeVerdicts, long unsureVerdicts) {
    static final Counts NONE = new Counts(0, 0, 0, 0);

    /** agreed out of agreed + disagreed; its value is NaN when the critic never preferred one. */
    public Proportion accuracy() {
      return new Proportion(agreed, agreed + disagreed);
    }

    /** Every comparable decision, including those under AGREE and UNSURE verdicts. */
    public long total() {
      return agreed + disagreed + agreeVerdicts + unsureVerdicts;
    }

    Counts plus(Counts o) {
      return new Counts(
          agreed + o.agreed,
          disagreed + o.disagreed,
          agreeVerdicts + o.agreeVerdicts,
          unsureVerdicts + o.unsureVerdicts);
    }
  }

  private final Map<String, Counts> byStructure = new TreeMap<>();
  private Counts pooled = Counts.NONE;

  /**
   * Adds one observation.
   *
   * @return whether it was comparable (and so counted)
   */
  public boolean add(CriticCheck check) {
    if (!check.isComparable()) {
      return false;
    }
    Counts one =
        switch (check.verdict().outcome()) {
          case PREFER_A, PREFER_B ->
              check.verdict().preferred().getAsLong() == check.acceptedCandidateId()
                  ? new Counts(1, 0, 0, 0)
                  : new Counts(0, 1, 0, 0);
          case AGREE -> new Counts(0, 0, 1, 0);
          case UNSURE -> new Counts(0, 0, 0, 1);
          case SINGLE -> null;
        };
    if (one == null) {
      return false;
    }
    byStructure.merge(check.structure(), one, Counts::plus);
    pooled = pooled.plus(one);
    return true;
  }

  /** Counts per structure name, in name order. */
  public Map<String, Counts> byStructure() {
    return Collections.unmodifiableMap(byStructure);
  }

  public Counts forStructure(String structure) {
    return byStructure.getOrDefault(structure, Counts.NONE);
  }

  public Counts pooled() {
    return pooled;
  }
}
