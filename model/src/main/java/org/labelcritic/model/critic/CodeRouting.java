package org.labelcritic.model.critic;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.labelcritic.model.codes.CodeList;
import org.labelcritic.model.domain.CandidateLabel;

/**
 * The published routing rule for transcribed codes (DESIGN.md, census use): a code goes to review
 * when any digit's confidence is at most 0.65, the code is not in the official code list, or the
 * code never occurred in training.
 *
 * <p>Where a source gave no digit confidences, its overall confidence stands in for every digit;
 * where it gave no confidence at all, the code is routed (nothing vouches for it). Without a code
 * list, or without the set of training codes, that part of the rule cannot fire.
 */
public final class CodeRouting {
  /** A digit at or below this confidence sends the code to review. */
  public static final double DIGIT_THRESHOLD = 0.65;

  private final Set<String> seenInTraining;

  /**
   * @param seenInTraining the codes that occurred in training, or null when unknown
   */
  public CodeRouting(Set<String> seenInTraining) {
    this.seenInTraining = seenInTraining == null ? null : Set.copyOf(seenInTraining);
  }

  /** Routing without a set of training codes: only the digit and code-list parts apply. */
  public static CodeRouting withoutTrainingCodes() {
    return new CodeRouting(null);
  }

  public boolean knowsTrainingCodes() {
    return seenInTraining != null;
  }

  /** Why a code goes to review. */
  public enum Why {
    LOW_DIGIT_CONFIDENCE,
    NOT_IN_CODE_LIST,
    NOT_SEEN_IN_TRAINING
  }

  /** The routing of one code: to review when {@link #why()} is not empty. */
  public record Route(Set<Why> why) {
    private static final Route AUTOMATIC = new Route(Set.of());

    public Route {
      why = why.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(why));
    }

    public static Route automatic() {
      return AUTOMATIC;
    }

    public boolean review() {
      return !why.isEmpty();
    }
  }

  /**
   * Routes one candidate code.
   *
   * @param codeList the official code list, or null when there is none
   */
  public Route route(CandidateLabel.Code candidate, CodeList codeList) {
    Objects.requireNonNull(candidate, "candidate");
    boolean lowDigit = lowDigit(candidate);
    boolean unlisted = codeList != null && !codeList.contains(candidate.code());
    boolean unseen = seenInTraining != null && !seenInTraining.contains(candidate.code());
    if (!lowDigit && !unlisted && !unseen) {
      return Route.automatic();
    }
    EnumSet<Why> why = EnumSet.noneOf(Why.class);
    if (lowDigit) {
      why.add(Why.LOW_DIGIT_CONFIDENCE);
    }
    if (unlisted) {
      why.add(Why.NOT_IN_CODE_LIST);
    }
    if (unseen) {
      why.add(Why.NOT_SEEN_IN_TRAINING);
    }
    return new Route(why);
  }

  private static boolean lowDigit(CandidateLabel.Code c) {
    if (c.digitConfidences().isEmpty()) {
      // NaN (no confidence) fails "> threshold" too, so it routes.
      return !(c.confidence() > DIGIT_THRESHOLD);
    }
    for (double d : c.digitConfidences()) {
      if (!(d > DIGIT_THRESHOLD)) {
        return true;
      }
    }
    return false;
  }
}
