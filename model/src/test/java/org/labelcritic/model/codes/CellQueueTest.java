package org.labelcritic.model.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.labelcritic.model.codes.CodeCells.d;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.critic.CodeRouting;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.Reviewer;
import org.labelcritic.model.store.CodeEdits;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.Store;

class CellQueueTest {
  @TempDir Path dir;

  static final List<CodeCells.Cell> CELLS =
      List.of(
          new CodeCells.Cell("c1", true, "101", d(0.99, 0.99, 0.98), "101", d(0.97, 0.99, 0.99)),
          new CodeCells.Cell("c2", true, "102", d(0.99, 0.60, 0.98), "202", d(0.9, 0.6, 0.8)),
          new CodeCells.Cell("c3", true, "999", d(0.9, 0.9, 0.9), "201", d(0.6, 0.9, 0.9)),
          new CodeCells.Cell("c4", false, "20", d(0.99, 0.99), null, null),
          new CodeCells.Cell("c5", true, "305", d(0.99, 0.99, 0.99), "305", d(0.99, 0.99, 0.99)));

  @Test
  void cellsComeLeastLikelyFirstWithThePublishedRoutingShare() throws Exception {
    try (Store store = CodeCells.store(dir, CELLS)) {
      CellQueue q = CellQueue.load(store, CodeCells.CODES, Set.of("101", "102", "201", "305"));

      List<CellTask> tasks = q.tasks();
      assertThat(tasks).hasSize(5);
      for (int i = 1; i < tasks.size(); i++) {
        assertThat(tasks.get(i).pCorrect()).isGreaterThanOrEqualTo(tasks.get(i - 1).pCorrect());
      }
      // c2: a digit at 0.60; c3: 999 unlisted, so 201 wins, with a digit at 0.6; c4: unlisted "20".
      assertThat(q.routedTasks().stream().map(t -> t.item().externalId()))
          .containsExactlyInAnyOrder("c2", "c3", "c4");
      assertThat(q.routedShare()).isEqualTo(0.6);
      CellTask c2 = byId(q, "c2");
      assertThat(c2.route().why()).contains(CodeRouting.Why.LOW_DIGIT_CONFIDENCE);
      assertThat(c2.predictedCode()).isEqualTo("102");
      assertThat(byId(q, "c5").routed()).isFalse();
    }
  }

  @Test
  void badDataIsNamedAndTheCellStaysInTheQueue() throws Exception {
    try (Store store = CodeCells.store(dir, CELLS)) {
      CellTask c4 = byId(CellQueue.load(store, CodeCells.CODES, null), "c4");

      assertThat(c4.problems())
          .anySatisfy(p -> assertThat(p).contains("c4.png").contains("missing or unreadable"))
          .anySatisfy(p -> assertThat(p).contains("'20'").contains("3 characters"));
      assertThat(c4.routed()).isTrue();
      assertThat(c4.candidates()).hasSize(1);
    }
  }

  @Test
  void aDecisionMarksTheCellDecidedWithTheChosenCode() throws Exception {
    try (Store store = CodeCells.store(dir, CELLS)) {
      Reviewer ana = store.reviews().reviewer("ana");
      CellTask c2 = byId(CellQueue.load(store, CodeCells.CODES, null), "c2");
      CellTask c3 = byId(CellQueue.load(store, CodeCells.CODES, null), "c3");
      store
          .reviews()
          .record(
              NewDecision.of(
                  c2.item().id(),
                  c2.structureId(),
                  ana.id(),
                  new DecisionAction.Accept(c2.candidates().get(1).id())));
      new CodeEdits(store).record(c3.item().id(), c3.structureId(), ana, "202");

      CellQueue after = CellQueue.load(store, CodeCells.CODES, null);
      assertThat(byId(after, "c2").decided()).isTrue();
      assertThat(byId(after, "c2").decidedCode()).isEqualTo("202");
      assertThat(byId(after, "c3").decidedCode()).isEqualTo("202");
      assertThat(byId(after, "c3").candidates()).as("reviewer codes are not judged").hasSize(2);
      assertThat(byId(after, "c1").decided()).isFalse();
    }
  }

  static CellTask byId(CellQueue q, String id) {
    return q.tasks().stream()
        .filter(t -> t.item().externalId().equals(id))
        .findFirst()
        .orElseThrow();
  }
}
