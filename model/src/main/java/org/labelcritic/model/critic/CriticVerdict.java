package org.labelcritic.model.critic;

import java.util.List;
import java.util.Objects;
import org.labelcritic.model.domain.VerdictOutcome;

/**
 * What a critic says. For a pair: PREFER_A / PREFER_B with confidence 0.5..1, AGREE (confidence 1),
 * or UNSURE (confidence 0.5). For a single candidate: SINGLE with confidence = P(good) in 0..1.
 */
public record CriticVerdict(VerdictOutcome outcome, double confidence, List<Reason> reasons) {
  public CriticVerdict {
    Objects.requireNonNull(outcome, "outcome");
    reasons = List.copyOf(reasons);
    boolean ok =
        switch (outcome) {
          case PREFER_A, PREFER_B -> confidence >= 0.5 && confidence <= 1;
          case AGREE -> confidence == 1;
          case UNSURE -> confidence == 0.5;
          case SINGLE -> confidence >= 0 && confidence <= 1;
        };
    if (!ok) {
      throw new IllegalArgumentException(
          "confidence " + confidence + " is not valid for outcome " + outcome);
    }
  }

  public static CriticVerdict agree(List<Reason> reasons) {
    return new CriticVerdict(VerdictOutcome.AGREE, 1, reasons);
  }

  public static CriticVerdict unsure(List<Reason> reasons) {
    return new CriticVerdict(VerdictOutcome.UNSURE, 0.5, reasons);
  }

  /** A pairwise preference from P(A better): A when p >= 0.5, with confidence max(p, 1 - p). */
  public static CriticVerdict fromProbabilityA(double pA, List<Reason> reasons) {
    if (!(pA >= 0 && pA <= 1)) {
      throw new IllegalArgumentException("P(A better) must be in 0..1, was " + pA);
    }
    return pA >= 0.5
        ? new CriticVerdict(VerdictOutcome.PREFER_A, pA, reasons)
        : new CriticVerdict(VerdictOutcome.PREFER_B, 1 - pA, reasons);
  }

  public static CriticVerdict single(double pGood, List<Reason> reasons) {
    return new CriticVerdict(VerdictOutcome.SINGLE, pGood, reasons);
  }
}
