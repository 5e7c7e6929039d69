package org.labelcritic.model.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.labelcritic.model.codes.CodeCells.d;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.Reviewer;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.store.CodeEdits;
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
}
