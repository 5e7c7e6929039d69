package org.labelcritic.model.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.labelcritic.model.critic.CodeFrequencies;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.DecisionAction;

/**
 * Every statistic computed from reviewers' current decisions and the times of all decisions (the
 * store's {@code StatsQueries.snapshot()} reads them).
 */
public final class ReviewStatistics {
  private final List<CurrentDecision> current;
  private final List<TimedDecision> times;

  public ReviewStatistics(List<CurrentDecision> current, List<TimedDecision> times) {
    this.current = List.copyOf(current);
    this.times = List.copyOf(times);
  }

  /** Current decisions in the order they were made. */
  public List<CurrentDecision> currentDecisions() {
    return current;
  }

  /**
   * Critic accuracy: each current accept next to its verdict (the one the reviewer saw, else the
   * latest on the pair); see {@link CriticAccuracy} for what counts.
   */
  public CriticAccuracy criticAccuracy() {
    CriticAccuracy acc = new CriticAccuracy();
    for (CurrentDecision d : current) {
      if (d.action() instanceof DecisionAction.Accept a && d.verdict().isPresent()) {
        acc.add(new CriticCheck(d.structure(), d.verdict().get(), a.candidateId()));
      }
    }
    return acc;
  }

  public OutcomeRates outcomeRates() {
    OutcomeRates rates = new OutcomeRates();
    for (CurrentDecision d : current) {
      ReviewOutcome.of(d.action())
          .ifPresent(o -> rates.add(new OutcomeObservation(d.structure(), d.source(), o)));
    }
    return rates;
  }

  /** Every current decision as a rating: unit = item/structure, rater = reviewer. */
  public RatingTable ratings() {
    RatingTable t = new RatingTable();
    for (CurrentDecision d : current) {
      t.add(d.unit(), d.reviewer(), d.category());
    }
    return t;
  }

  /** One rating table per structure name, in name order. */
  public Map<String, RatingTable> ratingsByStructure() {
    Map<String, RatingTable> out = new TreeMap<>();
    for (CurrentDecision d : current) {
      out.computeIfAbsent(d.structure(), s -> new RatingTable())
          .add(d.unit(), d.reviewer(), d.category());
    }
    return Collections.unmodifiableMap(out);
  }

  /** Reviewers' final masks (accepted or edited); call its result with imaging's Dice. */
  public MaskAgreement maskAgreement() {
    MaskAgreement m = new MaskAgreement();
    for (CurrentDecision d : current) {
      if (d.finalCandidate() != null && d.finalCandidate().label() instanceof CandidateLabel.Mask) {
        m.add(new FinalMask(d.unit(), d.reviewer(), d.finalCandidate()));
      }
    }
    return m;
  }

  /** Every decision's time (superseded ones too: the time was spent), reopens excepted. */
  public DecisionTimes decisionTimes() {
    DecisionTimes t = new DecisionTimes();
    times.forEach(t::add);
    return t;
  }

  /** Accuracy on the gold items given (by item and structure id). */
  public GoldAccuracy goldAccuracy(Map<GoldItem, GoldAnswer> gold) {
    GoldAccuracy g = new GoldAccuracy();
    for (CurrentDecision d : current) {
      GoldAnswer answer = gold.get(new GoldItem(d.itemId(), d.structureId()));
      if (answer != null) {
        CandidateLabel label = d.finalCandidate() == null ? null : d.finalCandidate().label();
        g.add(new GoldCheck(d.reviewer(), answer, d.action(), label));
      }
    }
    return g;
  }

  /**
   * Error rate by code-frequency band. A check is a current accept or edit whose charged candidate
   * is a code: its frequency is that code's, and an edit is an error. Flags are left out: they say
   * nothing about whether the code was right.
   */
  public CodeErrorRates codeErrorRates(CodeFrequencies frequencies, FrequencyBands bands) {
    CodeErrorRates rates = new CodeErrorRates(bands);
    codeChecks(frequencies).forEach(rates::add);
    return rates;
  }

  /** As {@link #codeErrorRates(CodeFrequencies, FrequencyBands)}, bands cut at quantiles. */
  public CodeErrorRates codeErrorRates(CodeFrequencies frequencies, int quantileBands) {
    List<CodeCheck> checks = codeChecks(frequencies);
    long[] f = checks.stream().mapToLong(CodeCheck::frequency).toArray();
    CodeErrorRates rates = new CodeErrorRates(FrequencyBands.quantiles(f, quantileBands));
    checks.forEach(rates::add);
    return rates;
  }

  private List<CodeCheck> codeChecks(CodeFrequencies frequencies) {
    List<CodeCheck> out = new ArrayList<>();
    for (CurrentDecision d : current) {
      if (d.action() instanceof DecisionAction.Flag) {
        continue;
      }
      if (d.sourceCandidate().isPresent()
          && d.sourceCandidate().get().label() instanceof CandidateLabel.Code code) {
        out.add(
            new CodeCheck(
                frequencies.count(code.code()), d.action() instanceof DecisionAction.Edit));
      }
    }
    return out;
  }
}
