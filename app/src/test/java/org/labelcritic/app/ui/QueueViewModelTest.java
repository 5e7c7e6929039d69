package org.labelcritic.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.ReviewStatus;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.QueueRow;
import org.labelcritic.model.store.Store;

class QueueViewModelTest {
  @TempDir Path dir;
  Store store;

  @BeforeEach
  void setUp() throws Exception {
    store = TestStores.demo(dir);
  }

  @AfterEach
  void tearDown() throws Exception {
    store.close();
  }

  /** Runs work only when told to, so tests can look at the state in between. */
  static final class ManualExecutor implements Executor {
    final Deque<Runnable> pending = new ArrayDeque<>();

    @Override
    public void execute(Runnable command) {
      pending.add(command);
    }

    void runLast() {
      pending.removeLast().run();
    }

    void runAll() {
      while (!pending.isEmpty()) {
        pending.removeFirst().run();
      }
    }
  }

  @Test
  void reloadShowsTheStoresQueueAndSelectsTheFirstRow() throws Exception {
    QueueViewModel vm = new QueueViewModel(store, Runnable::run, Runnable::run);
    assertThat(vm.reload()).isCompleted();
    assertThat(vm.rows()).containsExactlyElementsOf(store.queries().queue(1000));
    assertThat(vm.visibleRows()).hasSize(11);
    assertThat(vm.selectedProperty().get()).isEqualTo(vm.rows().getFirst());
    assertThat(vm.loadingProperty().get()).isFalse();
    assertThat(vm.errorProperty().get()).isEmpty();
  }

  @Test
  void isLoadingUntilTheQueryHasRunAndTheResultIsApplied() {
    ManualExecutor io = new ManualExecutor();
    QueueViewModel vm = new QueueViewModel(store, io, Runnable::run);
    var done = vm.reload();
    assertThat(vm.loadingProperty().get()).isTrue();
    assertThat(done).isNotDone();
    io.runAll();
    assertThat(vm.loadingProperty().get()).isFalse();
    assertThat(done).isCompleted();
  }

  @Test
  void statusFilterShowsOnlyRowsWithThatStatus() {
    QueueViewModel vm = new QueueViewModel(store, Runnable::run, Runnable::run);
    vm.reload();
    vm.statusFilterProperty().set(ReviewStatus.UNSURE);
    assertThat(vm.visibleRows())
        .hasSize(3)
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(ReviewStatus.UNSURE));
    vm.statusFilterProperty().set(null);
    assertThat(vm.visibleRows()).hasSize(11);
  }

  @Test
  void textFilterMatchesItemOrStructureIgnoringCase() {
    QueueViewModel vm = new QueueViewModel(store, Runnable::run, Runnable::run);
    vm.reload();
    vm.textFilterProperty().set("LIVER");
    assertThat(vm.visibleRows())
        .extracting(QueueRow::itemName)
        .containsExactly("case-001", "case-002");
    vm.textFilterProperty().set("cell-000");
    assertThat(vm.visibleRows()).hasSize(3);
  }

  @Test
  void filteringOutTheSelectedRowSelectsTheFirstVisibleOne() {
    QueueViewModel vm = new QueueViewModel(store, Runnable::run, Runnable::run);
    vm.reload();
    vm.statusFilterProperty().set(ReviewStatus.FLAGGED);
    assertThat(vm.selectedProperty().get().structure()).isEqualTo("stomach");
  }

  @Test
  void aReloadKeepsTheUsersSelectionEvenWhenItsStatusChanged() throws Exception {
    QueueViewModel vm = new QueueViewModel(store, Runnable::run, Runnable::run);
    vm.reload();
    QueueRow pancreas = vm.rows().get(1);
    vm.select(pancreas);
    long reviewer = store.reviews().reviewer("ben").id();
    store
        .reviews()
        .record(
            NewDecision.of(
                pancreas.itemId(),
                pancreas.structureId(),
                reviewer,
                new DecisionAction.Flag(FlagReason.UNCERTAIN)));

    vm.reload();

    QueueRow selected = vm.selectedProperty().get();
    assertThat(RowKey.of(selected)).isEqualTo(RowKey.of(pancreas));
    assertThat(selected.status()).isEqualTo(ReviewStatus.FLAGGED);
  }

  @Test
  void selectionReportedByATableWhileTheListChangesIsNotTakenAsTheUsersChoice() {
    QueueViewModel vm = new QueueViewModel(store, Runnable::run, Runnable::run);
    vm.reload();
    QueueRow third = vm.rows().get(2);
    vm.select(third);
    // A table moves its selection while the list is replaced; that must not count.
    vm.rows()
        .addListener(
            (javafx.collections.ListChangeListener<QueueRow>) c -> vm.select(vm.rows().getLast()));
    vm.reload();
    assertThat(RowKey.of(vm.selectedProperty().get())).isEqualTo(RowKey.of(third));
  }

  @Test
  void aStaleResultIsDroppedWhenANewerReloadWasStarted() throws Exception {
    ManualExecutor io = new ManualExecutor();
    QueueViewModel vm = new QueueViewModel(store, io, Runnable::run);
    var older = vm.reload();
    try (Store empty = Store.open(dir.resolve("empty.db"))) {
      vm.setStore(empty);
      vm.reload();
      io.runLast(); // the newer load, of the empty database, finishes first
      io.runAll(); // the older one finishes late and must change nothing
    }
    assertThat(older).isCompleted();
    assertThat(vm.rows()).isEmpty();
    assertThat(vm.loadingProperty().get()).isFalse();
  }

  @Test
  void saysWhenTheQueueHasMoreRowsThanTheLimit() {
    QueueViewModel vm = new QueueViewModel(store, Runnable::run, Runnable::run, 4);
    vm.reload();
    assertThat(vm.rows()).hasSize(4);
    assertThat(vm.truncatedProperty().get()).isTrue();
  }

  @Test
  void aFailedLoadReportsAUserMessageAndKeepsTheRowsItHad() throws Exception {
    QueueViewModel vm = new QueueViewModel(store, Runnable::run, Runnable::run);
    vm.reload();
    store.close();
    var done = vm.reload();
    assertThat(done).isCompletedExceptionally();
    assertThat(vm.errorProperty().get()).contains(store.file().toString());
    assertThat(vm.rows()).hasSize(11);
    assertThat(vm.loadingProperty().get()).isFalse();
  }
}
