package org.labelcritic.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.critic.CodeCritic;
import org.labelcritic.model.critic.CodeRouting;
import org.labelcritic.model.critic.onnx.OnnxPairModel;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.store.ImportWriter;
import org.labelcritic.model.store.NewVerdict;
import org.labelcritic.model.store.Store;
import org.labelcritic.model.worker.CodeScorer;
import org.labelcritic.model.worker.ItemScorer;
import org.labelcritic.model.worker.ScoringTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The FX thread is never kept 100 ms or more by store, file or database work while a reviewer moves
 * quickly through a queue of 3,000 rows and decides some, with the quality worker scoring in the
 * background and the queue following its verdicts live (checked by {@link FxPulseWatchdog}, which
 * samples the FX thread's stack while a heartbeat waits).
 */
class FxResponsivenessTest {
  private static final Logger LOG = LoggerFactory.getLogger(FxResponsivenessTest.class);
  private static final int CELLS = 3000;

  @TempDir Path dir;
  Store store;
  ExecutorService io;
  MainWindow window;
  final FxRobot robot = new FxRobot();

  @BeforeAll
  static void platform() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void open() throws Exception {
    store = Store.open(dir.resolve("cells.db"), "cells");
    long code = store.structureId("occupation_code");
    long a = store.sourceId("reader-a", SourceKind.MODEL, "1");
    long b = store.sourceId("reader-b", SourceKind.MODEL, "1");
    store
        .writer()
        .inTransaction(
            batch -> {
              List<ImportWriter.NewItem> items = new ArrayList<>();
              for (int i = 0; i < CELLS; i++) {
                items.add(
                    new ImportWriter.NewItem(
                        ItemKind.CELL,
                        String.format(Locale.ROOT, "cell-%05d", i),
                        new FileRef("/cells/" + i + ".png", 100, "ab"),
                        null,
                        null));
              }
              List<ImportWriter.NewCandidate> cands = new ArrayList<>();
              var results = batch.items(items);
              for (int i = 0; i < CELLS; i++) {
                long id = results.get(i).id();
                String c = Integer.toString(100 + i % 700);
                String other = i % 5 == 0 ? Integer.toString(101 + i % 700) : c;
                cands.add(
                    new ImportWriter.NewCandidate(
                        id,
                        code,
                        a,
                        new CandidateLabel.Code(c, 0.5 + (i % 50) / 100.0, List.of())));
                cands.add(
                    new ImportWriter.NewCandidate(
                        id, code, b, new CandidateLabel.Code(other, 0.7, List.of())));
              }
              batch.candidates(cands);
              return null;
            });
    io = Executors.newFixedThreadPool(2);
    window =
        WaitForAsyncUtils.asyncFx(
                () ->
                    new MainWindow(
                        store,
                        io,
                        I18n.bundle(Locale.ROOT),
                        Platform::runLater,
                        new TestDialogs(() -> window.scene().getWindow()),
                        null,
                        s ->
                            List.of(
                                new QualityWorkerRunner.Scoring(
                                    new SlowScorer(
                                        CodeScorer.forStore(
                                            s,
                                            new CodeCritic(CodeRouting.withoutTrainingCodes()),
                                            null)),
                                    OnnxPairModel.Provider.CPU,
                                    "test")),
                        MainWindow.DEFAULT_WIDTH,
                        MainWindow.DEFAULT_HEIGHT))
            .get(10, TimeUnit.SECONDS);
    FxToolkit.setupStage(
        stage -> {
          stage.setScene(window.scene());
          stage.show();
        });
    WaitForAsyncUtils.asyncFx(window::reload).get(10, TimeUnit.SECONDS).get(20, TimeUnit.SECONDS);
  }

  @AfterEach
  void close() throws Exception {
    window.worker().close();
    FxToolkit.cleanupStages();
    io.shutdownNow();
    io.awaitTermination(5, TimeUnit.SECONDS);
    store.close();
  }

  /**
   * The code critic, made slow enough (25 ms a cell, waiting rather than spinning, so that the test
   * measures our code and not a starved CPU) that the worker is still storing verdicts, batch after
   * batch, all through the test.
   */
  record SlowScorer(ItemScorer inner) implements ItemScorer {
    @Override
    public ItemKind kind() {
      return inner.kind();
    }

    @Override
    public String critic() {
      return inner.critic();
    }

    @Override
    public String modelVersion() {
      return inner.modelVersion();
    }

    @Override
    public List<NewVerdict> score(ScoringTask task) throws LabelCriticException {
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LabelCriticException("interrupted");
      }
      return inner.score(task);
    }
  }

  @Test
  void theFxThreadNeverStallsWhileNavigatingFastWithTheWorkerBusy() throws Exception {
    WaitForAsyncUtils.asyncFx(() -> window.startReviewing("tester", "test"))
        .get(10, TimeUnit.SECONDS)
        .get(10, TimeUnit.SECONDS);
    try (FxPulseWatchdog watchdog =
        FxPulseWatchdog.start(Duration.ofMillis(5), Duration.ofMillis(100))) {
      // Warm up (class loading, JIT, first layouts) before measuring.
      robot.type(KeyCode.RIGHT, 20);
      WaitForAsyncUtils.waitForFxEvents();
      watchdog.reset();
      long verdictsBefore = store.verdicts().count();
      List<ReviewViewModel.Timing> timings = new ArrayList<>();

      for (int round = 0; round < 10; round++) {
        robot.type(KeyCode.RIGHT, 15);
        robot.type(KeyCode.LEFT, 3);
        robot.type(KeyCode.SPACE, 2);
        WaitForAsyncUtils.waitFor(
            5, TimeUnit.SECONDS, () -> window.verdict().loadedFor(window.queue().selectedKey()));
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitFor(
            5, TimeUnit.SECONDS, () -> !window.review().committingProperty().get());
        timings.add(window.review().lastTimingProperty().get());
        WaitForAsyncUtils.asyncFx(window::refreshLive).get(5, TimeUnit.SECONDS);
      }
      WaitForAsyncUtils.waitForFxEvents();

      long verdictsAfter = store.verdicts().count();
      LOG.info(
          "FX watchdog over {} heartbeats and {} pulses: longest runLater delay {} ms, longest"
              + " pulse gap {} ms, longest wait with our code on top of the FX thread {} ms, with"
              + " store or file code on it {} ms; the worker stored {} verdicts meanwhile",
          watchdog.beats(),
          watchdog.pulses(),
          watchdog.maxDelay().toMillis(),
          watchdog.maxPulseGap().toMillis(),
          watchdog.maxOwnStall().toMillis(),
          watchdog.maxStoreStall().toMillis(),
          verdictsAfter - verdictsBefore);
      List<Long> commit = timings.stream().map(t -> t.commitNanos() / 1000).sorted().toList();
      List<Long> show = timings.stream().map(t -> t.showNanos() / 1000).sorted().toList();
      LOG.info(
          "{} decisions with the worker busy: commit median {} µs (max {}), commit -> next row"
              + " shown median {} µs (max {})",
          timings.size(),
          commit.get(commit.size() / 2),
          commit.getLast(),
          show.get(show.size() / 2),
          show.getLast());
      assertThat(verdictsAfter).as("the worker was busy").isGreaterThan(verdictsBefore);
      assertThat(watchdog.beats()).isGreaterThan(10);
      // Raw waits include JavaFX layout and software rendering slowed by a busy CPU (a shared
      // build machine); store, file or database work on the FX thread must never be behind a
      // wait of 100 ms or more.
      assertThat(watchdog.maxStoreStall()).isLessThan(Duration.ofMillis(100));
      assertThat(store.reviews().count()).isEqualTo(10);
    }
  }
}
