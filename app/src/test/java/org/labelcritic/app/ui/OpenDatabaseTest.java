package org.labelcritic.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.store.Store;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opening another database replaces the viewer: its keys and its View menu entries then act on the
 * new viewer, not on the one that was closed.
 */
class OpenDatabaseTest {
  @TempDir Path dir;
  Store first;
  ExecutorService io;
  MainWindow window;
  final List<RecordingViewer> made = new CopyOnWriteArrayList<>();
  final FxRobot robot = new FxRobot();

  @BeforeAll
  static void platform() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void close() throws Exception {
    FxToolkit.cleanupStages();
    if (window != null) {
      window.close();
    }
    io.shutdownNow();
    io.awaitTermination(5, TimeUnit.SECONDS);
    first.close();
  }

  @Test
  void afterOpeningAnotherDatabaseTheViewerKeysAndMenuActOnTheNewViewer() throws Exception {
    first = TestStores.demo(Files.createDirectories(dir.resolve("a")));
    Path second = dir.resolve("b");
    TestStores.demo(Files.createDirectories(second)).close();
    io = Executors.newFixedThreadPool(2);
    window =
        WaitForAsyncUtils.asyncFx(
                () ->
                    new MainWindow(
                        first,
                        io,
                        I18n.bundle(Locale.ROOT),
                        Platform::runLater,
                        new TestDialogs(() -> window.scene().getWindow()),
                        s -> {
                          RecordingViewer v = new RecordingViewer(s);
                          made.add(v);
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
    WaitForAsyncUtils.asyncFx(window::reload).get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);

    robot.interact(() -> window.openDatabase(second.resolve("demo.db")));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> made.size() == 2);
    WaitForAsyncUtils.waitForFxEvents();
    RecordingViewer old = made.get(0);
    RecordingViewer now = made.get(1);

    robot.type(KeyCode.W);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(now.sideBySide).as("the key reaches the new viewer").isEqualTo(1);
    assertThat(old.sideBySide).isZero();

    MenuBar bar = (MenuBar) window.scene().lookup("#menu-bar");
    MenuItem entry =
        bar.getMenus().stream()
            .filter(m -> m.getText().equals(new I18n(I18n.bundle(Locale.ROOT)).text("menu.view")))
            .map(Menu::getItems)
            .flatMap(List::stream)
            .filter(i -> "Side by side".equals(i.getText()))
            .findFirst()
            .orElseThrow();
    robot.interact(entry::fire);
    assertThat(now.sideBySide).as("the menu entry reaches the new viewer").isEqualTo(2);
    assertThat(old.sideBySide).isZero();
  }
}
