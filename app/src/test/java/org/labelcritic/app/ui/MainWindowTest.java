package org.labelcritic.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.domain.ReviewStatus;
import org.labelcritic.model.store.QueueRow;
import org.labelcritic.model.store.Store;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The main window as a user meets it, headless: queue, filters, keys, selection, errors. */
class MainWindowTest {
  @TempDir Path dir;
  Store store;
  ExecutorService io;
  MainWindow window;
  final FxRobot robot = new FxRobot();
  TestDialogs dialogs;
  RecordingViewer viewer;

  @BeforeAll
  static void platform() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void open() throws Exception {
    store = TestStores.demo(dir);
    io = Executors.newSingleThreadExecutor();
    dialogs = new TestDialogs(() -> window.scene().getWindow());
    viewer = new RecordingViewer(store);
    window =
        WaitForAsyncUtils.asyncFx(
                () ->
                    new MainWindow(
                        store,
                        io,
                        I18n.bundle(Locale.ROOT),
                        Platform::runLater,
                        dialogs,
                        s -> viewer,
                        null,
                        MainWindow.DEFAULT_WIDTH,
                        MainWindow.DEFAULT_HEIGHT))
            .get(10, TimeUnit.SECONDS);
    FxToolkit.setupStage(
        stage -> {
          stage.setScene(window.scene());
          stage.show();
        });
    WaitForAsyncUtils.asyncFx(window::reload).get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterEach
  void close() throws Exception {
    FxToolkit.cleanupStages();
    io.shutdownNow();
    store.close();
  }

  TableView<QueueRow> table() {
    return robot.lookup("#queue-table").queryTableView();
  }

  @Test
  void listsTheStoresQueueWithTheFirstRowSelected() throws Exception {
    assertThat(table().getItems())
        .containsExactlyInAnyOrderElementsOf(store.queries().queue(1000))
        .isSortedAccordingTo(QueueOrder.PRIORITY.comparator());
    assertThat(table().getSelectionModel().getSelectedIndex()).isZero();
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.verdict().readyProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#verdict-title").queryAs(Label.class).getText())
        .isEqualTo("case-002 · aorta");
    assertThat(robot.lookup("#verdict-preferred").queryAs(Label.class).getText())
        .isEqualTo("Single candidate (totalseg): P(good) 0.41");
    QueueRow first = table().getItems().getFirst();
    assertThat(viewer.calls).contains("show " + first.itemId() + "/" + first.structureId());
    StatusBar bar = robot.lookup("#status-bar").queryAs(StatusBar.class);
    assertThat(bar.getText()).isEqualTo("6 items · 21 candidates · 2 decisions");
    assertThat(robot.lookup("#status-dataset").queryAs(Label.class).getText())
        .isEqualTo("abdomen-demo");
    assertThat(robot.lookup("#status-progress").query().isVisible()).isFalse();
  }

  @Test
  void theStatusFilterNarrowsTheRows() {
    ChoiceBox<Optional<ReviewStatus>> choice = robot.lookup("#queue-filter-status").query();
    robot.interact(() -> choice.getSelectionModel().select(Optional.of(ReviewStatus.UNSURE)));
    assertThat(table().getItems())
        .extracting(QueueRow::structure)
        .containsExactly("aorta", "occupation_code", "pancreas");
    assertThat(table().getSelectionModel().getSelectedItem().structure()).isEqualTo("aorta");
  }

  @Test
  void typingInTheTextFilterNarrowsTheRows() {
    robot.clickOn("#queue-filter-text").write("liver");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(table().getItems())
        .extracting(QueueRow::itemName)
        .containsExactly("case-002", "case-001");
  }

  @Test
  void arrowKeysMoveThroughTheQueue() {
    robot.interact(() -> table().requestFocus());
    robot.type(KeyCode.DOWN, 2);
    assertThat(table().getSelectionModel().getSelectedIndex()).isEqualTo(2);
    assertThat(window.queue().selectedProperty().get().structure()).isEqualTo("pancreas");
    robot.type(KeyCode.UP);
    assertThat(window.queue().selectedProperty().get().itemName()).isEqualTo("cell-0002");
  }

  @Test
  void aBackgroundReloadKeepsTheSelectedRow() throws Exception {
    robot.interact(() -> table().getSelectionModel().select(4));
    QueueRow chosen = table().getSelectionModel().getSelectedItem();
    WaitForAsyncUtils.asyncFx(window::reload).get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(RowKey.of(table().getSelectionModel().getSelectedItem()))
        .isEqualTo(RowKey.of(chosen));
  }

  @Test
  void theOrderChoiceReordersTheRowsAndKeepsTheSelection() {
    ChoiceBox<QueueOrder> order = robot.lookup("#queue-order").query();
    QueueRow selected = window.queue().selectedProperty().get();
    robot.interact(() -> order.setValue(QueueOrder.CONFIDENCE));
    List<Double> shown =
        table().getItems().stream()
            .map(r -> r.confidence().isPresent() ? r.confidence().getAsDouble() : -1)
            .toList();
    assertThat(shown).isSorted();
    assertThat(shown.getLast()).isEqualTo(1.0);
    robot.interact(() -> order.setValue(QueueOrder.ITEM));
    assertThat(table().getItems().getFirst().structure()).isEqualTo("liver");
    assertThat(table().getSelectionModel().getSelectedItem()).isEqualTo(selected);
  }

  @Test
  void f1OpensTheKeysDialogListingEveryAction() throws Exception {
    robot.push(KeyCode.F1);
    WaitForAsyncUtils.waitForFxEvents();
    GridPane grid = robot.lookup("#keys-grid").queryAs(GridPane.class);
    List<String> texts = grid.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    for (Action action : window.actions()) {
      assertThat(texts).contains(action.label());
    }
    // The viewer's own actions are listed too.
    assertThat(texts).contains("Side by side");
    assertThat(robot.lookup("#keys-keys").queryAs(Label.class).getText()).isEqualTo("F1");
    // Kept for a person to look at, like the main window screenshot.
    var shot = robot.capture(robot.lookup("#keys-dialog").<javafx.scene.Node>query()).getImage();
    java.awt.image.BufferedImage image = javafx.embed.swing.SwingFXUtils.fromFXImage(shot, null);
    java.nio.file.Path out = java.nio.file.Path.of("target/screenshots/keys-dialog.png");
    java.nio.file.Files.createDirectories(out.getParent());
    javax.imageio.ImageIO.write(image, "png", out.toFile());
  }

  @Test
  void aLoadErrorIsShownInTheStatusBarAndAsANotification() throws Exception {
    store.close();
    var done = WaitForAsyncUtils.asyncFx(window::reload).get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, done::isDone);
    WaitForAsyncUtils.waitForFxEvents();
    StatusBar bar = robot.lookup("#status-bar").queryAs(StatusBar.class);
    assertThat(bar.getText()).contains("demo.db").doesNotContain("at org.");
    assertThat(dialogs.notified).hasSize(1).first().asString().contains("demo.db");
    store = Store.open(dir.resolve("demo.db"));
  }
}
