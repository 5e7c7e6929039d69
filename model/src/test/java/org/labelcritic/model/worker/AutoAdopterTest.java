package org.labelcritic.model.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.critic.CodeCritic;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.Verdict;
import org.labelcritic.model.domain.VerdictOutcome;
import org.labelcritic.model.job.CancellableProgress;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.NewVerdict;
import org.labelcritic.model.store.Store;

class AutoAdopterTest {
  @TempDir Path dir;

  @Test
  void adoptsAgreementsAndConfidentPreferencesOnceWithTheVerdictTheyRestOn() throws Exception {
    try (Store store = Store.open(dir.resolve("a.db"))) {
      List<Long> cells = Cells.write(store, 50, 9);
      long code = store.structureId("code");
      new QualityWorker(
              store,
              CodeScorer.forStore(store, new CodeCritic(), null),
              WorkerSettings.sameThread())
          .run(new CancellableProgress());
      // A person decided one cell before: it is not adopted.
      long ana = store.reviews().reviewer("ana").id();
      store
          .reviews()
          .record(
              NewDecision.of(
                  cells.get(0), code, ana, new DecisionAction.Flag(FlagReason.UNREADABLE)));

      AutoAdopter.Report r = new AutoAdopter(store, 0.99, true).run(new CancellableProgress());
      assertThat(r.adopted()).isPositive();
      assertThat(r.adopted() + r.belowThreshold() + r.keptByRouting()).isEqualTo(49);
      // 51 pairs: 50 cells and one CT structure without a verdict.
      assertThat(r.remaining()).isEqualTo(51 - 1 - r.adopted());

      long critic = store.reviews().reviewer(AutoAdopter.REVIEWER).id();
      int checked = 0;
      for (long cell : cells.subList(1, cells.size())) {
        Verdict v = store.verdicts().forItem(cell, code).getFirst();
        var current = store.reviews().current(cell, code, critic);
        if (v.outcome() == VerdictOutcome.AGREE) {
          Decision d = current.orElseThrow();
          assertThat(d.action()).isEqualTo(new DecisionAction.Accept(v.candidateA()));
          assertThat(d.verdictId()).hasValue(v.id());
          assertThat(d.note()).startsWith("adopted automatically: AGREE");
          checked++;
        } else if (v.confidence() < 0.99) {
          assertThat(current).isEmpty();
        }
      }
      assertThat(checked).isPositive();
      assertThat(store.reviews().current(cells.get(0), code, critic)).isEmpty();

      long decisions = store.reviews().count();
      AutoAdopter.Report again = new AutoAdopter(store, 0.99, true).run(new CancellableProgress());
      assertThat(again.adopted()).isZero();
      assertThat(again.remaining()).isEqualTo(r.remaining());
      assertThat(store.reviews().count()).isEqualTo(decisions);
    }
  }

  @Test
  void acceptsThePreferredCandidateAndKeepsRoutedOrUnsureVerdictsForReview() throws Exception {
    try (Store store = Store.open(dir.resolve("a.db"))) {
      List<Long> cells = Cells.write(store, 4, 10);
      long code = store.structureId("code");
      String routed = "{\"reasons\":[{\"name\":\"route.review\",\"detail\":\"\",\"weight\":1}]}";
      verdict(store, cells.get(0), code, VerdictOutcome.PREFER_B, 0.95, "{}");
      verdict(store, cells.get(1), code, VerdictOutcome.PREFER_A, 0.97, routed);
      verdict(store, cells.get(2), code, VerdictOutcome.UNSURE, 0.5, "{}");
      verdict(store, cells.get(3), code, VerdictOutcome.PREFER_A, 0.6, "{}");

      AutoAdopter.Report r = new AutoAdopter(store, 0.9, true).run(new CancellableProgress());
      assertThat(r.adopted()).isEqualTo(1);
      assertThat(r.keptByRouting()).isEqualTo(1);
      assertThat(r.belowThreshold()).isEqualTo(2);
      long critic = store.reviews().reviewer(AutoAdopter.REVIEWER).id();
      List<Candidate> c0 = store.queries().candidates(cells.get(0), code);
      assertThat(store.reviews().current(cells.get(0), code, critic).orElseThrow().action())
          .isEqualTo(new DecisionAction.Accept(c0.get(1).id()));

      AutoAdopter.Report ignoring =
          new AutoAdopter(store, 0.9, false).run(new CancellableProgress());
      assertThat(ignoring.adopted()).isEqualTo(1);
    }
  }

  @Test
  void aConfidenceOutsideZeroToOneIsRefused() {
    assertThatThrownBy(() -> new AutoAdopter(null, 1.5, true)).hasMessageContaining("0..1");
    assertThatThrownBy(() -> new AutoAdopter(null, Double.NaN, true)).hasMessageContaining("0..1");
  }

  static void verdict(
      Store store, long item, long structure, VerdictOutcome outcome, double conf, String reasons)
      throws Exception {
    List<Candidate> c = store.queries().candidates(item, structure);
    store
        .verdicts()
        .save(
            new NewVerdict(
                item,
                structure,
                c.get(0).id(),
                OptionalLong.of(c.get(1).id()),
                outcome,
                conf,
                "test",
                "1",
                reasons));
  }
}
