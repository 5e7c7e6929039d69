package org.labelcritic.app.ui.cells;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.app.ui.I18n;
import org.labelcritic.model.codes.CellTask;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.store.Store;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Grid mode: type only into the wrong cells, Enter accepts the page. */
class CellGridPaneTest {
  @TempDir static Path dir;
  static Store store;
  ExecutorService io;
  CellGridPane pane;
  final FxRobot robot = new FxRobot();

  @BeforeAll
  static void data() throws Exception {
    FxToolkit.registerPrimaryStage();
    store = DemoCells.create(dir, 400);
  }

  @BeforeEach
  void open() throws Exception {
    io = Executors.newSingleThreadExecutor();
    FxToolkit.setupStage(
        stage -> {
          pane =
              new CellGridPane(
                  new CellGridViewModel(
                      store, io, Platform::runLater, new I18n(I18n.bundle(Locale.ROOT)), "lee", 4),
                  new I18n(I18n.bundle(Locale.ROOT)));
          stage.setScene(new Scene(pane, 1280, 720));
          stage.show();
          pane.load();
        });
    CellReviewPaneTest.waitUntil(() -> !pane.viewModel().cells().isEmpty());
  }

  @AfterEach
  void close() throws Exception {
    FxToolkit.cleanupStages();
    io.shutdown();
    io.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void enterAcceptsThePageBlanksKeepThePredictedCodeAndTypedCodesBecomeEdits() throws Exception {
    List<GridCell> page = List.copyOf(pane.viewModel().cells());
    CellReviewPaneTest.waitUntil(
        () -> page.stream().allMatch(c -> c.imageProperty().get() != null));
    assertThat(Snapshots.write(pane.getScene(), "cells-grid.png")).isRegularFile();
    String predicted = page.getFirst().task().predictedCode();
    assertThat(page).allMatch(c -> c.task().predictedCode().equals(predicted));
    assertThat(robot.lookup("#cell-grid-title").queryAs(Label.class).getText())
        .startsWith("Predicted " + predicted);
    long before = store.reviews().count();
    String typed = predicted.equals("399") ? "507" : "399";

    robot.type(KeyCode.TAB); // from the first field to the second
    robot.write(typed);
    robot.type(KeyCode.ENTER);
    CellReviewPaneTest.waitUntil(
        () ->
            !pane.viewModel().cells().isEmpty()
                && pane.viewModel().cells().getFirst() != page.getFirst());

    assertThat(store.reviews().count()).isEqualTo(before + page.size());
    for (int i = 0; i < page.size(); i++) {
      CellTask t = page.get(i).task();
      Decision d = store.reviews().history(t.item().id(), t.structureId()).getLast();
      assertThat(d.timeSpentMillis())
          .as("the page's review time, shared by its cells")
          .isPositive();
      if (i == 1) {
        assertThat(d.action()).isInstanceOf(DecisionAction.Edit.class);
      } else {
        assertThat(d.action())
            .as(t.item().externalId())
            .isEqualTo(new DecisionAction.Accept(t.candidates().get(t.best()).id()));
      }
    }
  }

  @Test
  void aBadTypedCodeRefusesThePageAndNamesTheCell() throws Exception {
    List<GridCell> page = List.copyOf(pane.viewModel().cells());
    long before = store.reviews().count();

    robot.write("4x");
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(store.reviews().count()).isEqualTo(before);
    assertThat(pane.viewModel().cells()).containsExactlyElementsOf(page);
    assertThat(robot.lookup("#cell-grid-message").queryAs(Label.class).getText())
        .contains(page.getFirst().task().item().externalId())
        .contains("'4x'");
  }
}
