package org.labelcritic.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.ReviewStatus;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.domain.VerdictOutcome;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.NewVerdict;
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
    final Deque<Runnable> pending = new java.util.concurrent.ConcurrentLinkedDeque<>();

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
    assertThat(vm.rows()).containsExactlyInAnyOrderElementsOf(store.queries().queue(1000));
    assertThat(vm.visibleRows()).hasSize(11);
    assertThat(vm.selectedProperty().get()).isEqualTo(vm.rows().getFirst());
    // Unsure first, lowest confidence first; decided last.
    assertThat(vm.rows())
        .extracting(r -> r.itemName() + "/" + r.structure())
        .containsExactly(
            "case-002/aorta",
            "cell-0002/occupation_code",
            "case-001/pancreas",
            "case-002/liver",
            "cell-0003/occupation_code",
            "case-003/gallbladder",
            "case-001/liver",
            "case-001/spleen",
            "cell-0001/occupation_code",
            "case-003/stomach",
            "case-002/kidney_left");
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
        .containsExactly("case-002", "case-001");
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
    QueueRow pancreas = row(vm, "case-001", "pancreas");
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

  static QueueRow row(QueueViewModel vm, String item, String structure) {
    return vm.rows().stream()
        .filter(r -> r.itemName().equals(item) && r.structure().equals(structure))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aLiveRefreshChangesRowsInPlaceWithoutMovingTheSelectionOrTheOrder() throws Exception {
    QueueViewModel vm = new QueueViewModel(store, Runnable::run, Runnable::run);
    vm.reload();
    QueueRow chosen = row(vm, "case-002", "liver");
    vm.select(chosen);
    List<RowKey> before = vm.rows().stream().map(RowKey::of).toList();
    // The worker stores a verdict for the first row: it becomes critic confident, which would
    // sort it further down; a live update must leave it where it is.
    QueueRow aorta = row(vm, "case-002", "aorta");
    long candidate = store.queries().candidates(aorta.itemId(), aorta.structureId()).get(0).id();
    store
        .verdicts()
        .save(
            new NewVerdict(
                aorta.itemId(),
                aorta.structureId(),
                candidate,
                OptionalLong.empty(),
                VerdictOutcome.SINGLE,
                0.99,
                "feature",
                "2",
                "{}"));

    assertThat(vm.refreshIfChanged()).isCompletedWithValue(true);

    assertThat(vm.rows().stream().map(RowKey::of).toList()).isEqualTo(before);
    assertThat(vm.rows().getFirst().status()).isEqualTo(ReviewStatus.CONFIDENT);
    assertThat(vm.selectedProperty().get()).isEqualTo(chosen);
    assertThat(vm.refreshIfChanged()).isCompletedWithValue(false);
  }

  @Test
  void aLiveRefreshAppendsNewRowsAtTheEnd() throws Exception {
    QueueViewModel vm = new QueueViewModel(store, Runnable::run, Runnable::run);
    vm.reload();
    QueueRow chosen = vm.rows().get(3);
    vm.select(chosen);
    long a = store.sourceId("totalseg", SourceKind.MODEL, "2.4");
    TestStores.volume(store, "case-009", "liver", List.of(a), null, 0, null);

    assertThat(vm.refreshIfChanged()).isCompletedWithValue(true);

    assertThat(vm.rows()).hasSize(12);
    assertThat(vm.rows().getLast().itemName()).isEqualTo("case-009");
    assertThat(RowKey.of(vm.selectedProperty().get())).isEqualTo(RowKey.of(chosen));
  }

  @Test
  void nextPreviousAndNextUnsureFollowTheVisibleOrder() {
    QueueViewModel vm = new QueueViewModel(store, Runnable::run, Runnable::run);
    vm.reload();
    assertThat(vm.next()).isTrue();
    assertThat(vm.selectedProperty().get().itemName()).isEqualTo("cell-0002");
    assertThat(vm.previous()).isTrue();
    assertThat(vm.selectedProperty().get().structure()).isEqualTo("aorta");
    assertThat(vm.previous()).isFalse();
    assertThat(vm.selectedProperty().get().structure()).isEqualTo("aorta");

    vm.select(row(vm, "case-001", "spleen"));
    assertThat(vm.nextUnsure()).isTrue(); // wraps round to the top
    assertThat(vm.selectedProperty().get().structure()).isEqualTo("aorta");
    assertThat(vm.nextUnsure()).isTrue();
    assertThat(vm.selectedProperty().get().itemName()).isEqualTo("cell-0002");

    vm.statusFilterProperty().set(ReviewStatus.AGREE);
    assertThat(vm.nextUnsure()).isFalse();
  }

  @Test
  void changingTheOrderResortsAndKeepsTheSelection() {
    QueueViewModel vm = new QueueViewModel(store, Runnable::run, Runnable::run);
    vm.reload();
    QueueRow chosen = row(vm, "case-001", "pancreas");
    vm.select(chosen);

    vm.orderProperty().set(QueueOrder.ITEM);
    assertThat(vm.rows().getFirst().itemName()).isEqualTo("case-001");
    assertThat(vm.rows()).isSortedAccordingTo(QueueOrder.ITEM.comparator());
    vm.orderProperty().set(QueueOrder.CONFIDENCE);
    assertThat(vm.rows()).isSortedAccordingTo(QueueOrder.CONFIDENCE.comparator());
    assertThat(vm.selectedProperty().get()).isEqualTo(chosen);
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
