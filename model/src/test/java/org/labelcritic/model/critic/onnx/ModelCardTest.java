package org.labelcritic.model.critic.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCardTest {
  @Test
  void aCardSurvivesItsJson() {
    ModelCard c =
        new ModelCard(
            "v1",
            "input",
            "output",
            1,
            List.of("a", "b"),
            new double[] {0, 1},
            new double[] {1, 2},
            new double[] {0.5, -0.5},
            0.25);
    assertThat(ModelCard.parse(c.toJson())).isEqualTo(c);
    assertThat(c.toJson()).contains("\"format\" : \"labelcritic-pair-model/1\"");
  }

  @Test
  void optionalPartsMayBeAbsent() {
    ModelCard c =
        ModelCard.parse(
            "{\"format\":\"labelcritic-pair-model/1\",\"modelVersion\":\"m\",\"features\":[\"x\"]}");
    assertThat(c.inputName()).isEqualTo("input");
    assertThat(c.standardized()).isFalse();
    assertThat(c.hasWeights()).isFalse();
  }

  @Test
  void anotherFormatOrMismatchedArraysAreRefused() {
    assertThatThrownBy(() -> ModelCard.parse("{\"format\":\"other\",\"features\":[\"x\"]}"))
        .hasMessageContaining("format");
    assertThatThrownBy(
            () ->
                ModelCard.parse(
                    "{\"format\":\"labelcritic-pair-model/1\",\"features\":[\"x\"],"
                        + "\"mean\":[1,2]}"))
        .hasMessageContaining("mean has 2 values for 1 features");
  }

  @Test
  void theSidecarSitsNextToTheModel() {
    assertThat(ModelCard.sidecarOf(Path.of("d/feature-critic.onnx")))
        .isEqualTo(Path.of("d/feature-critic.json"));
  }
}
