package org.labelcritic.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The watchdog sees a blocked FX thread, and tells store work from other stalls. */
class FxPulseWatchdogTest {
  @BeforeAll
  static void platform() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @Test
  void measuresAStallAndAttributesItToTheCodeThatCausedIt() throws Exception {
    try (FxPulseWatchdog w = FxPulseWatchdog.start(Duration.ofMillis(5), Duration.ofSeconds(10))) {
      WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> w.beats() > 3);
      w.reset();
      // Our own code keeps the FX thread for 300 ms: seen as a stall with our code on top.
      WaitForAsyncUtils.asyncFx(FxPulseWatchdogTest::busyFor300Ms).get(5, TimeUnit.SECONDS);
      WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> w.beats() > 3);

      assertThat(w.maxDelay()).isGreaterThanOrEqualTo(Duration.ofMillis(250));
      assertThat(w.maxOwnStall()).isGreaterThanOrEqualTo(Duration.ofMillis(250));
      assertThat(w.maxBlocked())
          .as("none of it waiting for the renderer")
          .isGreaterThanOrEqualTo(Duration.ofMillis(250));
      assertThat(w.maxStoreStall()).isZero();
    }
  }

  /**
   * A stop-the-world collection while the FX thread is kept is reported as a GC pause and taken out
   * of the block, not out of the raw delay.
   */
  @Test
  void aGcPauseIsReportedApartFromTheBlock() throws Exception {
    // A live set worth collecting, so that the full collection below takes some milliseconds.
    int[][] live = new int[400][];
    for (int i = 0; i < live.length; i++) {
      live[i] = new int[64 * 1024];
    }
    try (FxPulseWatchdog w = FxPulseWatchdog.start(Duration.ofMillis(5), Duration.ofSeconds(10))) {
      WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> w.beats() > 3);
      w.reset();
      var busy = WaitForAsyncUtils.asyncFx(FxPulseWatchdogTest::busyFor300Ms);
      Thread.sleep(100);
      System.gc(); // a full, stop-the-world collection (G1 without ExplicitGCInvokesConcurrent)
      busy.get(5, TimeUnit.SECONDS);
      WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> w.beats() > 3);

      assertThat(w.maxGcPause()).as("the collection was seen").isPositive();
      assertThat(w.maxDelay()).isGreaterThanOrEqualTo(Duration.ofMillis(250));
      assertThat(w.maxDelayLessGc())
          .as("the delay less the pause")
          .isLessThanOrEqualTo(w.maxDelay().minus(w.maxGcPause()).plusMillis(2));
      assertThat(w.maxBlocked()).isLessThanOrEqualTo(w.maxDelayLessGc());
    }
    assertThat(live[live.length - 1]).hasSize(64 * 1024);
  }

  private static void busyFor300Ms() {
    long until = System.nanoTime() + 300_000_000L;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }

  @Test
  void storeAndFileFramesCountAsStoreWork() {
    StackTraceElement store =
        new StackTraceElement("org.labelcritic.model.store.Store", "call", "Store.java", 1);
    StackTraceElement row =
        new StackTraceElement("org.labelcritic.model.store.QueueRow", "status", "QueueRow.java", 1);
    StackTraceElement fx = new StackTraceElement("javafx.scene.Parent", "layout", "Parent.java", 1);
    StackTraceElement ours =
        new StackTraceElement("org.labelcritic.app.ui.QueueTable", "follow", "QueueTable.java", 1);
    assertThat(FxPulseWatchdog.runsStoreOrFileCode(new StackTraceElement[] {fx, store})).isTrue();
    assertThat(FxPulseWatchdog.runsStoreOrFileCode(new StackTraceElement[] {fx, ours})).isFalse();
    assertThat(FxPulseWatchdog.runsStoreOrFileCode(new StackTraceElement[] {row, ours})).isFalse();
    assertThat(FxPulseWatchdog.runsOurCode(new StackTraceElement[] {ours, fx})).isTrue();
    assertThat(FxPulseWatchdog.runsOurCode(new StackTraceElement[] {fx, ours})).isFalse();
    StackTraceElement render =
        new StackTraceElement(
            "com.sun.javafx.tk.quantum.PaintCollector",
            "waitForRenderingToComplete",
            "PaintCollector.java",
            1);
    assertThat(FxPulseWatchdog.waitsForRenderer(new StackTraceElement[] {render, fx})).isTrue();
    StackTraceElement upload =
        new StackTraceElement(
            "com.sun.javafx.tk.quantum.SceneState", "lambda$uploadPixels$0", "SceneState.java", 1);
    assertThat(FxPulseWatchdog.waitsForRenderer(new StackTraceElement[] {fx, upload})).isTrue();
    assertThat(FxPulseWatchdog.waitsForRenderer(new StackTraceElement[] {fx, ours})).isFalse();
  }
}
