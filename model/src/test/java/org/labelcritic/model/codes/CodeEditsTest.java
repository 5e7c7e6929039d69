package org.labelcritic.model.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.labelcritic.model.codes.CodeCells.d;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.Reviewer;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.store.CodeEdits;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.Store;

class CodeEditsTest {
  @TempDir Path dir;

  @Test
  void aTypedCodeBecomesTheReviewersOwnCandidateAndTheEditChoosesIt() throws Exception {
    try (Store store =
        CodeCells.store(
            dir, List.of(new CodeCells.Cell("c1", true, "101", d(0.9, 0.9, 0.9), null, null)))) {
      Reviewer ana = store.reviews().reviewer("ana");
      CellTask t = CellQueue.load(store, null, null).tasks().getFirst();

      Decision first = new CodeEdits(store).record(t.item().id(), t.structureId(), ana, "102");
      Decision second = new CodeEdits(store).record(t.item().id(), t.structureId(), ana, "201");

      List<Candidate> all = store.queries().candidates(t.item().id(), t.structureId());
      assertThat(all).hasSize(3);
      Candidate typed = all.get(1);
      assertThat(first.action()).isEqualTo(new DecisionAction.Edit(typed.id()));
      assertThat(typed.revision()).isEqualTo(1);
      assertThat(((CandidateLabel.Code) typed.label()).code()).isEqualTo("102");
      assertThat(((CandidateLabel.Code) typed.label()).confidence()).isNaN();
      assertThat(all.get(2).revision()).isEqualTo(2);
      assertThat(second.supersedes()).hasValue(first.id());
      assertThat(store.sources())
          .anySatisfy(
              s -> {
                assertThat(s.name()).isEqualTo("reviewer:ana");
                assertThat(s.kind()).isEqualTo(SourceKind.PERSON);
              });
      assertThat(store.queries().status().candidates()).isEqualTo(3);
      assertThat(store.reviews().history(t.item().id(), t.structureId())).hasSize(2);
    }
  }

  /**
   * A page of decisions and typed codes is one transaction: when one entry fails (here an accept of
   * a candidate that does not exist), neither the decisions before it nor the typed code's
   * candidate are kept; the same page without the bad entry is recorded whole.
   */
  @Test
  void aPageIsRecordedWholeOrNotAtAll() throws Exception {
    try (Store store =
        CodeCells.store(
            dir,
            List.of(
                new CodeCells.Cell("c1", true, "101", d(0.9, 0.9, 0.9), null, null),
                new CodeCells.Cell("c2", true, "102", d(0.9, 0.9, 0.9), null, null),
                new CodeCells.Cell("c3", true, "103", d(0.9, 0.9, 0.9), null, null)))) {
      Reviewer ana = store.reviews().reviewer("ana");
      List<CellTask> tasks = CellQueue.load(store, null, null).tasks();
      long candidatesBefore = store.queries().status().candidates();
      CodeEdits.Entry accept =
          new CodeEdits.Entry.Decided(
              decision(tasks.get(0), ana, new DecisionAction.Accept(best(tasks.get(0)))));
      CodeEdits.Entry typed =
          new CodeEdits.Entry.Typed(
              decision(tasks.get(1), ana, new DecisionAction.Reopen()), "201");
      CodeEdits.Entry broken =
          new CodeEdits.Entry.Decided(
              decision(tasks.get(2), ana, new DecisionAction.Accept(999_999)));

      assertThatThrownBy(() -> new CodeEdits(store).recordAll(ana, List.of(accept, typed, broken)))
          .isInstanceOf(LabelCriticException.class);
      assertThat(store.reviews().count()).isZero();
      assertThat(store.queries().status().candidates()).isEqualTo(candidatesBefore);
      assertThat(store.queries().candidates(tasks.get(1).item().id(), tasks.get(1).structureId()))
          .hasSize(1);

      List<Decision> page = new CodeEdits(store).recordAll(ana, List.of(accept, typed));
      assertThat(page).hasSize(2);
      assertThat(page.get(0).action()).isEqualTo(new DecisionAction.Accept(best(tasks.get(0))));
      assertThat(page.get(1).action()).isInstanceOf(DecisionAction.Edit.class);
      assertThat(store.reviews().count()).isEqualTo(2);
      assertThat(store.queries().status().candidates()).isEqualTo(candidatesBefore + 1);
    }
  }

  private static long best(CellTask t) {
    return t.candidates().get(t.best()).id();
  }

  private static NewDecision decision(CellTask t, Reviewer r, DecisionAction action) {
    return new NewDecision(
        t.item().id(),
        t.structureId(),
        r.id(),
        OptionalLong.empty(),
        action,
        "",
        OptionalLong.empty(),
        0);
  }
}
