package org.labelcritic.model.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.Problem;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.store.Store;

class ReviewSimulatorTest {
  @TempDir Path dir;

  @Test
  void theSimulatedReviewerAgreesPicksTypesAndFlagsAsTheTruthSays() throws Exception {
    try (Store store = CodeCells.store(dir, CellQueueTest.CELLS)) {
      // c2: truth is B's code; c3: neither reader is right; c4: image unreadable.
      Map<String, String> truth =
          Map.of("c1", "101", "c2", "202", "c3", "202", "c4", "201", "c5", "305");
      CellQueue before = CellQueue.load(store, CodeCells.CODES, null);
      CodeReviewStats modelOnly = CodeReviewStats.of(before, truth);

      ReviewSimulator.Result r =
          new ReviewSimulator(store, CodeCells.CODES).run(before, truth, "simulated");

      assertThat(r.reviewed()).isEqualTo(3);
      assertThat(r.picked()).isEqualTo(1);
      assertThat(r.typed()).isEqualTo(1);
      assertThat(r.flagged()).isEqualTo(1);
      CodeReviewStats after =
          CodeReviewStats.of(CellQueue.load(store, CodeCells.CODES, null), truth);
      assertThat(after.routed()).isEqualTo(3);
      assertThat(after.routedDecided()).isEqualTo(3);
      assertThat(after.corrected()).isEqualTo(2);
      assertThat(after.agreed()).isZero();
      assertThat(after.flagged()).containsEntry(FlagReason.UNREADABLE, 1L);
      assertThat(modelOnly.modelAccuracy().count()).isEqualTo(2);
      assertThat(after.modelAccuracy()).isEqualTo(modelOnly.modelAccuracy());
      assertThat(after.finalAccuracy().count()).isEqualTo(4);
      assertThat(after.finalAccuracy().total()).isEqualTo(5);
      assertThat(after.modelByBand().getFirst().errors().total()).isEqualTo(5);
      assertThat(after.modelErrorsRouted().value()).isEqualTo(1.0);
    }
  }

  @Test
  void theTruthFileNamesItsBadRows() throws Exception {
    Path file = dir.resolve("truth.csv");
    Files.writeString(file, "item_id,code\nc1,101\nc2,\nc1,102\n");
    List<Problem> problems = new ArrayList<>();

    Map<String, String> truth = TruthFile.read(file, problems::add);

    assertThat(truth).containsExactly(Map.entry("c1", "101"));
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0).toString()).contains("truth.csv").contains("3").contains("code");
    assertThat(problems.get(1).toString()).contains("repeats");
  }

  @Test
  void aTruthFileWithoutItsColumnsNamesWhatIsMissing() throws Exception {
    Path file = dir.resolve("truth.csv");
    Files.writeString(file, "id,code\nc1,101\n");
    assertThatThrownBy(() -> TruthFile.read(file, p -> {}))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("truth.csv")
        .hasMessageContaining("lacks the column 'item_id'")
        .hasMessageContaining("found 'id,code'");
    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "");
    assertThatThrownBy(() -> TruthFile.read(empty, p -> {}))
        .hasMessageContaining("is empty; expected a header 'item_id,code'");
  }
}
