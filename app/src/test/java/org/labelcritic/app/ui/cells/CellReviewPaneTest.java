package org.labelcritic.app.ui.cells;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.store.Store;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The one-cell review by keyboard only, checking what the database holds after each key. */
class CellReviewPaneTest {
  @TempDir static Path dir;
  static Store store;
  ExecutorService io;
  CellReviewPane pane;
  final FxRobot robot = new FxRobot();

  @BeforeAll
  static void data() throws Exception {
    FxToolkit.registerPrimaryStage();
    store = DemoCells.create(dir, 150);
  }

  @BeforeEach
  void open() throws Exception {
    if (io == null) {
      io = Executors.newSingleThreadExecutor();
    }
    I18n i18n = new I18n(I18n.bundle(Locale.ROOT));
    FxToolkit.setupStage(
        stage -> {
          pane = new CellReviewPane(store, io, i18n, "ana");
          stage.setScene(new Scene(pane, 1280, 640));
          stage.show();
          pane.load();
        });
    waitUntil(() -> pane.viewModel().currentProperty().get() != null);
    waitUntil(
        () ->
            pane.viewModel().imageProperty().get() != null
                || !pane.viewModel().imageMessageProperty().get().equals("Loading the image…"));
  }

  @AfterEach
  void close() throws Exception {
    FxToolkit.cleanupStages();
    io.shutdown();
    io.awaitTermination(10, TimeUnit.SECONDS);
    io = null;
  }

  CellTask current() {
    return pane.viewModel().currentProperty().get();
  }

  Optional<Decision> latest(CellTask t) throws Exception {
    List<Decision> h = store.reviews().history(t.item().id(), t.structureId());
    return h.isEmpty() ? Optional.empty() : Optional.of(h.getLast());
  }

  void press(KeyCode key) {
    CellTask before = current();
    robot.type(key);
    waitUntil(() -> current() != before);
  }

  @Test
  void eachKeyCommitsItsDecisionBeforeTheNextCellIsShown() throws Exception {
    long before = store.reviews().count();
    CellTask first = current();
    assertThat(Snapshots.write(pane.getScene(), "cells-review.png")).isRegularFile();
    assertThat(pane.lookupAll(".label").stream().map(n -> ((Label) n).getText()))
        .contains(first.code(first.best()).code());
    assertThat(first.routed()).isTrue();
    press(KeyCode.ENTER);
    assertThat(latest(first).orElseThrow().action())
        .isEqualTo(new DecisionAction.Accept(first.candidates().get(first.best()).id()));

    CellTask second = current();
    assertThat(second).isNotSameAs(first);
    press(KeyCode.DIGIT2);
    assertThat(latest(second).orElseThrow().action())
        .isEqualTo(new DecisionAction.Accept(second.candidates().get(1).id()));

    for (var flag :
        List.of(
            new Object[] {KeyCode.U, FlagReason.UNCERTAIN},
            new Object[] {KeyCode.X, FlagReason.UNREADABLE},
            new Object[] {KeyCode.I, FlagReason.INVALID})) {
      CellTask t = current();
      press((KeyCode) flag[0]);
      assertThat(latest(t).orElseThrow().action())
          .isEqualTo(new DecisionAction.Flag((FlagReason) flag[1]));
    }

    // A code that no candidate has, typed: a new candidate from the reviewer, then an EDIT.
    CellTask edited = current();
    String typed = unusedListedCode(edited);
    robot.type(KeyCode.E);
    robot.write(typed);
    waitForNoPopup();
    press(KeyCode.ENTER);
    Decision edit = latest(edited).orElseThrow();
    assertThat(edit.action()).isInstanceOf(DecisionAction.Edit.class);
    Candidate made =
        store.queries().candidates(edited.item().id(), edited.structureId()).stream()
            .filter(c -> c.id() == ((DecisionAction.Edit) edit.action()).newCandidateId())
            .findFirst()
            .orElseThrow();
    assertThat(((CandidateLabel.Code) made.label()).code()).isEqualTo(typed);
    assertThat(made.revision()).isEqualTo(1);
    assertThat(store.sources())
        .anyMatch(s -> s.id() == made.sourceId() && s.kind() == SourceKind.PERSON);
    assertThat(store.reviews().count()).isEqualTo(before + 6);
  }

  @Test
  void anUnknownCodeIsRefusedUntilTheCellIsFlaggedInvalid() throws Exception {
    CellTask t = current();
    long before = store.reviews().count();

    robot.type(KeyCode.E);
    robot.write("998");
    waitForNoPopup();
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(current()).isSameAs(t);
    assertThat(store.reviews().count()).isEqualTo(before);
    assertThat(robot.lookup("#cell-message").queryAs(Label.class).getText())
        .contains("'998' is not in the code list")
        .contains("Press I");

    robot.write("1");
    waitForNoPopup();
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#cell-message").queryAs(Label.class).getText())
        .contains("'9981' is not 3 characters long");
    assertThat(store.reviews().count()).isEqualTo(before);

    robot.type(KeyCode.ESCAPE);
    press(KeyCode.I);
    Decision flag = latest(t).orElseThrow();
    assertThat(flag.action()).isEqualTo(new DecisionAction.Flag(FlagReason.INVALID));
    assertThat(flag.note()).isEqualTo("9981");
  }

  @Test
  void aCellWhoseImageIsMissingSaysSoAndCanStillBeFlagged() throws Exception {
    FxToolkit.cleanupStages();
    CellTask first = firstUndecided();
    Path image = Path.of(first.item().image().path());
    Path moved = image.resolveSibling(image.getFileName() + ".gone");
    Files.move(image, moved);
    try {
      open();
      CellTask shown = current();
      assertThat(shown.item().id()).isEqualTo(first.item().id());
      assertThat(robot.lookup("#cell-image-message").queryAs(Label.class).getText())
          .contains("missing")
          .contains(image.getFileName().toString());
      assertThat(pane.viewModel().imageProperty().get()).isNull();
      press(KeyCode.X);
      assertThat(latest(shown).orElseThrow().action())
          .isEqualTo(new DecisionAction.Flag(FlagReason.UNREADABLE));
    } finally {
      Files.move(moved, image);
    }
  }

  private CellTask firstUndecided() throws Exception {
    var queue =
        org.labelcritic.model.codes.CellQueue.load(
            store,
            org.labelcritic.model.codes.CodeSidecars.codeList(store.file(), p -> {}).orElseThrow(),
            org.labelcritic.model.codes.CodeSidecars.seenCodes(store.file()));
    return queue.routedTasks().stream().filter(x -> !x.decided()).findFirst().orElseThrow();
  }

  private static String unusedListedCode(CellTask t) throws Exception {
    var list =
        org.labelcritic.model.codes.CodeSidecars.codeList(store.file(), p -> {}).orElseThrow();
    for (String c : list.asMap().keySet()) {
      if (t.candidates().stream()
          .noneMatch(x -> ((CandidateLabel.Code) x.label()).code().equals(c))) {
        return c;
      }
    }
    throw new IllegalStateException();
  }

  boolean popupShowing() {
    return robot.listWindows().stream()
        .anyMatch(w -> w.getClass().getSimpleName().equals("AutoCompletePopup") && w.isShowing());
  }

  /** Waits for the code list's suggestions to settle (they are computed in the background). */
  void waitForNoPopup() throws Exception {
    Thread.sleep(400);
    WaitForAsyncUtils.waitForFxEvents();
  }

  static void waitUntil(java.util.function.BooleanSupplier condition) {
    try {
      WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("timed out", e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }
}
