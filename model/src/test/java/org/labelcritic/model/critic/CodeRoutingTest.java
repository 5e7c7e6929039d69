package org.labelcritic.model.critic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.labelcritic.model.codes.CodeList;
import org.labelcritic.model.critic.CodeRouting.Why;
import org.labelcritic.model.domain.CandidateLabel.Code;

class CodeRoutingTest {
  static final CodeList LIST = CodeList.of(Map.of("412", "clerk", "730", "baker"));
  private final CodeRouting routing = new CodeRouting(Set.of("412"));

  static Code code(String code, double conf, Double... digits) {
    return new Code(code, conf, List.of(digits));
  }

  @Test
  void aConfidentListedSeenCodeIsNotRouted() {
    assertThat(routing.route(code("412", 0.99, 0.99, 0.66, 0.99), LIST).review()).isFalse();
  }

  @Test
  void aDigitAtExactlyTheThresholdIsRouted() {
    assertThat(routing.route(code("412", 0.99, 0.99, 0.65, 0.99), LIST).why())
        .containsExactly(Why.LOW_DIGIT_CONFIDENCE);
  }

  @Test
  void anUnlistedCodeIsRouted() {
    assertThat(routing.route(code("999", 0.99, 0.99, 0.99, 0.99), LIST).why())
        .containsExactlyInAnyOrder(Why.NOT_IN_CODE_LIST, Why.NOT_SEEN_IN_TRAINING);
  }

  @Test
  void aCodeNeverSeenInTrainingIsRouted() {
    assertThat(routing.route(code("730", 0.99, 0.99, 0.99, 0.99), LIST).why())
        .containsExactly(Why.NOT_SEEN_IN_TRAINING);
  }

  @Test
  void withoutDigitsTheOverallConfidenceStandsInAndNoConfidenceRoutes() {
    assertThat(routing.route(code("412", 0.6), LIST).why())
        .containsExactly(Why.LOW_DIGIT_CONFIDENCE);
    assertThat(routing.route(code("412", 0.9), LIST).review()).isFalse();
    assertThat(routing.route(code("412", Double.NaN), LIST).review()).isTrue();
  }

  @Test
  void withoutACodeListOrTrainingCodesThosePartsCannotFire() {
    CodeRouting plain = CodeRouting.withoutTrainingCodes();
    assertThat(plain.knowsTrainingCodes()).isFalse();
    assertThat(plain.route(code("999", 0.99, 0.99, 0.99, 0.99), null).review()).isFalse();
  }
}
