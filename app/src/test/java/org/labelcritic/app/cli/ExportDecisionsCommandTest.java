package org.labelcritic.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.QueueRow;
import org.labelcritic.model.store.Store;

class ExportDecisionsCommandTest {
  @TempDir Path dir;

  /** The cell fixture with three decisions: an accept, a flag with a formula note, a reopen. */
  private Path decided() throws Exception {
    Path db = CriticFixtures.cells(dir);
    try (Store store = Store.open(db)) {
      long ann = store.reviews().reviewer("-ann").id();
      QueueRow first =
          store.queries().queue(100).stream()
              .filter(r -> r.itemName().equals("cell-00"))
              .findFirst()
              .orElseThrow();
      long cand = store.queries().candidates(first.itemId(), first.structureId()).get(1).id();
      store
          .reviews()
          .record(
              NewDecision.of(
                  first.itemId(), first.structureId(), ann, new DecisionAction.Accept(cand)));
      store
          .reviews()
          .record(
              new NewDecision(
                  first.itemId(),
                  first.structureId(),
                  ann,
                  OptionalLong.empty(),
                  new DecisionAction.Flag(FlagReason.UNREADABLE),
                  "@cmd, \"smudge\"",
                  OptionalLong.empty(),
                  2500));
      store
          .reviews()
          .record(
              NewDecision.of(
                  first.itemId(), first.structureId(), ann, new DecisionAction.Reopen()));
    }
    return db;
  }

  @Test
  void theWholeLogIsWrittenAsCsvWithFormulasDefused() throws Exception {
    Path db = decided();
    Path out = dir.resolve("out/decisions.csv");

    LcwRun r =
        LcwRun.of(dir, "export", "decisions", "--db", db.toString(), "--out", out.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.outLines()).containsExactly("Exported 3 decision(s) to " + out);
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0))
        .startsWith("decision_id,decision_uid,item,item_kind,structure,reviewer");
    assertThat(lines.get(1)).contains(",cell-00,CELL,code,'-ann,,ACCEPT,", ",reader-b,0,");
    assertThat(lines.get(2)).contains(",FLAG,,,,UNREADABLE,\"'@cmd, \"\"smudge\"\"\",,1,2500,");
    assertThat(lines.get(3)).contains(",REOPEN,").contains(",2,0,");
    assertThat(Files.list(out.getParent())).containsExactly(out);
  }

  @Test
  void jsonLinesHoldOneDecisionPerLine() throws Exception {
    Path db = decided();
    Path out = dir.resolve("decisions.jsonl");

    LcwRun r =
        LcwRun.of(
            dir,
            "export",
            "decisions",
            "--db",
            db.toString(),
            "--out",
            out.toString(),
            "--format",
            "JSONL");

    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1))
        .startsWith("{\"decision_id\":2,")
        .contains("\"reviewer\":\"-ann\"", "\"note\":\"@cmd, \\\"smudge\\\"\"", "\"session\":null");
  }

  @Test
  void aWrongFormatIsAUsageErrorAndAMissingDatabaseFails() throws Exception {
    Path out = dir.resolve("d.csv");
    LcwRun wrong =
        LcwRun.of(
            dir,
            "export",
            "decisions",
            "--db",
            dir.resolve("x.db").toString(),
            "--out",
            out.toString(),
            "--format",
            "xml");
    assertThat(wrong.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(wrong.err()).contains("'xml' is not a format; use csv or jsonl");

    LcwRun missing =
        LcwRun.of(
            dir,
            "export",
            "decisions",
            "--db",
            dir.resolve("x.db").toString(),
            "--out",
            out.toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(missing.errLines())
        .containsExactly("error: " + dir.resolve("x.db") + ": no such database");
    assertThat(missing.showsAStackTrace()).isFalse();
    assertThat(out).doesNotExist();
    assertThat(dir.resolve("x.db")).doesNotExist();
  }
}
