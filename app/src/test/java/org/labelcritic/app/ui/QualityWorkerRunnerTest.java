package org.labelcritic.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.app.AppDirectories;
import org.labelcritic.app.demo.DemoInstaller;
import org.labelcritic.model.codes.CodeSidecars;
import org.labelcritic.model.critic.CodeCritic;
import org.labelcritic.model.critic.CodeRouting;
import org.labelcritic.model.critic.onnx.FeatureCritic;
import org.labelcritic.model.critic.onnx.OnnxPairModel;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.CriticQueries;
import org.labelcritic.model.store.Store;
import org.labelcritic.model.worker.CodeScorer;
import org.labelcritic.model.worker.WorkerSettings;

/** The app's quality worker: the full critic over the demo's scans, and what it releases. */
class QualityWorkerRunnerTest {
  @TempDir Path data;

  @Test
  void theFullCriticStoresVolumeVerdictsAndNamesItsProvider() throws Exception {
    Path db =
        new DemoInstaller(new AppDirectories(data)).ensureInstalled(Progress.none()).database();
    try (Store store = Store.open(db);
        QualityWorkerRunner runner = runner(QualityWorkerRunner.allCritics())) {
      assertThat(featureVerdicts(store)).isZero();
      runner.start(store);
      awaitEnd(runner, 240);
      assertThat(runner.errorProperty().get()).isEmpty();
      assertThat(featureVerdicts(store)).isPositive();
      assertThat(runner.providerProperty().get()).isNotNull();
      assertThat(runner.providerNoteProperty().get()).isNotBlank();
    }
  }

  @Test
  void aRunReleasesWhatItsScorersHoldWhenItEnds() throws Exception {
    Path db =
        new DemoInstaller(new AppDirectories(data)).ensureInstalled(Progress.none()).database();
    AtomicInteger closed = new AtomicInteger();
    try (Store store = Store.open(db);
        QualityWorkerRunner runner =
            runner(
                s ->
                    List.of(
                        new QualityWorkerRunner.Scoring(
                            CodeScorer.forStore(
                                s, new CodeCritic(CodeRouting.withoutTrainingCodes()), null),
                            OnnxPairModel.Provider.CPU,
                            "test",
                            closed::incrementAndGet)))) {
      runner.start(store);
      awaitEnd(runner, 60);
      assertThat(runner.errorProperty().get()).isEmpty();
      assertThat(closed).hasValue(1);
    }
  }

  /**
   * The app's code critic reads the code list and training codes beside the database, as the review
   * view and {@code lcw critic run} do: a code in neither is routed to review for both reasons. The
   * same cell without the files is routed for its shaky digits only.
   */
  @Test
  void theCodeCriticUsesTheCodeFilesBesideTheDatabase() throws Exception {
    String withFiles = routingOf999(data.resolve("with"), true);
    assertThat(withFiles)
        .contains("the code is not in the code list")
        .contains("the code never occurred in training");
    String without = routingOf999(data.resolve("without"), false);
    assertThat(without)
        .contains("a digit's confidence is at most")
        .doesNotContain("code list")
        .doesNotContain("training");
  }

  /** The reasons of the verdict on one cell read as "999" by two models. */
  private static String routingOf999(Path dir, boolean sidecars) throws Exception {
    java.nio.file.Files.createDirectories(dir);
    Path db = dir.resolve("census.db");
    if (sidecars) {
      java.nio.file.Files.writeString(
          CodeSidecars.codeListFile(db), "code,description\n410,clerk\n411,typist\n");
      java.nio.file.Files.writeString(CodeSidecars.seenCodesFile(db), "410\n411\n");
    }
    try (Store store = Store.open(db)) {
      long code = store.structureId("code");
      long a = store.sourceId("reader-a", SourceKind.MODEL, "1");
      long b = store.sourceId("reader-b", SourceKind.MODEL, "1");
      TestStores.cell(store, "cell-1", code, List.of(a, b), "999", null, 0);
      try (QualityWorkerRunner runner = runner(QualityWorkerRunner.codeCells())) {
        runner.start(store);
        awaitEnd(runner, 60);
        assertThat(runner.errorProperty().get()).isEmpty();
      }
    }
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        var st = c.createStatement();
        var rs = st.executeQuery("SELECT reasons FROM verdict")) {
      assertThat(rs.next()).as("a verdict on the cell").isTrue();
      return rs.getString(1);
    }
  }

  /**
   * Stopping before the store is closed waits for the worker's thread: a scorer that is half-way
   * through an item when it is stopped finishes before the caller goes on (to close the store).
   */
  @Test
  void stoppingBeforeAStoreIsClosedWaitsForTheWorkersThread() throws Exception {
    java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean finished =
        new java.util.concurrent.atomic.AtomicBoolean();
    org.labelcritic.model.worker.ItemScorer slow =
        new org.labelcritic.model.worker.ItemScorer() {
          @Override
          public org.labelcritic.model.domain.ItemKind kind() {
            return org.labelcritic.model.domain.ItemKind.CELL;
          }

          @Override
          public String critic() {
            return "slow";
          }

          @Override
          public String modelVersion() {
            return "1";
          }

          @Override
          public List<org.labelcritic.model.store.NewVerdict> score(
              org.labelcritic.model.worker.ScoringTask task) {
            entered.countDown();
            try {
              Thread.sleep(400); // an item's work, which does not look at the cancel flag
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            finished.set(true);
            return List.of();
          }
        };
    try (Store store = TestStores.demo(data);
        QualityWorkerRunner runner =
            runner(
                s ->
                    List.of(
                        new QualityWorkerRunner.Scoring(slow, OnnxPairModel.Provider.CPU, "")))) {
      runner.start(store);
      assertThat(entered.await(30, TimeUnit.SECONDS)).as("the scorer started").isTrue();
      Runnable stopped = runner.stopAwaitable();
      assertThat(runner.runningProperty().get()).isFalse();
      stopped.run();
      assertThat(finished).as("the item in hand was finished before stopping returned").isTrue();
    }
  }

  /** A runner with the default settings, its updates applied on the calling thread. */
  private static QualityWorkerRunner runner(QualityWorkerRunner.ScorerFactory factory) {
    return new QualityWorkerRunner(
        factory, WorkerSettings.defaults(), new I18n(I18n.bundle(Locale.ROOT)), Runnable::run);
  }

  private static void awaitEnd(QualityWorkerRunner runner, int seconds) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (runner.runningProperty().get() && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    assertThat(runner.runningProperty().get()).as("the run ended").isFalse();
  }

  private static long featureVerdicts(Store store) throws Exception {
    List<String> critics = new ArrayList<>();
    new CriticQueries(store).forEachVerdict(r -> critics.add(r.critic()));
    return critics.stream().filter(FeatureCritic.NAME::equals).count();
  }
}
