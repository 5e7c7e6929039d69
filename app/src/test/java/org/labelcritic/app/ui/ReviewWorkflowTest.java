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
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.ReviewStatus;
import org.labelcritic.model.domain.Reviewer;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.store.QueueRow;
import org.labelcritic.model.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A reviewer works through the test store with the keyboard, headless: accept, accept by number,
 * edit (with a recording viewer that saves edits as new candidates) with undo and redo, flag with a
 * note, navigate, reopen. Each step checks what the database holds afterwards.
 */
class ReviewWorkflowTest {
  private static final Logger LOG = LoggerFactory.getLogger(ReviewWorkflowTest.class);

  @TempDir Path dir;
  Store store;
  ExecutorService io;
  MainWindow window;
  TestDialogs dialogs;
  RecordingViewer viewer;
  Reviewer tester;
  final FxRobot robot = new FxRobot();

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
    WaitForAsyncUtils.asyncFx(() -> window.startReviewing("tester", "test-machine"))
        .get(10, TimeUnit.SECONDS)
        .get(10, TimeUnit.SECONDS);
    tester = store.reviews().reviewer("tester");
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterEach
  void close() throws Exception {
    FxToolkit.cleanupStages();
    io.shutdownNow();
    io.awaitTermination(5, TimeUnit.SECONDS);
    store.close();
  }

  QueueRow row(String item, String structure) {
    return window.queue().rows().stream()
        .filter(r -> r.itemName().equals(item) && r.structure().equals(structure))
        .findFirst()
        .orElseThrow();
  }

