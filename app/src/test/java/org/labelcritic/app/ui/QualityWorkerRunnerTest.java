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
import org.labelcritic.model.critic.CodeCritic;
import org.labelcritic.model.critic.CodeRouting;
import org.labelcritic.model.critic.onnx.FeatureCritic;
import org.labelcritic.model.critic.onnx.OnnxPairModel;
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
        QualityWorkerRunner runner =
            new QualityWorkerRunner(
                QualityWorkerRunner.allCritics(),
                WorkerSettings.defaults(),
                new I18n(I18n.bundle(Locale.ROOT)),
                Runnable::run)) {
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
            new QualityWorkerRunner(
                s ->
                    List.of(
                        new QualityWorkerRunner.Scoring(
                            CodeScorer.forStore(
                                s, new CodeCritic(CodeRouting.withoutTrainingCodes()), null),
                            OnnxPairModel.Provider.CPU,
                            "test",
                            closed::incrementAndGet)),
                WorkerSettings.defaults(),
                new I18n(I18n.bundle(Locale.ROOT)),
                Runnable::run)) {
      runner.start(store);
      awaitEnd(runner, 60);
      assertThat(runner.errorProperty().get()).isEmpty();
      assertThat(closed).hasValue(1);
    }
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
