package org.labelcritic.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.store.Store;

class StatsCommandTest {
  @TempDir Path dir;

  /** Four cells: two read right and sure, one misread with a doubtful digit, one unlisted. */
  Path census() throws Exception {
    Path db = dir.resolve("census.db");
    Files.writeString(
        dir.resolve("census.codes.csv"), "code,description\n101,Clerk\n102,Teacher\n201,Baker\n");
    Files.writeString(dir.resolve("census.seen-codes.txt"), "101\n102\n201\n");
    Files.writeString(dir.resolve("truth.csv"), "item_id,code\nc1,101\nc2,101\nc3,102\nc4,201\n");
    try (Store store = Store.open(db, "census")) {
      long a = store.sourceId("reader", SourceKind.MODEL, "1");
      long s = store.structureId("code");
      store
          .writer()
          .inTransaction(
              b -> {
                String[][] cells = {
                  {"c1", "101", "0.99"},
                  {"c2", "101", "0.98"},
                  {"c3", "182", "0.6"},
                  {"c4", "901", "0.9"}
                };
                for (String[] c : cells) {
                  long id =
                      b.item(
                              ItemKind.CELL,
                              c[0],
                              new FileRef(dir.resolve(c[0]).toString(), 1, "x"),
                              null,
                              null)
                          .id();
                  double d = Double.parseDouble(c[2]);
                  b.candidate(id, s, a, new CandidateLabel.Code(c[1], d, List.of(0.99, d, 0.99)));
                }
                return null;
              });
    }
    return db;
  }

  @Test
  void withoutTruthItPrintsTheRoutedShare() throws Exception {
    LcwRun r = LcwRun.of(dir, "stats", "--db", census().toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Cells: 4; routed to review by the published rule: 2 (50.0 %)")
        .contains("Routed cells decided: 0 of 2")
        .contains("No truth given");
  }

  @Test
  void aSimulatedReviewerCorrectsTheRoutedCellsAndAccuracyRises() throws Exception {
    Path db = census();
    LcwRun r =
        LcwRun.of(
            dir,
            "stats",
            "--db",
            db.toString(),
            "--truth",
            dir.resolve("truth.csv").toString(),
            "--simulate-reviewer");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "Simulated reviewer 'simulated': 2 cells reviewed (0 agreed, 0 picked another candidate, 2 typed, 0 flagged)")
        .contains("Routed cells decided: 2 of 2")
        .containsPattern("corrected\\s+2\\s+100.0 %")
        .contains("model only (critic's choice)  50.0 % (2 of 4)")
        .contains("after review                  100.0 % (4 of 4)")
        .containsPattern("0-9\\s+4 cells\\s+50.0 % ->\\s+0.0 %");
    // A second run finds nothing left to review and the same figures.
    LcwRun again =
        LcwRun.of(
            dir, "stats", "--db", db.toString(), "--truth", dir.resolve("truth.csv").toString());
    assertThat(again.out()).contains("after review                  100.0 % (4 of 4)");
  }

  @Test
  void simulatingWithoutTruthIsAUsageError() throws Exception {
    LcwRun r = LcwRun.of(dir, "stats", "--db", census().toString(), "--simulate-reviewer");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err()).contains("--simulate-reviewer needs --truth");
  }
}
