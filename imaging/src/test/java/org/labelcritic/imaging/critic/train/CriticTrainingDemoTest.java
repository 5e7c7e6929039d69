package org.labelcritic.imaging.critic.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.imaging.critic.features.FeatureExtractor;
import org.labelcritic.imaging.critic.features.OrganPriors;
import org.labelcritic.model.critic.onnx.ModelCard;
import org.labelcritic.model.critic.onnx.OnnxPairModel;

/**
 * Training and evaluation on the demo CTs, with two severities to stay fast: the exported ONNX
 * model scores what the fit computes, and held-out pairs are mostly right.
 */
class CriticTrainingDemoTest {
  static final Path DEMO = Path.of("../resources/demo/volumes");
  static List<TrainingCase> cases;
  static TrainingSet set;

  @BeforeAll
  static void build() throws Exception {
    cases = DemoTrainingCases.load(DEMO);
    set =
        TrainingSet.build(
            cases, new FeatureExtractor(OrganPriors.defaults()), new double[] {0.3, 0.8}, 1);
  }

  @Test
  void everyCaseGivesPairsInBothOrders() {
    assertThat(cases)
        .extracting(TrainingCase::name)
        .containsExactly("example-ct-sm", "example-ct", "aorta-crop", "example-dicom");
    assertThat(cases.get(3).patient()).isEqualTo("patient-3");
    assertThat(cases.get(3).reference()).containsKeys("liver", "spleen", "stomach");
    assertThat(cases.get(3).competing()).containsKey("ts-v2-fast-3mm-2023-09");
    assertThat(cases.get(0).competing()).containsKeys("ts-v2-fast", "ts-v2.1-1.5mm-2023-10");
    assertThat(cases.get(0).reference()).containsKeys("liver", "spleen", "kidney_left");
    long aFirst = set.pairs().stream().filter(LabelledPair::aBetter).count();
    assertThat(aFirst * 2).isEqualTo(set.pairs().size());
    assertThat(set.gated(0.9)).isNotEmpty();
  }

  @Test
  void theExportedModelScoresLikeTheFit(@TempDir Path out) throws Exception {
    CriticTraining.Outcome o =
        CriticTraining.train(cases, set, new FeatureExtractor(OrganPriors.defaults()), out, 1);
    assertThat(o.onnxMaxDiff()).isLessThan(1e-4);
    assertThat(o.trainAccuracy()).isGreaterThan(0.8);
    assertThat(Files.readString(out.resolve(CriticTraining.REPORT))).contains("## Pairs");
    ModelCard card = ModelCard.read(out.resolve("feature-critic.json"));
    assertThat(card.features()).contains("dice_ab").doesNotContain("d_prior_known");
    ModelCard single = ModelCard.read(out.resolve("feature-single.json"));
    assertThat(single.features()).contains("volume_z").doesNotContain("dice_ab");
    assertThat(single.modelVersion()).isEqualTo(CriticTraining.SINGLE_VERSION);
    try (OnnxPairModel m =
        OnnxPairModel.load(out.resolve(CriticTraining.ONNX), OnnxPairModel.Provider.CPU)) {
      assertThat(m.version()).startsWith(CriticTraining.VERSION + "@");
    }
  }

  @Test
  void heldOutPatientsAreScoredAndReported() {
    CriticEvaluation.Result r = CriticEvaluation.run(set, 0.9, 1);
    assertThat(r.heldOut()).containsExactly("patient-1", "patient-2", "patient-3");
    assertThat(r.pairs()).isNotEmpty();
    assertThat(CriticEvaluation.accuracy(r.pairs())).isGreaterThan(0.6);
    assertThat(CriticEvaluation.report(r)).contains("### By Dice band", "0.8-0.9");
  }
}
