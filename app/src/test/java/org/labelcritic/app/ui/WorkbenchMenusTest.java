package org.labelcritic.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.app.ui.team.ReviewerSettings;
import org.labelcritic.model.domain.Reviewer;
import org.labelcritic.model.store.Store;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The menu entries the workbench wires from the team and cell packages open what they name, and the
 * reviewer's name is asked for once and then reused.
 */
class WorkbenchMenusTest {
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
    store = TestStores.demo(dir);
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
  }

  @AfterEach
  void close() throws Exception {
    robot.interact(
        () ->
            List.copyOf(Window.getWindows()).stream()
                .filter(w -> w != window.scene().getWindow() && w instanceof Stage)
                .forEach(Window::hide));
    FxToolkit.cleanupStages();
    io.shutdownNow();
    io.awaitTermination(5, TimeUnit.SECONDS);
    store.close();
  }

  private void signIn() throws Exception {
    WaitForAsyncUtils.asyncFx(() -> window.startReviewing("tester", "m"))
        .get(10, TimeUnit.SECONDS)
        .get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** A shown window other than the main one whose scene holds a node with this id. */
  private Optional<Node> inOtherWindow(String id) {
    return List.copyOf(Window.getWindows()).stream()
        .filter(w -> w.isShowing() && w != window.scene().getWindow() && w.getScene() != null)
        .map(w -> w.getScene().lookup("#" + id))
        .filter(n -> n != null)
        .findFirst();
  }

  private List<String> menuIds(String menuText) {
    MenuBar bar = (MenuBar) window.scene().lookup("#menu-bar");
    return bar.getMenus().stream()
        .filter(m -> m.getText().equals(menuText))
        .flatMap(m -> m.getItems().stream())
        .map(MenuItem::getId)
        .filter(id -> id != null)
        .toList();
  }

  /** The title of the menu bar's menu with this text (a Labeled made by the menu bar's skin). */
  private Labeled menuTitle(String text) {
    MenuBar bar = (MenuBar) window.scene().lookup("#menu-bar");
    return bar.lookupAll(".menu").stream()
        .filter(n -> n instanceof Labeled l && text.equals(l.getText()))
        .map(Labeled.class::cast)
        .findFirst()
        .orElseThrow();
  }

  /**
   * JavaFX's menu bar remembers the last title the mouse passed over and opens that menu on the
   * next Down key, even after the mouse has left the bar; a reviewer who crosses the bar on the way
   * to the viewer and scrolls with the arrow keys must not get a menu instead. Clicking a title and
   * moving between open menus still work.
   */
  @Test
  void crossingTheMenuBarWithTheMouseLeavesTheArrowKeysToTheWorkbench() throws Exception {
    signIn();
    I18n i18n = new I18n(I18n.bundle(Locale.ROOT));
    MenuBar bar = (MenuBar) window.scene().lookup("#menu-bar");
    Labeled review = menuTitle(i18n.text("menu.review"));
    robot.moveTo(menuTitle(i18n.text("menu.file")));
    robot.moveTo(review);
    robot.moveTo("#viewer-holder");
    robot.type(KeyCode.DOWN);
    robot.type(KeyCode.UP);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(bar.getMenus()).noneMatch(Menu::isShowing);

    robot.clickOn(review);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(bar.getMenus().stream().filter(Menu::isShowing).map(Menu::getText))
        .containsExactly(i18n.text("menu.review"));
    robot.moveTo(menuTitle(i18n.text("menu.view")));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(bar.getMenus().stream().filter(Menu::isShowing).map(Menu::getText))
        .containsExactly(i18n.text("menu.view"));
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(bar.getMenus()).noneMatch(Menu::isShowing);
  }

  @Test
  void theMenusHoldTheDashboardReportReviewerAndCellEntries() throws Exception {
    I18n i18n = new I18n(I18n.bundle(Locale.ROOT));
    assertThat(menuIds(i18n.text("menu.file"))).contains("menu-report", "menu-reviewer-name");
    assertThat(menuIds(i18n.text("menu.view"))).contains("menu-dashboard");
    assertThat(menuIds(i18n.text("menu.review"))).contains("menu-cells-review", "menu-cells-grid");
  }

  @Test
  void ctrlDOpensTheDashboardInItsOwnStage() throws Exception {
    signIn();
    robot.push(KeyCode.CONTROL, KeyCode.D);
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> inOtherWindow("dashboard-mix").isPresent());
  }

  @Test
  void theReportActionWritesTheDatasetReport() throws Exception {
    signIn();
    Path out = dir.resolve("report.html");
    window.team().writeReport(out).get(20, TimeUnit.SECONDS);
    assertThat(out).exists();
    assertThat(Files.readString(out)).contains("<html");
  }

  @Test
  void theCellEntriesOpenTheFormCellAndGridPanesOnceSignedIn() throws Exception {
    robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(inOtherWindow("cell-review")).as("not signed in: disabled").isEmpty();

    signIn();
    robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> inOtherWindow("cell-review").isPresent());
    // The form-cell stage has the keyboard now; the grid is opened from the main window's menu.
    robot.interact(
        () ->
            window.actions().stream()
                .filter(a -> a.id().equals("cells-grid"))
                .findFirst()
                .orElseThrow()
                .fire());
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> inOtherWindow("cell-grid").isPresent());
  }

  @Test
  void theReviewerNameIsAskedForOnceAndThenReused() throws Exception {
    ReviewerSettings settings = new ReviewerSettings(dir.resolve("data"));
    robot.interact(() -> window.startReviewingAsSavedReviewer(settings, "suggested", "m"));
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> inOtherWindow("reviewer-name").isPresent());
    TextField field = (TextField) inOtherWindow("reviewer-name").orElseThrow();
    assertThat(field.getText()).isEqualTo("suggested");
    robot.interact(() -> field.setText("Ana Lima"));
    robot.clickOn(inOtherWindow("reviewer-name-ok").orElseThrow());
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> {
          Reviewer r = window.review().reviewerProperty().get();
          return r != null && r.name().equals("Ana Lima");
        });
    assertThat(settings.name()).contains("Ana Lima");

    // A later start reuses it without asking.
    robot.interact(() -> window.startReviewingAsSavedReviewer(settings, "other", "m"));
    Thread.sleep(500);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(inOtherWindow("reviewer-name")).isEmpty();
    assertThat(window.review().reviewerProperty().get().name()).isEqualTo("Ana Lima");
  }
}
