package org.labelcritic.model.critic.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;
import org.slf4j.LoggerFactory;

class LabelErrorEvaluationTest {
  @TempDir Path tmp;

  static Path cleanlab() throws URISyntaxException {
    return Path.of(
            Objects.requireNonNull(
                    LabelErrorEvaluationTest.class.getResource(
                        "/label-errors/" + LabelErrorEvaluation.CROWD))
                .toURI())
        .getParent();
  }

  @Test
  void ranksATinyHandMadeSetCorrectly() {
    // Four items, two classes. Item 1's given label 0 has P 0.1, item 3's 0.3: the two lowest.
    int[] given = {0, 0, 1, 1};
    NpyArray pyx =
        new NpyArray(
            "<f8", new int[] {4, 2}, new double[] {0.9, 0.1, 0.1, 0.9, 0.2, 0.8, 0.7, 0.3});
    LabelErrorEvaluation.Report r =
        LabelErrorEvaluation.evaluate(given, pyx, Set.of(1, 2), 3, List.of(1, 4));
    assertThat(r.errors()).isEqualTo(2);
    assertThat(r.rankings().getFirst().topK())
        .containsExactly(
            new TopK(2, 1, 0.5, 0.5), new TopK(1, 1, 1.0, 0.5), new TopK(4, 2, 0.5, 1.0));
    // The critic agrees on the order here: the given label loses to a confident prediction.
    assertThat(r.rankings().get(1).topK().get(1)).isEqualTo(new TopK(1, 1, 1.0, 0.5));
  }

  @Test
  void readsTheCrowdRuleFromTheVotes() throws Exception {
    List<CrowdCheck> checks = CrowdChecks.read(cleanlab().resolve(LabelErrorEvaluation.CROWD));
    assertThat(checks).hasSize(100);
    assertThat(CrowdChecks.errors(checks)).hasSize(15);
    assertThat(checks.getFirst()).isEqualTo(new CrowdCheck(247, 4, 6, 5, 0, 0));
  }

  @Test
  void aMalformedCrowdFileNamesTheEntryAndField() throws Exception {
    Path f = tmp.resolve("crowd.json");
    Files.writeString(f, "[{\"id\": 1, \"given_original_label\": 2, \"our_guessed_label\": 3}]");
    assertThatThrownBy(() -> CrowdChecks.read(f))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("entry 1: 'given'");
    Files.writeString(f, "{}");
    assertThatThrownBy(() -> CrowdChecks.read(f)).hasMessageContaining("array");
  }

  /** The real figures; printed to the log and written to target/ for the issue. */
  @Test
  void evaluatesOnCleanlabsMnistLabelErrors() throws Exception {
    LabelErrorEvaluation.Report r = LabelErrorEvaluation.evaluate(cleanlab(), List.of(10, 50, 100));
    assertThat(r.items()).isEqualTo(10_000);
    assertThat(r.errors()).isEqualTo(15);
    StringBuilder md =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "MNIST test set: %d items, %d checked by the crowd, %d validated errors%n%n"
                    + "| ranking | k | hits | precision | recall |%n|---|---:|---:|---:|---:|%n",
                r.items(),
                r.checked(),
                r.errors()));
    for (LabelErrorEvaluation.Ranking rk : r.rankings()) {
      for (TopK t : rk.topK()) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %d | %.3f | %.3f |%n",
                rk.name(),
                t.k(),
                t.hits(),
                t.precision(),
                t.recall()));
      }
    }
    LoggerFactory.getLogger(LabelErrorEvaluationTest.class).info("\n{}", md);
    Path out = Path.of("target", "critic-eval-codes.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md.toString());
    // Both rankings find validated errors far above chance (15 in 10,000).
    for (LabelErrorEvaluation.Ranking rk : r.rankings()) {
      assertThat(rk.topK().getLast().recall()).isGreaterThan(0.5);
    }
  }
}
