package org.labelcritic.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.store.Store;

/** The command line's surface: help, version, usage errors, exit codes and {@code lcw status}. */
class LcwCommandTest {
  @TempDir Path dir;

  @Test
  void helpExitsZeroAndListsEveryCommandAndTheExitCodes() {
    LcwRun run = LcwRun.of(dir, "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("Usage: lcw")
        .contains("import", "status", "screenshot", "demo", "gui")
        .contains("Exit codes:", "2   wrong command line");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void versionExitsZeroAndPrintsTheVersion() {
    LcwRun run = LcwRun.of(dir, "--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip()).isEqualTo("LabelCritic Workbench 0.1.0");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"import", "import volumes", "import cells", "status", "demo", "gui", "screenshot"})
  void everyCommandHasHelp(String command) {
    String[] words = command.split(" ");
    String[] args =
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(words), java.util.stream.Stream.of("--help"))
            .toArray(String[]::new);

    LcwRun run = LcwRun.of(dir, args);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: lcw " + command).contains("-h, --help");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    LcwRun run = LcwRun.of(dir, "frobnicate");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .startsWith("Unmatched argument at index 0: 'frobnicate'")
        .contains("Usage: lcw")
        .contains("Commands:");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aMissingRequiredOptionIsAUsageErrorNamingIt() {
    LcwRun run = LcwRun.of(dir, "status");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .contains("Missing required option: '--db=FILE'")
        .contains("Usage: lcw status");
  }

  @Test
  void importWithoutWhatToImportIsAUsageError() {
    LcwRun run = LcwRun.of(dir, "import");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("Usage: lcw import");
    assertThat(run.showsAStackTrace()).isFalse();
  }

  @Test
  void statusOfAMissingDatabaseFailsWithOneLineAndNoStackTrace() {
    Path missing = dir.resolve("missing.db");

    LcwRun run = LcwRun.of(dir, "status", "--db", missing.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.errLines()).containsExactly("error: " + missing + ": no such database");
    assertThat(run.showsAStackTrace()).isFalse();
    assertThat(missing).doesNotExist();
  }

  @Test
  void statusPrintsTheDatasetItsItemsStructuresSourcesAndQueue() throws Exception {
    Path db = dir.resolve("small.db");
    try (Store store = Store.open(db, "status-check")) {
      long totalseg = store.sourceId("totalseg", SourceKind.MODEL, "2.4");
      long suprem = store.sourceId("suprem", SourceKind.MODEL, "1.0");
      long liver = store.structureId("liver");
      long code = store.structureId("code");
      store
          .writer()
          .inTransaction(
              w -> {
                for (String name : List.of("case-1", "case-2")) {
                  long id =
                      w.item(ItemKind.VOLUME, name, file(name + "/ct.nii.gz"), null, "{}").id();
                  w.candidate(id, liver, totalseg, mask(name + "/a/liver.nii.gz"));
                  w.candidate(id, liver, suprem, mask(name + "/b/liver.nii.gz"));
                }
                long cell = w.item(ItemKind.CELL, "cell-1", file("cell-1.png"), null, null).id();
                w.candidate(cell, code, totalseg, new CandidateLabel.Code("412", 0.9, List.of()));
                return null;
              });
    }

    LcwRun run = LcwRun.of(dir, "status", "--db", db.toString());

    assertThat(run.exitCode()).isZero();
    List<String> lines = run.outLines();
    assertThat(lines.get(0)).startsWith("Dataset   status-check (");
    assertThat(lines).contains("Items     3  cell 1, volume 2");
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).matches("Structure\\s+items\\s+candidates"))
        .anySatisfy(l -> assertThat(l).matches("liver\\s+2\\s+4"))
        .anySatisfy(l -> assertThat(l).matches("code\\s+1\\s+1"))
        .anySatisfy(l -> assertThat(l).matches("Source\\s+kind\\s+version\\s+candidates"))
        .anySatisfy(l -> assertThat(l).matches("totalseg\\s+model\\s+2\\.4\\s+3"))
        .anySatisfy(l -> assertThat(l).matches("suprem\\s+model\\s+1\\.0\\s+2"));
    assertThat(lines)
        .contains("Verdicts  0  (none)", "Decisions 0  reviewers 0, sessions 0")
        .endsWith("Queue     pending 3");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void statusOfAnEmptyDatabaseSaysNone() throws LabelCriticException {
    Path db = dir.resolve("empty.db");
    Store.open(db, "empty").close();

    LcwRun run = LcwRun.of(dir, "status", "--db", db.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).contains("Items     0  (none)", "Queue     (none)");
  }

  private static FileRef file(String name) {
    return new FileRef("/data/" + name, 1024, Integer.toHexString(name.hashCode()));
  }

  private static CandidateLabel.Mask mask(String name) {
    return new CandidateLabel.Mask(file(name), new TreeSet<>(List.of(1)));
  }
}
