package org.labelcritic.model.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.critic.ReasonsJson;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.Verdict;
import org.labelcritic.model.job.Job;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.CriticQueries;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.Queries;
import org.labelcritic.model.store.Store;

/**
 * Adopts the critic's choice without review where it is confident (DESIGN.md, "Who uses it": "when
 * it is confident, the best label is adopted without review"). For every item and structure that
 * has a verdict and no decision yet, the latest verdict is adopted when the candidates agree or the
 * verdict is at least {@code minConfidence} sure (for a single candidate: P(good)); UNSURE never
 * is. The decision is an ACCEPT of the preferred candidate (the first one for AGREE) by the
 * reviewer {@value #REVIEWER}, naming the verdict it rests on.
 *
 * <p>A verdict whose reasons carry the code routing rule ("route.review": a shaky digit, a code not
 * in the list, a code never seen in training) is left for review even when it is confident, unless
 * routing is ignored: the published census workflow reviews exactly those.
 *
 * <p>Idempotent: a pair with any decision (automatic or a person's) is never adopted again.
 */
public final class AutoAdopter implements Job<AutoAdopter.Report> {
  /** The reviewer automatic decisions are recorded under. */
  public static final String REVIEWER = Queries.AUTOMATIC_REVIEWER;

  private static final int PAGE = 1_000;

  private final Store store;
  private final double minConfidence;
  private final boolean respectRouting;

  /** What a run did; {@code remaining} is the pairs still open after it. */
  public record Report(
      long adopted, long belowThreshold, long keptByRouting, long remaining, boolean cancelled) {}

  public AutoAdopter(Store store, double minConfidence, boolean respectRouting) {
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new IllegalArgumentException(
          "the minimum confidence must be in 0..1, was " + minConfidence);
    }
    this.store = store;
    this.minConfidence = minConfidence;
    this.respectRouting = respectRouting;
  }

  @Override
  public Report run(Progress progress) throws LabelCriticException {
    long reviewer = store.reviews().reviewer(REVIEWER).id();
    CriticQueries q = new CriticQueries(store);
    long after = 0;
    long adopted = 0;
    long below = 0;
    long routed = 0;
    long seen = 0;
    boolean cancelled = false;
    progress.message("Adopting confident verdicts");
    while (true) {
      if (progress.isCancelled()) {
        cancelled = true;
        break;
      }
      List<Verdict> page = q.latestUndecided(after, PAGE);
      if (page.isEmpty()) {
        break;
      }
      List<NewDecision> decisions = new ArrayList<>();
      for (Verdict v : page) {
        after = v.id();
        OptionalLong candidate = adoptable(v);
        if (candidate.isEmpty()) {
          below++;
        } else if (respectRouting && ReasonsJson.names(v.reasonsJson(), "route.review")) {
          routed++;
        } else {
          decisions.add(
              new NewDecision(
                  v.itemId(),
                  v.structureId(),
                  reviewer,
                  OptionalLong.empty(),
                  new DecisionAction.Accept(candidate.getAsLong()),
                  String.format(
                      Locale.ROOT,
                      "adopted automatically: %s %.3f by %s %s",
                      v.outcome(),
                      v.confidence(),
                      v.critic(),
                      v.modelVersion()),
                  OptionalLong.of(v.id()),
                  0));
        }
      }
      store.reviews().recordAll(decisions);
      adopted += decisions.size();
      seen += page.size();
      progress.update(seen, -1);
    }
    return new Report(adopted, below, routed, q.openPairs(), cancelled);
  }

  /** The candidate to accept, or empty when the verdict is not confident enough. */
  OptionalLong adoptable(Verdict v) {
    return switch (v.outcome()) {
      case AGREE -> OptionalLong.of(v.candidateA());
      case PREFER_A, PREFER_B, SINGLE ->
          v.confidence() >= minConfidence
              ? (v.outcome() == org.labelcritic.model.domain.VerdictOutcome.PREFER_B
                  ? v.candidateB()
                  : OptionalLong.of(v.candidateA()))
              : OptionalLong.empty();
      case UNSURE -> OptionalLong.empty();
    };
  }
}
