package org.labelcritic.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.QueueRow;
import org.labelcritic.model.store.Store;

class ExportCodesCommandTest {
  @TempDir Path dir;

  @Test
  void everyCellGetsItsFinalCodeAndWhereItCameFrom() throws Exception {
    Path db = CriticFixtures.cells(dir);
    Path codes = CriticFixtures.codeList(dir);
    assertThat(
            LcwRun.of(
                    dir,
                    "critic",
                    "run",
                    "--db",
                    db.toString(),
                    "--codes",
                    codes.toString(),
                    "--skip-scans")
                .exitCode())
        .isZero();
    try (Store store = Store.open(db)) {
      long ann = store.reviews().reviewer("ann").id();
      QueueRow c0 = row(store, "cell-00");
      long readerB = store.queries().candidates(c0.itemId(), c0.structureId()).get(1).id();
      store
          .reviews()
          .record(
              NewDecision.of(
                  c0.itemId(), c0.structureId(), ann, new DecisionAction.Accept(readerB)));
      QueueRow c2 = row(store, "cell-02");
      store
          .reviews()
          .record(
              NewDecision.of(
                  c2.itemId(),
                  c2.structureId(),
                  ann,
                  new DecisionAction.Flag(FlagReason.NEEDS_EXPERT)));
    }
    Path out = dir.resolve("codes.csv");

    LcwRun r = LcwRun.of(dir, "export", "codes", "--db", db.toString(), "--out", out.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.outLines().getLast()).startsWith("Exported 20 code(s) to " + out + " (");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(21);
    assertThat(lines.getFirst())
        .isEqualTo("item,field,code,code_from,source,flag_reason,decision_id,verdict_id");
    assertThat(lines.get(1)).matches("cell-00,code,410,accepted,reader-b,,\\d+,");
    // The misread cell: the critic prefers reader A, whose name is defused.
    assertThat(lines.get(2)).matches("cell-01,code,411,critic,'=reader-a,,,\\d+");
    assertThat(lines.get(3)).matches("cell-02,code,,flagged,,NEEDS_EXPERT,\\d+,");
    assertThat(lines.get(6)).startsWith("\"'+cell,\"\"5\"\"\",code,412,");
    // One reader only: the critic's single verdict prefers nothing; the only (most confident) code.
    assertThat(lines.get(20)).isEqualTo("cell-19,code,411,highest_confidence,'=reader-a,,,");
    // The CT in the fixture is no form cell.
    assertThat(lines).noneMatch(l -> l.startsWith("case-1"));
  }

  @Test
  void aMissingDatabaseFailsWithoutCreatingOne() {
    Path db = dir.resolve("none.db");
    LcwRun r =
        LcwRun.of(
            dir,
            "export",
            "codes",
            "--db",
            db.toString(),
            "--out",
            dir.resolve("c.csv").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err()).contains("no such database");
    assertThat(db).doesNotExist();
  }

  private static QueueRow row(Store store, String cell) throws Exception {
    return store.queries().queue(100).stream()
        .filter(q -> q.itemName().equals(cell))
        .findFirst()
        .orElseThrow();
  }
}
