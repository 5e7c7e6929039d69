package org.labelcritic.imaging.critic.lvlm;

import java.util.ArrayList;
import java.util.List;
import org.labelcritic.imaging.critic.lvlm.AnswerParser.Parsed;
import org.labelcritic.imaging.critic.lvlm.AnswerParser.Pick;
import org.labelcritic.model.critic.CriticVerdict;
import org.labelcritic.model.critic.Reason;
import org.labelcritic.model.domain.VerdictOutcome;

/**
 * Turns the answers of the two orders into a verdict. In the first order Overlay 1 is candidate A;
 * in the swapped order Overlay 1 is candidate B. Only answers that name the same candidate in both
 * orders decide; everything else is UNSURE with the reason.
 */
final class BothOrders {

  /** The confidence of a verdict on which both orders agree. */
  static final double AGREEING_CONFIDENCE = 0.9;

  static final String ANSWER_AB = "lvlm.answer_ab";
  static final String ANSWER_BA = "lvlm.answer_ba";
  static final String AGREED = "lvlm.agreed";
  static final String POSITION_BIAS = "lvlm.position_bias";
  static final String INCONSISTENT = "lvlm.inconsistent";
  static final String BOTH_BAD = "lvlm.both_bad";
  static final String MALFORMED = "lvlm.malformed";
  static final String ERROR = "lvlm.error";
  static final String OFF = "lvlm.off";

  private static final int MAX_ANSWER_CHARS = 4000;

  private enum Candidate {
    A,
    B,
    NEITHER
  }

  private BothOrders() {}

  /** The verdict from two parsed answers; {@code rawAb} and {@code rawBa} go into the reasons. */
  static CriticVerdict verdict(String rawAb, Parsed ab, String rawBa, Parsed ba) {
    List<Reason> answers =
        List.of(answer(ANSWER_AB, rawAb, ab, true), answer(ANSWER_BA, rawBa, ba, false));
    if (ab instanceof Parsed.Malformed(String why)) {
      return unsure(MALFORMED, "answer in order (A, B) is malformed: " + why, answers);
    }
    if (ba instanceof Parsed.Malformed(String why)) {
      return unsure(MALFORMED, "answer in order (B, A) is malformed: " + why, answers);
    }
    Pick first = ((Parsed.Picked) ab).pick();
    Pick second = ((Parsed.Picked) ba).pick();
    Candidate c1 = candidate(first, true);
    Candidate c2 = candidate(second, false);
    if (c1 == c2) {
      return switch (c1) {
        case NEITHER ->
            unsure(BOTH_BAD, "both orders answered Neither: both labels look wrong", answers);
        case A, B -> {
          List<Reason> reasons = new ArrayList<>();
          reasons.add(
              new Reason(
                  AGREED,
                  "both orders prefer candidate "
                      + c1
                      + " (confidence "
                      + AGREEING_CONFIDENCE
                      + ")",
                  1));
          reasons.addAll(answers);
          yield new CriticVerdict(
              c1 == Candidate.A ? VerdictOutcome.PREFER_A : VerdictOutcome.PREFER_B,
              AGREEING_CONFIDENCE,
              reasons);
        }
      };
    }
    if (first == second) {
      return unsure(
          POSITION_BIAS,
          "position bias: both orders answered "
              + label(first)
              + " whichever label was shown there",
          answers);
    }
    return unsure(
        INCONSISTENT,
        "the orders disagree: (A, B) answered "
            + label(first)
            + " (= "
            + c1
            + "), (B, A) answered "
            + label(second)
            + " (= "
            + c2
            + ")",
        answers);
  }

  /** An UNSURE verdict when the first order already failed; the second was not asked. */
  static CriticVerdict firstOrderFailed(String name, String detail, String rawAb, Parsed ab) {
    List<Reason> answers = rawAb == null ? List.of() : List.of(answer(ANSWER_AB, rawAb, ab, true));
    return unsure(name, detail, answers);
  }

  /** An UNSURE verdict when the second order failed. */
  static CriticVerdict secondOrderFailed(String name, String detail, String rawAb, Parsed ab) {
    return unsure(name, detail, List.of(answer(ANSWER_AB, rawAb, ab, true)));
  }

  static CriticVerdict unsure(String name, String detail, List<Reason> more) {
    List<Reason> reasons = new ArrayList<>();
    reasons.add(new Reason(name, detail, 1));
    reasons.addAll(more);
    return CriticVerdict.unsure(reasons);
  }

  private static Reason answer(String name, String raw, Parsed parsed, boolean firstOrder) {
    String text =
        raw.length() > MAX_ANSWER_CHARS ? raw.substring(0, MAX_ANSWER_CHARS) + "..." : raw;
    double weight =
        parsed instanceof Parsed.Picked(Pick p)
            ? switch (candidate(p, firstOrder)) {
              case A -> 1;
              case B -> -1;
              case NEITHER -> 0;
            }
            : 0;
    String order = firstOrder ? "(A, B)" : "(B, A)";
    return new Reason(name, "order " + order + ": " + text, weight);
  }

  private static Candidate candidate(Pick p, boolean firstOrder) {
    return switch (p) {
      case OVERLAY_1 -> firstOrder ? Candidate.A : Candidate.B;
      case OVERLAY_2 -> firstOrder ? Candidate.B : Candidate.A;
      case NEITHER -> Candidate.NEITHER;
    };
  }

  private static String label(Pick p) {
    return switch (p) {
      case OVERLAY_1 -> "Overlay 1";
      case OVERLAY_2 -> "Overlay 2";
      case NEITHER -> "Neither";
    };
  }
}
