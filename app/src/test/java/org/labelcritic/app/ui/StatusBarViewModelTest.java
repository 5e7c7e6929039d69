package org.labelcritic.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.domain.ReviewStatus;
import org.labelcritic.model.store.Store;

class StatusBarViewModelTest {
  @TempDir Path dir;
  Store store;
  final I18n i18n = new I18n(I18n.bundle(Locale.ROOT));

  @BeforeEach
  void setUp() throws Exception {
    store = TestStores.demo(dir);
  }

  @AfterEach
  void tearDown() throws Exception {
    store.close();
  }

  @Test
  void showsDatasetCountsAndQueueCountsPerStatus() {
    StatusBarViewModel vm = new StatusBarViewModel(i18n, store, Runnable::run, Runnable::run);
    assertThat(vm.reload()).isCompleted();
    assertThat(vm.datasetNameProperty().get()).isEqualTo("abdomen-demo");
    assertThat(vm.summaryProperty().get()).isEqualTo("6 items · 21 candidates · 2 decisions");
    assertThat(vm.queueCountsProperty().get())
        .containsExactly(
            java.util.Map.entry(ReviewStatus.PENDING, 2L),
            java.util.Map.entry(ReviewStatus.AGREE, 2L),
            java.util.Map.entry(ReviewStatus.CONFIDENT, 2L),
            java.util.Map.entry(ReviewStatus.UNSURE, 3L),
            java.util.Map.entry(ReviewStatus.DECIDED, 1L),
            java.util.Map.entry(ReviewStatus.FLAGGED, 1L));
    assertThat(vm.loadingProperty().get()).isFalse();
  }

  @Test
  void singularAndZeroCountsReadNaturally() throws Exception {
    try (Store empty = Store.open(dir.resolve("empty.db"))) {
      StatusBarViewModel vm = new StatusBarViewModel(i18n, empty, Runnable::run, Runnable::run);
      vm.reload();
      assertThat(vm.summaryProperty().get()).isEqualTo("no items · no candidates · no decisions");
      assertThat(vm.queueCountsProperty().get()).containsEntry(ReviewStatus.PENDING, 0L);
    }
  }

  @Test
  void aFailedLoadShowsTheMessageUntilTheNextSuccessfulOne() throws Exception {
    StatusBarViewModel vm = new StatusBarViewModel(i18n, store, Runnable::run, Runnable::run);
    store.close();
    assertThat(vm.reload()).isCompletedExceptionally();
    assertThat(vm.errorProperty().get()).contains("demo.db").doesNotContain("Exception");
    assertThat(vm.loadingProperty().get()).isFalse();

    store = Store.open(dir.resolve("demo.db"));
    vm.setStore(store);
    vm.reload();
    assertThat(vm.errorProperty().get()).isEmpty();
  }
}
