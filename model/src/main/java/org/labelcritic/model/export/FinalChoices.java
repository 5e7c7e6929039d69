package org.labelcritic.model.export;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.Verdict;
import org.labelcritic.model.domain.VerdictOutcome;
import org.labelcritic.model.store.ExportQueries.PairHistory;

/**
 * Decides which label of a pair is final. The current decision is the pair's latest decision (as in
 * the review queue); a reopen leaves the pair undecided. Undecided pairs take the candidate the
 * critic's latest verdict prefers (the first of the pair when the verdict says they agree), and
 * otherwise follow a {@link Fallback}.
 */
public final class FinalChoices {
  private FinalChoices() {}

  /** What an undecided pair without a preference of the critic falls back to. */
  public enum Fallback {
    /** The candidate with the highest confidence (codes; the first in source order on a tie). */
    HIGHEST_CONFIDENCE,
    /** The only candidate, when there is one (masks carry no confidence to compare). */
    ONLY_CANDIDATE
  }

  public static FinalChoice resolve(PairHistory pair, Fallback fallback) {
    Optional<Decision> current = current(pair.decisions());
    if (current.isPresent()) {
      Decision d = current.get();
      switch (d.action()) {
        case DecisionAction.Accept a -> {
          return find(pair, a.candidateId())
              .<FinalChoice>map(c -> new FinalChoice.Accepted(c, d))
              .orElseGet(() -> missing(a.candidateId(), d));
        }
        case DecisionAction.Edit e -> {
          return find(pair, e.newCandidateId())
              .<FinalChoice>map(c -> new FinalChoice.Edited(c, d))
              .orElseGet(() -> missing(e.newCandidateId(), d));
        }
        case DecisionAction.Flag f -> {
          return new FinalChoice.Flagged(f.reason(), d);
        }
        case DecisionAction.Reopen r -> {
          // Reopened: undecided, as if no decision had been made.
        }
      }
    }
    if (!pair.verdicts().isEmpty()) {
      Verdict latest = pair.verdicts().getLast();
      // Agreeing candidates are interchangeable: take the first of the pair.
      OptionalLong preferred =
          latest.outcome() == VerdictOutcome.AGREE
              ? OptionalLong.of(latest.candidateA())
              : latest.preferred();
      if (preferred.isPresent()) {
        Optional<Candidate> c = find(pair, preferred.getAsLong());
        if (c.isPresent()) {
          return new FinalChoice.CriticPreferred(c.get(), latest);
        }
      }
    }
    List<Candidate> candidates = pair.candidates();
    return switch (fallback) {
      case HIGHEST_CONFIDENCE -> highestConfidence(candidates);
      case ONLY_CANDIDATE ->
          candidates.size() == 1
              ? new FinalChoice.OnlyCandidate(candidates.getFirst())
              : new FinalChoice.Undecided(
                  candidates.size() + " candidates, no decision and no preference of the critic");
    };
  }

  /** The pair's current decision: its latest, unless that is a reopen. */
  public static Optional<Decision> current(List<Decision> oldestFirst) {
    if (oldestFirst.isEmpty()) {
      return Optional.empty();
    }
    Decision last = oldestFirst.getLast();
    return last.action() instanceof DecisionAction.Reopen ? Optional.empty() : Optional.of(last);
  }

  private static FinalChoice highestConfidence(List<Candidate> candidates) {
    Candidate best = null;
    double bestConf = Double.NEGATIVE_INFINITY;
    for (Candidate c : candidates) {
      double conf = c.label() instanceof CandidateLabel.Code code ? code.confidence() : Double.NaN;
      // A candidate without a confidence (NaN) ranks below any with one.
      double rank = Double.isNaN(conf) ? -1 : conf;
      if (best == null || rank > bestConf) {
        best = c;
        bestConf = rank;
      }
    }
    return best == null
        ? new FinalChoice.Undecided("no candidates")
        : new FinalChoice.HighestConfidence(best);
  }

  private static Optional<Candidate> find(PairHistory pair, long candidateId) {
    return pair.candidates().stream().filter(c -> c.id() == candidateId).findFirst();
  }

  private static FinalChoice missing(long candidateId, Decision d) {
    return new FinalChoice.Undecided(
        "decision " + d.id() + " chose candidate " + candidateId + ", which is not of this pair");
  }
}
