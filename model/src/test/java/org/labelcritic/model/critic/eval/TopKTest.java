package org.labelcritic.model.critic.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopKTest {
  @Test
  void countsHitsAmongTheLowestScoresByHand() {
    // Ranked lowest first: 3 (0.1), 1 (0.2), 4 (0.2, tie broken by index), 0 (0.5), 2 (0.9).
    double[] scores = {0.5, 0.2, 0.9, 0.1, 0.2};
    Set<Integer> errors = Set.of(1, 2);
    List<TopK> r = TopK.evaluate(scores, errors, List.of(1, 2, 3, 5, 10));
    assertThat(r)
        .containsExactly(
            new TopK(1, 0, 0.0, 0.0),
            new TopK(2, 1, 0.5, 0.5),
            new TopK(3, 1, 1.0 / 3, 0.5),
            new TopK(5, 2, 0.4, 1.0),
            new TopK(10, 2, 0.2, 1.0));
  }

  @Test
  void refusesErrorsOutsideTheItemsAndNonPositiveK() {
    assertThatThrownBy(() -> TopK.evaluate(new double[2], Set.of(2), List.of(1)))
        .hasMessageContaining("outside");
    assertThatThrownBy(() -> TopK.evaluate(new double[2], Set.of(1), List.of(0)))
        .hasMessageContaining("positive");
  }
}
