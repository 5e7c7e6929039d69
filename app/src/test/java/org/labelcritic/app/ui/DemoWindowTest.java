package org.labelcritic.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.app.AppDirectories;
import org.labelcritic.app.cli.CliContext;
import org.labelcritic.app.cli.Console;
import org.labelcritic.app.cli.LcwCommand;
import org.labelcritic.app.demo.DemoInstaller;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.QueueRow;
import org.labelcritic.model.store.Store;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** What a user sees on first start: the main window on the installed demo dataset, headless. */
class DemoWindowTest {
  /** Kept after the build so a person can look at it. */
  static final Path KEPT = Path.of("target/screenshots/demo-main-window.png");

  @TempDir static Path data;
  static Path database;

  @TempDir Path dir;
  Store store;
  ExecutorService io;
  MainWindow window;
  final FxRobot robot = new FxRobot();

  @BeforeAll
  static void installTheDemo() throws Exception {
    FxToolkit.registerPrimaryStage();
    database =
        new DemoInstaller(new AppDirectories(data)).ensureInstalled(Progress.none()).database();
  }

  @BeforeEach
  void open() throws Exception {
    store = Store.open(database);
    io = Executors.newSingleThreadExecutor();
    window =
        WaitForAsyncUtils.asyncFx(() -> new MainWindow(store, io, I18n.bundle(Locale.ROOT)))
            .get(10, TimeUnit.SECONDS);
    FxToolkit.setupStage(
        stage -> {
          stage.setScene(window.scene());
          stage.titleProperty().bind(window.title());
          stage.show();
        });
    WaitForAsyncUtils.asyncFx(window::reload).get(10, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterEach
  void close() throws Exception {
    FxToolkit.cleanupStages();
    io.shutdownNow();
    store.close();
  }

  @Test
  void theQueueListsTheDemosScansAndCellsInTheStoresOrder() throws Exception {
    TableView<QueueRow> table = robot.lookup("#queue-table").queryTableView();

    assertThat(table.getItems())
        .containsExactlyElementsOf(store.queries().queue(QueueViewModel.DEFAULT_LIMIT));
    Set<String> scans =
        table.getItems().stream()
            .filter(r -> r.kind() == ItemKind.VOLUME)
            .map(QueueRow::itemName)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(scans).containsExactly("aorta-crop", "example-ct", "example-ct-sm");
    Set<String> cells =
        table.getItems().stream()
            .filter(r -> r.kind() == ItemKind.CELL)
            .map(QueueRow::itemName)
            .collect(Collectors.toSet());
    assertThat(cells).hasSize(5000).allMatch(name -> name.startsWith("cell-"));
    assertThat(table.getSelectionModel().getSelectedIndex()).isZero();
  }

  @Test
  void theStatusBarAndTitleNameTheDemoDataset() {
    StatusBar bar = robot.lookup("#status-bar").queryAs(StatusBar.class);
    assertThat(bar.getText()).startsWith("5,003 items · ").endsWith(" · no decisions");
    assertThat(robot.lookup("#status-dataset").queryAs(Label.class).getText())
        .isEqualTo("LabelCritic demo");
    assertThat(((Stage) window.scene().getWindow()).getTitle()).contains("LabelCritic demo");
  }

  @Test
  void rendersTheDemoWindowIntoA1280By800Png() throws Exception {
    Path out = dir.resolve("demo-main-window.png");

    ScreenshotRenderer.render(store, out);

    assertLooksLikeTheWindow(out);
    Files.createDirectories(KEPT.getParent());
    Files.copy(out, KEPT, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void theScreenshotCommandWritesTheSameAndLeavesJavaFxRunning() throws Exception {
    Path out = dir.resolve("cli/shot.png");
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    Console console = new Console(new PrintWriter(stdout), new PrintWriter(stderr));

    int code =
        LcwCommand.run(
            new CliContext(console, new AppDirectories(dir)),
            "screenshot",
            "--db",
            database.toString(),
            "--out",
            out.toString());

    assertThat(code).as(stderr.toString()).isZero();
    assertThat(stdout.toString().strip()).isEqualTo("Wrote " + out.toAbsolutePath());
    assertLooksLikeTheWindow(out);
    // Later FX tests share this JVM: the command must not have shut the platform down.
    assertThat(WaitForAsyncUtils.asyncFx(() -> "alive").get(5, TimeUnit.SECONDS))
        .isEqualTo("alive");
  }

  private static void assertLooksLikeTheWindow(Path png) throws Exception {
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(image.getHeight()).isEqualTo(800);
    assertThat(ScreenshotRendererTest.distinctColours(image)).isGreaterThan(200);
  }
}
