package org.labelcritic.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.app.cli.CriticFixtures.Run;
import org.labelcritic.model.codes.CodeSidecars;
import org.labelcritic.model.store.Store;

class CriticRunCommandTest {
  @TempDir Path dir;

  @Test
  void scoresEveryCellAndScanAndASecondRunScoresNothing() throws Exception {
    Path db = CriticFixtures.cells(dir);
    Path codes = CriticFixtures.codeList(dir);
    Run r =
        CriticFixtures.lcw(
            dir, "critic", "run", "--db", db.toString(), "--codes", codes.toString());
    // The fixture's one scan has no CT file: its liver cannot be scored, and says why.
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.PROBLEMS);
    assertThat(r.err()).contains("could not score item 1").contains("case-1 has no CT image");
    assertThat(r.out())
        .contains("Scored 0 of 1 scan structure(s) with the feature critic feature-logreg-")
        .contains(" on CPU (")
        .contains("0 verdict(s) stored, 1 failed.")
        .contains("Scored 20 of 20 cell(s) with the code critic logistic-1-")
        .contains("20 verdict(s) stored")
        .contains("agree 15")
        .contains("prefer_a 4")
        .contains("single 1")
        .contains("Routed to review by the code rule: 1")
        .contains("codes never seen in training are not routed");
    try (Store store = Store.open(db)) {
      assertThat(store.verdicts().count()).isEqualTo(20);
    }

    Run again = CriticFixtures.lcw(dir, "critic", "run", "--db", db.toString(), "--threads", "1");
    assertThat(again.exit()).isEqualTo(ExitCodes.PROBLEMS);
    assertThat(again.out())
        .contains("Scored 0 of 0 cell(s)")
        .contains("Scored 0 of 1 scan structure(s)")
        .contains("No code list (--codes, or ");

    Run cellsOnly = CriticFixtures.lcw(dir, "critic", "run", "--db", db.toString(), "--skip-scans");
    assertThat(cellsOnly.exit()).as(cellsOnly.err()).isZero();
    assertThat(cellsOnly.out())
        .contains("Scans were not scored (--skip-scans).")
        .doesNotContain("scan structure(s)");
  }

  @Test
  void trainingCodesRouteCodesNeverSeen() throws Exception {
    Path db = CriticFixtures.cells(dir);
    Path seen = dir.resolve("seen.txt");
    Files.writeString(seen, "code\n# common codes\n410\n411\n");
    Run r =
        CriticFixtures.lcw(
            dir,
            "critic",
            "run",
            "--db",
            db.toString(),
            "--seen-codes",
            seen.toString(),
            "--skip-scans");
    assertThat(r.exit()).as(r.err()).isZero();
    // 412 (6 cells) and 999 (1) were never seen; the rest are confident and seen.
    assertThat(r.out()).contains("Routed to review by the code rule: 7");
  }

  /** Without the options, the code list and training codes beside the database are used. */
  @Test
  void theCodeFilesBesideTheDatabaseAreUsedWithoutOptions() throws Exception {
    Path db = CriticFixtures.cells(dir);
    Files.writeString(CodeSidecars.seenCodesFile(db), "410\n411\n");
    Files.copy(CriticFixtures.codeList(dir), CodeSidecars.codeListFile(db));
    Run r = CriticFixtures.lcw(dir, "critic", "run", "--db", db.toString(), "--skip-scans");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Routed to review by the code rule: 7")
        .contains("Training codes: " + CodeSidecars.seenCodesFile(db))
        .contains("Code list: " + CodeSidecars.codeListFile(db));
  }

  /** --provider cuda means CUDA or nothing; auto falls back to the CPU and says why. */
  @Test
  void cudaAskedForIsCudaOrNothing() throws Exception {
    Path db = CriticFixtures.cells(dir);
    Run cuda =
        CriticFixtures.lcw(dir, "critic", "run", "--db", db.toString(), "--provider", "cuda");
    Run auto =
        CriticFixtures.lcw(dir, "critic", "run", "--db", db.toString(), "--provider", "auto");
    if (cuda.out().contains(" on CUDA (")) {
      return; // a -Pgpu build on a machine with CUDA: nothing to refuse
    }
    assertThat(cuda.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(cuda.err())
        .contains("CUDA was asked for (--provider cuda) but cannot be used")
        .contains("Nothing was scored");
    assertThat(auto.out()).contains(" on CPU (").contains("20 verdict(s) stored");
  }

  @Test
  void aMissingDatabaseFailsWithoutCreatingOne() {
    Path db = dir.resolve("nope.db");
    Run r = CriticFixtures.lcw(dir, "critic", "run", "--db", db.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err()).contains("nope.db").contains("no such database");
    assertThat(db).doesNotExist();
  }

  @Test
  void badOptionsAreUsageErrors() throws Exception {
    Path db = CriticFixtures.cells(dir);
    Run threads = CriticFixtures.lcw(dir, "critic", "run", "--db", db.toString(), "--threads", "0");
    assertThat(threads.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(threads.err()).contains("--threads must be in 1..8");
    Run provider =
        CriticFixtures.lcw(dir, "critic", "run", "--db", db.toString(), "--provider", "tpu");
    assertThat(provider.exit()).isEqualTo(ExitCodes.USAGE);
    Run model =
        CriticFixtures.lcw(
            dir, "critic", "run", "--db", db.toString(), "--model", dir.resolve("m").toString());
    assertThat(model.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(model.err()).contains("feature-critic.onnx").contains("does not exist");
    Run noDb = CriticFixtures.lcw(dir, "critic", "run");
    assertThat(noDb.exit()).isEqualTo(ExitCodes.USAGE);
    Run missingSeen =
        CriticFixtures.lcw(
            dir,
            "critic",
            "run",
            "--db",
            db.toString(),
            "--seen-codes",
            dir.resolve("x").toString());
    assertThat(missingSeen.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(missingSeen.err()).contains("does not exist");
  }
}
