package org.labelcritic.app.ui.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.app.ui.I18n;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.store.Store;

/** The dashboard's view model on the calling thread (direct executor and FX applier). */
class DashboardViewModelTest {
  @TempDir Path dir;
  Store store;
  DashboardViewModel vm;

  @BeforeEach
  void setUp() throws Exception {
    store = TeamStores.reviewed(dir);
    vm =
        new DashboardViewModel(
            new I18n(I18n.bundle(Locale.ROOT)), store, Runnable::run, Runnable::run);
  }

  @AfterEach
  void tearDown() throws Exception {
    store.close();
  }

  @Test
  void aRefreshFillsEveryChartAndTheTable() throws Exception {
    vm.refresh().get(10, TimeUnit.SECONDS);

    assertThat(vm.decisionMixProperty().get())
        .extracting(DashboardViewModel.Datum::value)
        .containsExactly(23.0, 0.0, 1.0, 9.0, 3.0);
    assertThat(vm.accuracyProperty().get())
        .extracting(DashboardViewModel.Series::name)
        .contains("liver", "spleen", "pancreas", "all");
    assertThat(vm.agreementProperty().get()).hasSize(4);
    assertThat(vm.goldAccuracyProperty().get())
        .extracting(DashboardViewModel.Datum::name)
        .containsExactly("ana", "ben");
    assertThat(vm.secondsPerDecisionProperty().get()).hasSize(2);
    // every number is in the table as well
    assertThat(vm.rows())
        .extracting(DashboardViewModel.MetricRow::section)
        .contains(
            "Decision mix", "Critic accuracy", "Agreement", "Gold accuracy", "Time per decision");
    assertThat(vm.rows())
        .filteredOn(r -> r.section().equals("Decision mix") && r.scope().equals("Auto-accepted"))
        .singleElement()
        .extracting(DashboardViewModel.MetricRow::value)
        .isEqualTo("9");
    assertThat(vm.updatedProperty().get()).contains("24 of 36 units reviewed, 9 auto-accepted");
  }

  @Test
  void aRefreshWithoutNewDecisionsComputesNothingAndANewDecisionShowsUp() throws Exception {
    vm.refresh().get(10, TimeUnit.SECONDS);
    vm.refresh().get(10, TimeUnit.SECONDS);
    assertThat(vm.computations()).isEqualTo(1);

    long item =
        store.queries().queue(1000).stream()
            .filter(r -> r.itemName().equals("case-012"))
            .findFirst()
            .orElseThrow()
            .itemId();
    long liver = store.structureId("liver");
    long ana = store.reviews().reviewer("ana").id();
    TeamStores.decide(
        store, item, liver, ana, new DecisionAction.Flag(FlagReason.NEEDS_EXPERT), 2000);
    vm.refresh().get(10, TimeUnit.SECONDS);

    assertThat(vm.computations()).isEqualTo(2);
    assertThat(vm.summaryProperty().get().flagged()).isEqualTo(2); // ben's and this one
  }

  @Test
  void aFailingStoreShowsTheErrorInsteadOfThrowing() throws Exception {
    store.close();
    vm.refresh().handle((s, e) -> null).get(10, TimeUnit.SECONDS);
    assertThat(vm.errorProperty().get()).isNotEmpty();
    store = Store.open(dir.resolve("team.db"));
  }
}
