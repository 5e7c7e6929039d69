package org.labelcritic.app.ui.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.PieChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.app.ui.I18n;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.store.Store;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dashboard as a user sees it, headless: charts and table filled from the store, new decisions
 * show up on the next poll. Also writes a screenshot (to {@code target/}, and to the folder named
 * by {@code -Dlcw.screenshots=...} when given, which is how docs/screenshots/dashboard.png is
 * made).
 */
class DashboardViewTest {
  @TempDir Path dir;
  Store store;
  ExecutorService io;
  DashboardViewModel vm;
  Scene scene;
  final FxRobot robot = new FxRobot();

  @BeforeAll
  static void platform() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void open() throws Exception {
    store = TeamStores.reviewed(dir);
    io = Executors.newSingleThreadExecutor();
    I18n i18n = new I18n(I18n.bundle(Locale.ROOT));
    vm = new DashboardViewModel(i18n, store, io, Platform::runLater);
    Parent root =
        WaitForAsyncUtils.asyncFx(() -> DashboardView.create(vm, i18n)).get(10, TimeUnit.SECONDS);
    FxToolkit.setupStage(
        stage -> {
          scene = new Scene(root, 1400, 900);
          stage.setScene(scene);
          stage.show();
        });
    vm.refresh().get(20, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterEach
  void close() throws Exception {
    FxToolkit.cleanupStages();
    io.shutdownNow();
    store.close();
  }

  @Test
  void everyChartAndTheTableShowTheStatistics() throws Exception {
    LineChart<?, ?> accuracy = robot.lookup("#dashboard-accuracy").queryAs(LineChart.class);
    PieChart mix = robot.lookup("#dashboard-mix").queryAs(PieChart.class);
    BarChart<?, ?> agreement = robot.lookup("#dashboard-agreement").queryAs(BarChart.class);
    BarChart<?, ?> gold = robot.lookup("#dashboard-gold").queryAs(BarChart.class);
    BarChart<?, ?> time = robot.lookup("#dashboard-time").queryAs(BarChart.class);
    TableView<?> table = robot.lookup("#dashboard-table").queryAs(TableView.class);

    assertThat(accuracy.getData())
        .extracting(s -> s.getName())
        .contains("liver", "pancreas", "all");
    assertThat(mix.getData())
        .extracting(PieChart.Data::getName)
        .contains("Accepted (23)", "Auto-accepted (9)");
    assertThat(agreement.getData().getFirst().getData()).isNotEmpty();
    assertThat(gold.getData().getFirst().getData()).hasSize(2);
    assertThat(time.getData().getFirst().getData()).hasSize(2);
    assertThat(table.getItems()).hasSizeGreaterThan(20);
    assertThat(robot.lookup("#dashboard-updated").queryAs(Label.class).getText())
        .contains("24 of 36 units reviewed");

    writeScreenshot();
  }

  @Test
  void aDecisionMadeWhileTheDashboardIsOpenShowsUpOnTheNextPoll() throws Exception {
    long item =
        store.queries().queue(1000).stream()
            .filter(r -> r.itemName().equals("case-012"))
            .findFirst()
            .orElseThrow()
            .itemId();
    TeamStores.decide(
        store,
        item,
        store.structureId("liver"),
        store.reviews().reviewer("ben").id(),
        new DecisionAction.Flag(FlagReason.UNREADABLE),
        1500);
    var scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      vm.start(scheduler, java.time.Duration.ofMillis(50));
      WaitForAsyncUtils.waitFor(
          20,
          TimeUnit.SECONDS,
          () ->
              robot
                  .lookup("#dashboard-updated")
                  .queryAs(Label.class)
                  .getText()
                  .contains("25 of 36 units reviewed"));
    } finally {
      vm.stop();
      scheduler.shutdownNow();
    }
    PieChart mix = robot.lookup("#dashboard-mix").queryAs(PieChart.class);
    assertThat(mix.getData()).extracting(PieChart.Data::getName).contains("Flagged (2)");
  }

  private void writeScreenshot() throws Exception {
    WritableImage image =
        WaitForAsyncUtils.asyncFx(
                () -> {
                  scene.getRoot().applyCss();
                  scene.getRoot().layout();
                  return scene.snapshot(null);
                })
            .get(20, TimeUnit.SECONDS);
    BufferedImage argb = SwingFXUtils.fromFXImage(image, null);
    BufferedImage rgb =
        new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
    rgb.createGraphics().drawImage(argb, 0, 0, null);
    Path out = Path.of("target", "dashboard.png");
    Files.createDirectories(out.getParent());
    assertThat(ImageIO.write(rgb, "png", out.toFile())).isTrue();
    assertThat(Files.size(out)).isGreaterThan(20_000);
    String docs = System.getProperty("lcw.screenshots");
    if (docs != null && !docs.isBlank()) {
      Files.createDirectories(Path.of(docs));
      ImageIO.write(rgb, "png", Path.of(docs, "dashboard.png").toFile());
    }
  }
}
