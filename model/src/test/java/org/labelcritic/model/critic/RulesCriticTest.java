package org.labelcritic.model.critic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.labelcritic.model.critic.PairFeatures.Presence;
import org.labelcritic.model.domain.VerdictOutcome;

class RulesCriticTest {
  private final RulesCritic rules = new RulesCritic();

  static PairFeatures pair(boolean emptyA, boolean emptyB, double dice, Presence expected) {
    return new PairFeatures(
        "liver", List.of("dice_ab"), new double[] {dice}, emptyA, emptyB, dice, expected);
  }

  @Test
  void twoEmptyLabelsAgree() {
    assertThat(rules.judge(pair(true, true, 1, Presence.UNKNOWN)).outcome())
        .isEqualTo(VerdictOutcome.AGREE);
  }

  @Test
  void diceAtTheThresholdAgreesAndBelowIsLeftOpen() {
    assertThat(rules.decide(pair(false, false, 0.9, Presence.EXPECTED)).orElseThrow().outcome())
        .isEqualTo(VerdictOutcome.AGREE);
    assertThat(rules.decide(pair(false, false, 0.89, Presence.EXPECTED))).isEmpty();
    assertThat(rules.judge(pair(false, false, 0.89, Presence.EXPECTED)).outcome())
        .isEqualTo(VerdictOutcome.UNSURE);
  }

  @Test
  void theThresholdIsConfigurable() {
    RulesCritic strict = new RulesCritic(0.95);
    assertThat(strict.decide(pair(false, false, 0.93, Presence.EXPECTED))).isEmpty();
    assertThat(strict.modelVersion()).isNotEqualTo(rules.modelVersion());
    assertThatThrownBy(() -> new RulesCritic(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEmptyLabelLosesWhenTheStructureIsExpectedAndWinsWhenItIsNot() {
    CriticVerdict expected = rules.judge(pair(true, false, 0, Presence.EXPECTED));
    assertThat(expected.outcome()).isEqualTo(VerdictOutcome.PREFER_B);
    assertThat(expected.reasons().get(0).name()).isEqualTo("rule.empty_vs_nonempty");
    CriticVerdict notExpected = rules.judge(pair(true, false, 0, Presence.NOT_EXPECTED));
    assertThat(notExpected.outcome()).isEqualTo(VerdictOutcome.PREFER_A);
    assertThat(rules.judge(pair(false, true, 0, Presence.UNKNOWN)).outcome())
        .isEqualTo(VerdictOutcome.UNSURE);
  }
}
