package org.labelcritic.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.app.ui.QueueViewModelTest.ManualExecutor;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.store.QueueRow;
import org.labelcritic.model.store.Store;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Decisions without a window: commit before moving on, one decision per key, edits. */
class ReviewViewModelTest {
  @TempDir Path dir;
  Store store;
  ManualExecutor io = new ManualExecutor();
  QueueViewModel queue;
  VerdictViewModel verdict;
  RecordingViewer viewer;
  ReviewViewModel review;
  final I18n i18n = new I18n(I18n.bundle(Locale.ROOT));

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage(); // the facts viewer builds labels
  }

  @BeforeEach
  void setUp() throws Exception {
    store = TestStores.demo(dir);
    queue = new QueueViewModel(store, io, Runnable::run);
    verdict = new VerdictViewModel(i18n, store, io, Runnable::run, Runnable::run);
    viewer = new RecordingViewer(store);
    review = new ReviewViewModel(i18n, store, io, Runnable::run, queue, verdict, viewer);
    queue.reload();
    review.signIn("ana", "box");
    io.runAll();
  }

  @AfterEach
  void tearDown() throws Exception {
    store.close();
  }

  QueueRow select(String item, String structure) {
    QueueRow r = QueueViewModelTest.row(queue, item, structure);
    queue.select(r);
    io.runAll();
    return r;
  }

  @Test
  void theSelectionMovesOnlyAfterTheDecisionIsCommitted() throws Exception {
    QueueRow pancreas = select("case-001", "pancreas");
    var done = review.accept(1);

    // Not yet run: nothing stored, still on the row, further decisions refused.
    assertThat(store.reviews().count()).isEqualTo(2);
    assertThat(queue.selectedKey()).isEqualTo(RowKey.of(pancreas));
    assertThat(review.committingProperty().get()).isTrue();
    assertThat(review.canDecideBinding().get()).isFalse();

    io.runAll();

    assertThat(done).isCompleted();
    Decision d = done.join().orElseThrow();
    assertThat(store.reviews().current(pancreas.itemId(), pancreas.structureId(), d.reviewerId()))
        .contains(d);
    assertThat(queue.selectedKey()).isNotEqualTo(RowKey.of(pancreas));
    assertThat(review.lastTimingProperty().get()).isNotNull();
  }

  @Test
  void aSecondKeyWhileCommittingIsRefusedSoNothingIsDecidedTwice() throws Exception {
    select("case-001", "pancreas");
    var first = review.accept(1);
    var second = review.accept(2);
    var third = review.flag(new FlagChoice(FlagReason.UNCERTAIN, ""));

    assertThat(second).isCompletedWithValue(Optional.empty());
    assertThat(third).isCompletedWithValue(Optional.empty());
    io.runAll();
    assertThat(first.join()).isPresent();
    assertThat(store.reviews().count()).isEqualTo(3);
    assertThat(review.refusedCount()).isEqualTo(2);
  }

  @Test
  void noDecisionBeforeTheReviewerIsSignedIn() throws Exception {
    ReviewViewModel other =
        new ReviewViewModel(i18n, store, io, Runnable::run, queue, verdict, viewer);
    select("case-001", "pancreas");
    assertThat(other.accept(1)).isCompletedWithValue(Optional.empty());
    io.runAll();
    assertThat(store.reviews().count()).isEqualTo(2);
  }

  @Test
  void aFailedCommitStaysOnTheRowAndSaysWhy() throws Exception {
    QueueRow pancreas = select("case-001", "pancreas");
    store.close();
    var done = review.accept(1);
    io.runAll();
    assertThat(done).isCompletedWithValue(Optional.empty());
    assertThat(review.errorProperty().get()).contains("not saved").contains("demo.db");
    assertThat(queue.selectedKey()).isEqualTo(RowKey.of(pancreas));
    assertThat(review.committingProperty().get()).isFalse();
    store = Store.open(dir.resolve("demo.db"));
  }

  @Test
  void anEditIsSavedByTheViewerThenRecordedAsAnEditOfTheNewCandidate() throws Exception {
    QueueRow liver = select("case-001", "liver");
    assertThat(review.startEdit()).isTrue();
    var done = review.saveEdit();
    // The viewer saves on another thread; then the decision's commit is queued on io.
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !io.pending.isEmpty());
    io.runAll();
    Decision d = done.get(5, TimeUnit.SECONDS).orElseThrow();
    long newId = ((DecisionAction.Edit) d.action()).newCandidateId();
    assertThat(store.queries().candidates(liver.itemId(), liver.structureId()))
        .anyMatch(c -> c.id() == newId);
    assertThat(review.editingProperty().get()).isFalse();
  }

  @Test
  void undoAndRedoReachTheViewerOnlyWhileEditing() {
    select("case-001", "liver");
    assertThat(review.undo()).isFalse();
    assertThat(viewer.undos).isZero();
    review.startEdit();
    assertThat(review.undo()).isTrue();
    assertThat(review.redo()).isTrue();
    assertThat(viewer.undos).isEqualTo(1);
    assertThat(viewer.redos).isEqualTo(1);
    review.cancelEdit();
    assertThat(review.redo()).isFalse();
  }

  @Test
  void aViewerThatCannotEditLeavesEditingOffAndSaysSo() {
    ScanFactsViewer facts = new ScanFactsViewer(i18n, store, io, Runnable::run);
    ReviewViewModel withFacts =
        new ReviewViewModel(i18n, store, io, Runnable::run, queue, verdict, facts);
    select("case-001", "liver");
    assertThat(withFacts.startEdit()).isFalse();
    assertThat(withFacts.editingProperty().get()).isFalse();
    assertThat(withFacts.messageProperty().get()).contains("cannot edit");
  }
}
