package org.labelcritic.model.critic.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.critic.CriticVerdict;
import org.labelcritic.model.critic.PairFeatures;
import org.labelcritic.model.critic.PairFeatures.Presence;
import org.labelcritic.model.critic.RulesCritic;
import org.labelcritic.model.domain.VerdictOutcome;

class FeatureCriticTest {
  @TempDir static Path dir;
  static OnnxPairModel model;
  static FeatureCritic critic;

  @BeforeAll
  static void load() throws Exception {
    model =
        OnnxPairModel.load(
            TinyModels.export(TinyModels.train(), dir, true), OnnxPairModel.Provider.CPU);
    critic = new FeatureCritic(model, new RulesCritic());
  }

  @AfterAll
  static void close() {
    model.close();
  }

  /** Features in the extractor's order, which is not the model's (alphabetical) order. */
  static PairFeatures pair(double dConsensus, double dVolume, double dice) {
    return new PairFeatures(
        "liver",
        List.of("d_volume_z", "d_consensus_dice", "d_extra", "dice_ab"),
        new double[] {dVolume, dConsensus, 42, dice},
        false,
        false,
        dice,
        Presence.EXPECTED);
  }

  @Test
  void theBetterConsensusWinsWhateverTheInputOrder() throws Exception {
    CriticVerdict a = critic.judge(pair(0.4, 0.5, 0.6));
    CriticVerdict b = critic.judge(pair(-0.4, -0.5, 0.6));
    assertThat(a.outcome()).isEqualTo(VerdictOutcome.PREFER_A);
    assertThat(b.outcome()).isEqualTo(VerdictOutcome.PREFER_B);
    assertThat(a.confidence()).isGreaterThan(0.8);
  }

  @Test
  void theGateDecidesBeforeTheModel() throws Exception {
    List<CriticVerdict> v = critic.judgeAll(List.of(pair(0.4, 0, 0.95), pair(0.4, 0, 0.5)));
    assertThat(v.get(0).outcome()).isEqualTo(VerdictOutcome.AGREE);
    assertThat(v.get(0).reasons().get(0).name()).isEqualTo("rule.agree");
    assertThat(v.get(1).outcome()).isEqualTo(VerdictOutcome.PREFER_A);
  }

  @Test
  void reasonsAreTheFeaturesThatWeighedMost() throws Exception {
    CriticVerdict v = critic.judge(pair(0.45, 0.1, 0.6));
    assertThat(v.reasons()).isNotEmpty().hasSizeLessThanOrEqualTo(FeatureCritic.REASONS);
    assertThat(v.reasons().get(0).name()).isEqualTo("feature.d_consensus_dice");
    assertThat(v.reasons().get(0).weight()).isPositive();
    assertThat(v.reasons().get(0).detail()).contains("toward A");
  }

  @Test
  void withoutWeightsTheLargestStandardizedValuesAreTheReasons() {
    ModelCard card =
        new ModelCard(
            "m",
            "input",
            "output",
            0,
            List.of("x", "y"),
            new double[] {0, 0},
            new double[] {1, 10},
            null,
            0);
    var reasons = FeatureCritic.reasons(card, new double[] {2, 5});
    assertThat(reasons.get(0).name()).isEqualTo("feature.x");
    assertThat(reasons.get(0).detail()).contains("2.0 sd");
  }

  @Test
  void itsVersionNamesTheModelAndTheRules() {
    assertThat(critic.modelVersion()).startsWith("tiny-1@").contains("rules-1-dice0.900");
  }
}
