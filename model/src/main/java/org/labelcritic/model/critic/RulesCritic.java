package org.labelcritic.model.critic;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules and the agreement gate (DESIGN.md "The critic and the quality model", points 1 and 2),
 * applied before any model: both masks empty, or Dice at or above the threshold, is AGREE; one
 * empty and the other not decides by whether the structure is expected in the field of view, and is
 * UNSURE when that is unknown. Anything else is left to the pairwise critic ({@link #decide} gives
 * empty; {@link #judge} gives UNSURE).
 */
public final class RulesCritic implements Critic<PairFeatures> {
  public static final String NAME = "rules";

  /** Dice at or above which two candidates agree. */
  public static final double DEFAULT_AGREE_DICE = 0.9;

  /** The confidence of a rule that prefers one side because of the field of view. */
  static final double PRESENCE_CONFIDENCE = 0.95;

  private final double agreeDice;

  public RulesCritic() {
    this(DEFAULT_AGREE_DICE);
  }

  public RulesCritic(double agreeDice) {
    if (!(agreeDice > 0 && agreeDice <= 1)) {
      throw new IllegalArgumentException("agreement Dice must be in (0, 1], was " + agreeDice);
    }
    this.agreeDice = agreeDice;
  }

  public double agreeDice() {
    return agreeDice;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String modelVersion() {
    return String.format(Locale.ROOT, "rules-1-dice%.3f", agreeDice);
  }

  @Override
  public CriticVerdict judge(PairFeatures input) {
    return decide(input)
        .orElseGet(
            () ->
                CriticVerdict.unsure(
                    List.of(new Reason("rule.none", "no rule decides this pair", 0))));
  }

  /** The rules' verdict, or empty when the pair needs a pairwise critic. */
  public Optional<CriticVerdict> decide(PairFeatures in) {
    if (in.emptyA() && in.emptyB()) {
      return Optional.of(
          CriticVerdict.agree(List.of(new Reason("rule.both_empty", "both labels are empty", 1))));
    }
    if (in.emptyA() != in.emptyB()) {
      String detail = (in.emptyA() ? "A" : "B") + " is empty, the other is not";
      if (in.expected() == PairFeatures.Presence.UNKNOWN) {
        return Optional.of(
            CriticVerdict.unsure(
                List.of(
                    new Reason(
                        "rule.empty_vs_nonempty",
                        detail + "; whether the structure is in the field of view is unknown",
                        0))));
      }
      boolean preferEmpty = in.expected() == PairFeatures.Presence.NOT_EXPECTED;
      boolean preferA = preferEmpty == in.emptyA();
      double pA = preferA ? PRESENCE_CONFIDENCE : 1 - PRESENCE_CONFIDENCE;
      String why =
          preferEmpty
              ? "; the structure is not expected in the field of view"
              : "; the structure is expected in the field of view";
      return Optional.of(
          CriticVerdict.fromProbabilityA(
              pA, List.of(new Reason("rule.empty_vs_nonempty", detail + why, 1))));
    }
    if (in.diceAb() >= agreeDice) {
      return Optional.of(
          CriticVerdict.agree(
              List.of(
                  new Reason(
                      "rule.agree",
                      String.format(
                          Locale.ROOT,
                          "Dice %.3f >= %.2f: the labels agree",
                          in.diceAb(),
                          agreeDice),
                      1))));
    }
    return Optional.empty();
  }
}
