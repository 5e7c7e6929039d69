package org.labelcritic.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.app.AppDirectories;
import org.labelcritic.app.demo.DemoInstaller;
import org.labelcritic.app.ui.viewer.VolumeViewer;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.QueueRow;
import org.labelcritic.model.store.Store;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window with the real volume viewer on the demo's scans: an edit with the brush, Ctrl+Z
 * and Ctrl+Y through the window's keys, then Ctrl+S saves it as an EDIT decision.
 */
class VolumeEditWorkflowTest {
  @TempDir Path data;
  Store store;
  ExecutorService io;
  MainWindow window;
  final AtomicReference<VolumeViewer> viewer = new AtomicReference<>();
  final FxRobot robot = new FxRobot();

  @BeforeAll
  static void platform() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void open() throws Exception {
    Path db =
        new DemoInstaller(new AppDirectories(data)).ensureInstalled(Progress.none()).database();
    store = Store.open(db);
    io = Executors.newFixedThreadPool(2);
    I18n i18n = new I18n(I18n.bundle(Locale.ROOT));
    window =
        WaitForAsyncUtils.asyncFx(
                () ->
                    new MainWindow(
                        store,
                        io,
                        I18n.bundle(Locale.ROOT),
                        Platform::runLater,
                        new TestDialogs(() -> window.scene().getWindow()),
                        s -> {
                          VolumeViewer v = VolumeViewer.create(s, io, io, i18n);
                          viewer.set(v);
                          return v;
                        },
                        null,
                        MainWindow.DEFAULT_WIDTH,
                        MainWindow.DEFAULT_HEIGHT))
            .get(10, TimeUnit.SECONDS);
    FxToolkit.setupStage(
        stage -> {
          stage.setScene(window.scene());
          stage.show();
        });
    WaitForAsyncUtils.asyncFx(window::reload).get(10, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
    WaitForAsyncUtils.asyncFx(() -> window.startReviewing("tester", "test-machine"))
        .get(10, TimeUnit.SECONDS)
        .get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterEach
  void close() throws Exception {
    FxToolkit.cleanupStages();
    io.shutdownNow();
    io.awaitTermination(5, TimeUnit.SECONDS);
    store.close();
  }

  @Test
  void aBrushEditWithUndoAndRedoIsSavedAsAnEditDecisionWithItsMaskFile() throws Exception {
    QueueRow row =
        window.queue().rows().stream()
            .filter(r -> r.kind() == ItemKind.VOLUME && r.itemName().equals("example-ct-sm"))
            .findFirst()
            .orElseThrow();
    robot.interact(() -> window.queue().select(row));
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () -> window.verdict().loadedFor(RowKey.of(row)) && viewer.get().viewModel().ready());
    WaitForAsyncUtils.waitForFxEvents();
    long before = store.reviews().count();

    robot.type(KeyCode.E);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window.review().editingProperty().get()).isTrue();
    assertThat(viewer.get().editing()).isTrue();
    long start = viewer.get().viewModel().editedCount();

    robot.drag("#viewer-large", MouseButton.PRIMARY).moveBy(40, 20).release(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    long painted = viewer.get().viewModel().editedCount();
    assertThat(painted).isNotEqualTo(start);

    robot.push(KeyCode.CONTROL, KeyCode.Z);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(viewer.get().viewModel().editedCount()).isEqualTo(start);
    robot.push(KeyCode.CONTROL, KeyCode.Y);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(viewer.get().viewModel().editedCount()).isEqualTo(painted);

    robot.push(KeyCode.CONTROL, KeyCode.S);
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () -> store.reviews().count() == before + 1 && !window.review().committingProperty().get());

    long tester = store.reviews().reviewer("tester").id();
    Decision d = store.reviews().current(row.itemId(), row.structureId(), tester).orElseThrow();
    assertThat(d.action()).isInstanceOf(DecisionAction.Edit.class);
    long made = ((DecisionAction.Edit) d.action()).newCandidateId();
    Candidate c =
        store.queries().candidates(row.itemId(), row.structureId()).stream()
            .filter(k -> k.id() == made)
            .findFirst()
            .orElseThrow();
    Path mask = Path.of(((CandidateLabel.Mask) c.label()).file().path());
    assertThat(mask).exists();
    assertThat(Files.size(mask)).isPositive();
  }
}
