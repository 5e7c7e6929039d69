package org.labelcritic.model.stats;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often reviewers accepted unchanged, corrected or flagged, per source and per structure.
 *
 * <p>A decision is attributed to one source: for an accept, the source of the accepted candidate;
 * for an edit or a flag, the source of the candidate the critic preferred (or, for a
 * single-candidate verdict, the one it scored), because that is the label the reviewer rejected;
 * with no such verdict, the item's only model candidate; otherwise {@value #UNATTRIBUTED}. {@code
 * StatsQueries} applies this rule.
 */
public final class OutcomeRates {
  /** The source of a correction or flag that no single candidate can be blamed for. */
  public static final String UNATTRIBUTED = "(unattributed)";

  /** Decisions counted by outcome. */
  public record Counts(long accepted, long corrected, long flagged) {
    static final Counts NONE = new Counts(0, 0, 0);

    public long total() {
      return accepted + corrected + flagged;
    }

    public Proportion acceptedRate() {
      return new Proportion(accepted, total());
    }

    public Proportion correctedRate() {
      return new Proportion(corrected, total());
    }

    public Proportion flaggedRate() {
      return new Proportion(flagged, total());
    }

    Counts plus(Counts o) {
      return new Counts(accepted + o.accepted, corrected + o.corrected, flagged + o.flagged);
    }

    static Counts one(ReviewOutcome o) {
      return switch (o) {
        case ACCEPTED -> new Counts(1, 0, 0);
        case CORRECTED -> new Counts(0, 1, 0);
        case FLAGGED -> new Counts(0, 0, 1);
      };
    }
  }

  private final Map<String, Counts> bySource = new TreeMap<>();
  private final Map<String, Counts> byStructure = new TreeMap<>();
  private final Map<String, Map<String, Counts>> byStructureAndSource = new TreeMap<>();
  private Counts pooled = Counts.NONE;

  public void add(OutcomeObservation o) {
    Counts one = Counts.one(o.outcome());
    bySource.merge(o.source(), one, Counts::plus);
    byStructure.merge(o.structure(), one, Counts::plus);
    byStructureAndSource
        .computeIfAbsent(o.structure(), s -> new TreeMap<>())
        .merge(o.source(), one, Counts::plus);
    pooled = pooled.plus(one);
  }

  /** Per source name, in name order. */
  public Map<String, Counts> bySource() {
    return Collections.unmodifiableMap(bySource);
  }

  /** Per structure name, in name order. */
  public Map<String, Counts> byStructure() {
    return Collections.unmodifiableMap(byStructure);
  }

  /** One structure's counts per source. */
  public Map<String, Counts> bySource(String structure) {
    return Collections.unmodifiableMap(byStructureAndSource.getOrDefault(structure, Map.of()));
  }

  public Counts pooled() {
    return pooled;
  }
}
