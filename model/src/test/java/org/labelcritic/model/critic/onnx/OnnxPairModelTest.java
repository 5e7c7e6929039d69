package org.labelcritic.model.critic.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;
import org.tribuo.classification.sgd.linear.LinearSGDModel;

class OnnxPairModelTest {
  @TempDir static Path dir;
  static LinearSGDModel tribuo;
  static Path onnx;

  @BeforeAll
  static void train() throws Exception {
    tribuo = TinyModels.train();
    onnx = TinyModels.export(tribuo, dir, true);
  }

  @Test
  void onCpuItScoresWhatTribuoPredicts() throws Exception {
    double[][] rows = {{0.3, 1.0, 0.6}, {-0.3, -1.0, 0.5}, {0.0, 0.0, 0.8}, {0.05, 2.0, 0.4}};
    try (OnnxPairModel m = OnnxPairModel.load(onnx, OnnxPairModel.Provider.CPU)) {
      assertThat(m.provider()).isEqualTo(OnnxPairModel.Provider.CPU);
      assertThat(m.version()).startsWith("tiny-1@").hasSize("tiny-1@".length() + 12);
      double[] p = m.probabilityA(rows);
      assertThat(p[0]).isGreaterThan(0.8);
      assertThat(p[1]).isLessThan(0.2);
      for (int i = 0; i < rows.length; i++) {
        assertThat(p[i]).isCloseTo(TinyModels.tribuoProbabilityA(tribuo, rows[i]), within());
      }
    }
  }

  @Test
  void theCardsWeightsAreTheModelsLogOdds() throws Exception {
    try (OnnxPairModel m = OnnxPairModel.load(onnx, OnnxPairModel.Provider.CPU)) {
      double[] row = {0.2, -1.5, 0.7};
      double[] w = m.card().weights();
      double z = m.card().bias();
      for (int i = 0; i < row.length; i++) {
        z += w[i] * row[i];
      }
      assertThat(m.probabilityA(new double[][] {row})[0])
          .isCloseTo(1 / (1 + Math.exp(-z)), within());
    }
  }

  @Test
  void cudaRequestedWithoutCudaFallsBackToCpuAndSaysWhy() throws Exception {
    assumeThat(OrtEnvironment.getAvailableProviders()).doesNotContain(OrtProvider.CUDA);
    try (OnnxPairModel m = OnnxPairModel.load(onnx, OnnxPairModel.Provider.CUDA)) {
      assertThat(m.provider()).isEqualTo(OnnxPairModel.Provider.CPU);
      assertThat(m.providerNote()).contains("CUDA");
      assertThat(m.probabilityA(new double[][] {{0.3, 0, 0.5}})[0]).isGreaterThan(0.5);
    }
  }

  @Test
  void aCardNamingAnotherInputIsRefused() throws Exception {
    ModelCard bad =
        new ModelCard("x", "features", "output", 0, TinyModels.FEATURES, null, null, null, 0);
    byte[] bytes = Files.readAllBytes(onnx);
    assertThatThrownBy(() -> OnnxPairModel.load(bytes, bad, OnnxPairModel.Provider.CPU))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("no input 'features'");
  }

  @Test
  void aRowOfTheWrongLengthIsRefused() throws Exception {
    try (OnnxPairModel m = OnnxPairModel.load(onnx, OnnxPairModel.Provider.CPU)) {
      assertThatThrownBy(() -> m.probabilityA(new double[][] {{1, 2}}))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-5);
  }
}