  /** Selects a row as a click would, and waits until its verdict is loaded. */
  void select(String item, String structure) throws Exception {
    QueueRow r = row(item, structure);
    robot.interact(() -> window.queue().select(r));
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.verdict().loadedFor(RowKey.of(r)));
    WaitForAsyncUtils.waitForFxEvents();
  }

  void awaitDecisions(long n) throws Exception {
    WaitForAsyncUtils.waitFor(
        5,
        TimeUnit.SECONDS,
        () -> store.reviews().count() == n && !window.review().committingProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  Decision latest(QueueRow r) throws Exception {
    return store.reviews().current(r.itemId(), r.structureId(), tester.id()).orElseThrow();
  }

  List<Candidate> candidates(QueueRow r) throws Exception {
    return store.queries().candidates(r.itemId(), r.structureId());
  }

  RowKey selectedKey() {
    return window.queue().selectedKey();
  }

  @Test
  void acceptACommitsTheVerdictsCandidateAThenMovesToTheNextRow() throws Exception {
    select("case-001", "pancreas");
    QueueRow pancreas = row("case-001", "pancreas");
    QueueRow after = window.queue().visibleAfter(RowKey.of(pancreas), 1);
    long before = store.reviews().count();

    robot.type(KeyCode.A);
    awaitDecisions(before + 1);

    Decision d = latest(pancreas);
    assertThat(d.action()).isEqualTo(new DecisionAction.Accept(candidates(pancreas).get(0).id()));
    assertThat(d.reviewerId()).isEqualTo(tester.id());
    assertThat(d.sessionId()).isPresent();
    assertThat(d.verdictId()).isPresent();
    assertThat(selectedKey()).isEqualTo(RowKey.of(after));
    assertThat(viewer.calls).contains("show " + after.itemId() + "/" + after.structureId());
    QueueRow next = window.queue().visibleAfter(RowKey.of(after), 1);
    assertThat(viewer.calls).contains("prefetch " + next.itemId() + "/" + next.structureId());
    // The queue shows the new status once the live update ran; the row stays where it was.
    WaitForAsyncUtils.asyncFx(window::refreshLive)
        .get(5, TimeUnit.SECONDS)
        .get(5, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(row("case-001", "pancreas").status()).isEqualTo(ReviewStatus.DECIDED);
    assertThat(window.queue().visibleAfter(RowKey.of(pancreas), 1)).isEqualTo(after);
    ReviewViewModel.Timing t = window.review().lastTimingProperty().get();
    LOG.info(
        "decision commit {} µs, commit -> next row shown {} µs",
        t.commitNanos() / 1000,
        t.showNanos() / 1000);
  }

  @Test
  void key2AcceptsCandidateBWhichTheCriticPreferred() throws Exception {
    select("case-001", "liver");
    QueueRow liver = row("case-001", "liver");
    long before = store.reviews().count();

    robot.type(KeyCode.DIGIT2);
    awaitDecisions(before + 1);

    assertThat(latest(liver).action())
        .isEqualTo(new DecisionAction.Accept(candidates(liver).get(1).id()));
  }

  @Test
  void aKeyForACandidateThatDoesNotExistDecidesNothing() throws Exception {
    select("case-001", "liver");
    long before = store.reviews().count();
    robot.type(KeyCode.DIGIT3);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(store.reviews().count()).isEqualTo(before);
    assertThat(window.review().messageProperty().get()).contains("no candidate 3");
  }

  @Test
  void editForwardsUndoAndRedoThenSavesANewCandidateAsAnEditDecision() throws Exception {
    select("case-001", "liver");
    QueueRow liver = row("case-001", "liver");
    long preferred = candidates(liver).get(1).id(); // the verdict prefers B
    long before = store.reviews().count();

    robot.type(KeyCode.Z).push(KeyCode.CONTROL, KeyCode.Z); // not editing: nothing forwarded
    assertThat(viewer.undos).isZero();
    robot.type(KeyCode.E);
    assertThat(viewer.calls).contains("startEdit " + preferred);
    assertThat(window.review().editingProperty().get()).isTrue();
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    robot.push(KeyCode.CONTROL, KeyCode.Y);
    assertThat(viewer.undos).isEqualTo(2);
    assertThat(viewer.redos).isEqualTo(1);
    // Decision and navigation keys do nothing while editing.
    robot.type(KeyCode.A).type(KeyCode.RIGHT).type(KeyCode.SPACE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(store.reviews().count()).isEqualTo(before);
    assertThat(selectedKey()).isEqualTo(RowKey.of(liver));

    robot.push(KeyCode.CONTROL, KeyCode.S);
    awaitDecisions(before + 1);

    Decision d = latest(liver);
    long edited = ((DecisionAction.Edit) d.action()).newCandidateId();
    Candidate made =
        candidates(liver).stream().filter(c -> c.id() == edited).findFirst().orElseThrow();
    long testerSource = store.sourceId("tester", SourceKind.PERSON, "");
    assertThat(made.sourceId()).isEqualTo(testerSource);
    assertThat(viewer.calls).contains("finishEdit tester");
    assertThat(window.review().editingProperty().get()).isFalse();
    assertThat(selectedKey()).isNotEqualTo(RowKey.of(liver));
  }

  @Test
  void escapeCancelsAnEditAndNothingIsSaved() throws Exception {
    select("case-001", "pancreas");
    long before = store.reviews().count();
    robot.type(KeyCode.E);
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(viewer.calls).contains("cancelEdit");
    assertThat(window.review().editingProperty().get()).isFalse();
    assertThat(store.reviews().count()).isEqualTo(before);
  }

  @Test
  void aFailedSaveKeepsTheEditOpenAndTellsTheReviewer() throws Exception {
    select("case-001", "pancreas");
    long before = store.reviews().count();
    robot.type(KeyCode.E);
    viewer.failSave = "cannot write /edits/x.nii.gz: disk full";
    robot.push(KeyCode.CONTROL, KeyCode.S);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !dialogs.notified.isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(dialogs.notified.getLast()).contains("/edits/x.nii.gz").contains("disk full");
    assertThat(window.review().editingProperty().get()).isTrue();
    assertThat(store.reviews().count()).isEqualTo(before);
  }

  @Test
  void flagAsksForAReasonAndANoteAndStoresBoth() throws Exception {
    select("case-002", "aorta");
    QueueRow aorta = row("case-002", "aorta");
    long before = store.reviews().count();
    dialogs.flagAnswers.add(
        Optional.of(new FlagChoice(FlagReason.WRONG_STRUCTURE, "  labels the vena cava  ")));

    robot.type(KeyCode.F);
    awaitDecisions(before + 1);

    assertThat(dialogs.flagQuestions).containsExactly("case-002 · aorta");
    Decision d = latest(aorta);
    assertThat(d.action()).isEqualTo(new DecisionAction.Flag(FlagReason.WRONG_STRUCTURE));
    assertThat(d.note()).isEqualTo("labels the vena cava");
    assertThat(selectedKey()).isNotEqualTo(RowKey.of(aorta));
  }

  @Test
  void aCancelledFlagDialogDecidesNothing() throws Exception {
    select("case-002", "aorta");
    long before = store.reviews().count();
    dialogs.flagAnswers.add(Optional.empty());
    robot.type(KeyCode.F);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(store.reviews().count()).isEqualTo(before);
    assertThat(selectedKey()).isEqualTo(RowKey.of(row("case-002", "aorta")));
  }

  @Test
  void arrowsAndSpaceNavigateWithoutDeciding() throws Exception {
    long before = store.reviews().count();
    List<QueueRow> rows = List.copyOf(window.queue().visibleRows());
    assertThat(selectedKey()).isEqualTo(RowKey.of(rows.get(0)));
    robot.type(KeyCode.RIGHT);
    assertThat(selectedKey()).isEqualTo(RowKey.of(rows.get(1)));
    robot.type(KeyCode.RIGHT);
    robot.type(KeyCode.LEFT);
    assertThat(selectedKey()).isEqualTo(RowKey.of(rows.get(1)));
    select("case-001", "spleen");
    robot.type(KeyCode.SPACE); // next unsure wraps round to the first unsure row
    assertThat(selectedKey()).isEqualTo(RowKey.of(row("case-002", "aorta")));
    robot.type(KeyCode.SPACE);
    assertThat(selectedKey()).isEqualTo(RowKey.of(row("cell-0002", "occupation_code")));
    assertThat(store.reviews().count()).isEqualTo(before);
  }

  @Test
  void reopenTakesBackAFlagAndTheRowIsOpenAgain() throws Exception {
    select("case-003", "stomach");
    QueueRow stomach = row("case-003", "stomach");
    long before = store.reviews().count();

    robot.type(KeyCode.R);
    awaitDecisions(before + 1);

    assertThat(latest(stomach).action()).isEqualTo(new DecisionAction.Reopen());
    assertThat(selectedKey()).isEqualTo(RowKey.of(stomach));
    WaitForAsyncUtils.asyncFx(window::refreshLive)
        .get(5, TimeUnit.SECONDS)
        .get(5, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(row("case-003", "stomach").status()).isEqualTo(ReviewStatus.PENDING);
    assertThat(window.verdict().decisionProperty().get()).startsWith("Reopened");
  }

  @Test
  void reopenDoesNothingOnAnOpenRow() throws Exception {
    select("case-001", "pancreas");
    long before = store.reviews().count();
    robot.type(KeyCode.R);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(store.reviews().count()).isEqualTo(before);
  }

  @Test
  void typingInTheFilterFieldDecidesNothing() throws Exception {
    long before = store.reviews().count();
    robot.clickOn("#queue-filter-text").write("ab");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(store.reviews().count()).isEqualTo(before);
    assertThat(window.queue().textFilterProperty().get()).isEqualTo("ab");
  }
}
