package org.labelcritic.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.store.AuditLog;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.QueueRow;
import org.labelcritic.model.store.Store;

/** {@code lcw assign}, {@code reviewer}, {@code report} and {@code session} on the cell fixture. */
class TeamCommandsTest {
  @TempDir Path dir;

  @Test
  void assignReadsGoldReportsBadRowsAndDealsTheQueues() throws Exception {
    Path db = CriticFixtures.cells(dir);
    Path gold = dir.resolve("gold.csv");
    Files.writeString(
        gold,
        "item_id,structure,answer\n"
            + "cell-00,code,code:410\n"
            + "cell-01,code,accept:reader-b\n"
            + "cell-02,code,flag\n"
            + "cell-99,code,flag\n"
            + "cell-03,code,maybe\n",
        StandardCharsets.UTF_8);

    LcwRun run =
        LcwRun.of(
            dir,
            "assign",
            "--db",
            db.toString(),
            "--reviewers",
            "ann,bob",
            "--overlap",
            "0.5",
            "--gold-rate",
            "0.1",
            "--gold-feedback",
            "--gold",
            gold.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
    assertThat(run.outLines()).contains("Gold items: 3 added, 0 already there");
    assertThat(run.errLines())
        .anySatisfy(l -> assertThat(l).contains("gold.csv").contains("5").contains("cell-99"))
        .anySatisfy(l -> assertThat(l).contains("6").contains("'maybe'"));
    assertThat(run.out())
        .contains("Assignment plan 1 is in force")
        .contains("ann: ")
        .contains("bob: ");

    LcwRun list = LcwRun.of(dir, "reviewer", "list", "--db", db.toString());
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).contains("ann: 0 decision(s), 0 session(s), queue of");
  }

  @Test
  void badAssignmentSettingsAreRefusedWithTheReason() throws Exception {
    Path db = CriticFixtures.cells(dir);
    LcwRun run =
        LcwRun.of(dir, "assign", "--db", db.toString(), "--reviewers", "ann", "--overlap", "2");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.err()).contains("overlap must be between 0 and 1");
    assertThat(run.showsAStackTrace()).isFalse();
  }

  @Test
  void theReportCommandWritesOneHtmlFileAndAuditsTheExport() throws Exception {
    Path db = CriticFixtures.cells(dir);
    Path out = dir.resolve("r/report.html");

    LcwRun run = LcwRun.of(dir, "report", "--db", db.toString(), "--out", out.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Wrote the report of cells (21 units, 0 reviewed)");
    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(html).contains("Nutrition label").contains("=reader-a").doesNotContain("<script");
    try (Store store = Store.open(db)) {
      assertThat(new AuditLog(store).count(AuditLog.Kind.EXPORT)).isEqualTo(1);
    }
  }

  @Test
  void aSessionExportedOnALaptopMergesOnceAndOnlyIntoItsOwnDataset() throws Exception {
    Path db = CriticFixtures.cells(dir);
    Path laptop = dir.resolve("laptop.db");
    Files.copy(db, laptop);
    try (Store store = Store.open(laptop)) {
      long ann = store.reviews().reviewer("ann").id();
      long session = store.reviews().startSession(ann, "field-laptop").id();
      List<QueueRow> rows =
          store.queries().queue(100).stream().filter(r -> r.structure().equals("code")).toList();
      long annSource = store.sourceId("ann", SourceKind.PERSON, "");
      QueueRow edited = rows.get(2);
      store
          .writer()
          .inTransaction(
              w ->
                  w.candidate(
                      edited.itemId(),
                      edited.structureId(),
                      annSource,
                      new CandidateLabel.Code("412", Double.NaN, List.of())));
      long editId =
          store.queries().candidates(edited.itemId(), edited.structureId()).stream()
              .filter(c -> c.sourceId() == annSource)
              .findFirst()
              .orElseThrow()
              .id();
      record(
          store,
          rows.get(0),
          ann,
          session,
          new DecisionAction.Accept(
              store
                  .queries()
                  .candidates(rows.get(0).itemId(), rows.get(0).structureId())
                  .getFirst()
                  .id()));
      record(store, rows.get(1), ann, session, new DecisionAction.Flag(FlagReason.UNREADABLE));
      record(store, edited, ann, session, new DecisionAction.Edit(editId));
      store.reviews().endSession(session);
    }
    Path lcws = dir.resolve("ann.lcws");

    LcwRun export =
        LcwRun.of(
            dir,
            "session",
            "export",
            "--db",
            laptop.toString(),
            "--reviewer",
            "ann",
            "--out",
            lcws.toString());
    assertThat(export.exitCode()).isZero();
    assertThat(export.out()).contains("Exported 3 decision(s), 1 session(s) and 1 edited label(s)");

    LcwRun merge = LcwRun.of(dir, "session", "merge", "--db", db.toString(), lcws.toString());
    assertThat(merge.exitCode()).isZero();
    assertThat(merge.out())
        .contains("ann.lcws (ann): 3 decision(s) added, 0 already present, 1 session(s) added");
    LcwRun again = LcwRun.of(dir, "session", "merge", "--db", db.toString(), lcws.toString());
    assertThat(again.out()).contains("0 decision(s) added, 3 already present, 0 session(s) added");
    try (Store store = Store.open(db)) {
      assertThat(store.reviews().count()).isEqualTo(3);
    }
    LcwRun list = LcwRun.of(dir, "reviewer", "list", "--db", db.toString());
    assertThat(list.out()).contains("ann on field-laptop").contains(", 3 decision(s)");

    Path otherDir = dir.resolve("other");
    Files.createDirectories(otherDir);
    Path other = CriticFixtures.cells(otherDir); // same content, another dataset
    LcwRun refused = LcwRun.of(dir, "session", "merge", "--db", other.toString(), lcws.toString());
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(refused.err()).contains("ann.lcws").contains("belongs to dataset");
    assertThat(refused.showsAStackTrace()).isFalse();

    LcwRun nobody =
        LcwRun.of(
            dir,
            "session",
            "export",
            "--db",
            db.toString(),
            "--reviewer",
            "zoe",
            "--out",
            dir.resolve("z.lcws").toString());
    assertThat(nobody.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(nobody.err()).contains("has no reviewer named 'zoe'");
  }

  private static void record(
      Store store, QueueRow row, long reviewer, long session, DecisionAction action)
      throws Exception {
    store
        .reviews()
        .record(
            new NewDecision(
                row.itemId(),
                row.structureId(),
                reviewer,
                java.util.OptionalLong.of(session),
                action,
                "",
                java.util.OptionalLong.empty(),
                1200));
  }
}
