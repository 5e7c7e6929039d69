package org.labelcritic.app.ui.cells;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.app.ui.I18n;
import org.labelcritic.model.codes.CellTask;
import org.labelcritic.model.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Reviews 100 cells of the real demo by keyboard only and reports the keypress-to-next-cell latency
 * (written to target/cells-latency.txt and the log; measured, never asserted: timing belongs to
 * benchmarks, and this machine's load is not the user's).
 */
class KeyboardThroughputTest {
  private static final Logger LOG = LoggerFactory.getLogger(KeyboardThroughputTest.class);

  @TempDir static Path dir;
  static Store store;
  static ExecutorService io;
  final FxRobot robot = new FxRobot();

  @BeforeAll
  static void data() throws Exception {
    FxToolkit.registerPrimaryStage();
    store = DemoCells.create(dir, 700);
    io = Executors.newSingleThreadExecutor();
  }

  @AfterAll
  static void close() throws Exception {
    FxToolkit.cleanupStages();
    io.shutdown();
    io.awaitTermination(10, TimeUnit.SECONDS);
    store.close();
  }

  @Test
  void aHundredCellsByKeyboardOnly() throws Exception {
    CellReviewPane[] pane = new CellReviewPane[1];
    FxToolkit.setupStage(
        stage -> {
          pane[0] = new CellReviewPane(store, io, new I18n(I18n.bundle(Locale.ROOT)), "kim");
          stage.setScene(new Scene(pane[0], 1280, 640));
          stage.show();
          pane[0].load();
        });
    CellReviewViewModel vm = pane[0].viewModel();
    CellReviewPaneTest.waitUntil(() -> vm.currentProperty().get() != null);
    List<Long> inModel = Collections.synchronizedList(new ArrayList<>());
    vm.setLatencyListener(inModel::add);
    List<Long> endToEnd = new ArrayList<>();
    KeyCode[] keys = {KeyCode.ENTER, KeyCode.DIGIT1, KeyCode.ENTER, KeyCode.DIGIT2, KeyCode.U};
    for (int i = 0; i < 100; i++) {
      CellTask before = vm.currentProperty().get();
      assertThat(before).as("cell %d", i + 1).isNotNull();
      long t0 = System.nanoTime();
      robot.type(keys[i % keys.length]);
      CellReviewPaneTest.waitUntil(() -> vm.currentProperty().get() != before);
      endToEnd.add(System.nanoTime() - t0);
    }

    assertThat(store.reviews().count()).isEqualTo(100);
    String report =
        "keypress -> next cell, 100 cells of the demo, keyboard only\n"
            + "  commit + show (view model): "
            + summary(inModel)
            + "\n  end to end (robot key, wait for the next cell): "
            + summary(endToEnd)
            + "\n";
    LOG.info(report);
    Files.writeString(Path.of("target/cells-latency.txt"), report);
  }

  private static String summary(List<Long> nanos) {
    List<Long> s = new ArrayList<>(nanos);
    Collections.sort(s);
    return String.format(
        Locale.ROOT,
        "n=%d median %.1f ms, p90 %.1f ms, max %.1f ms",
        s.size(),
        s.get(s.size() / 2) / 1e6,
        s.get((int) (s.size() * 0.9)) / 1e6,
        s.getLast() / 1e6);
  }
}
