package org.labelcritic.app.ui;

import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import org.controlsfx.control.StatusBar;
import org.labelcritic.model.domain.ReviewStatus;

/** The ControlsFX status bar: dataset, counts, queue counts per status, and a busy indicator. */
final class StatusBarView {
  private StatusBarView() {}

  static StatusBar create(
      StatusBarViewModel vm, QueueViewModel queue, ObservableBooleanValue busy, I18n i18n) {
    StatusBar bar = new StatusBar();
    bar.setId("status-bar");
    bar.getStyleClass().add("workbench-status-bar");

    Label dataset = new Label();
    dataset.setId("status-dataset");
    dataset.getStyleClass().add("status-dataset");
    dataset.textProperty().bind(vm.datasetNameProperty());

    // An error replaces the summary until the next successful load.
    bar.textProperty()
        .bind(
            Bindings.when(vm.errorProperty().isEmpty())
                .then(
                    Bindings.when(queue.truncatedProperty())
                        .then(
                            Bindings.concat(
                                vm.summaryProperty(),
                                "  ",
                                i18n.format("statusbar.truncated", queue.limit())))
                        .otherwise(vm.summaryProperty()))
                .otherwise(vm.errorProperty()));
    vm.errorProperty()
        .addListener(
            (o, a, e) -> {
              bar.getStyleClass().remove("has-error");
              if (!e.isEmpty()) {
                bar.getStyleClass().add("has-error");
              }
            });
    // Full height, so the bold name is centred on the same line as the summary text.
    dataset.setMaxHeight(Double.MAX_VALUE);
    bar.getLeftItems().setAll(dataset);

    HBox counts = new HBox(6);
    counts.setId("status-counts");
    counts.getStyleClass().add("status-counts");
    vm.queueCountsProperty().addListener((o, a, map) -> fill(counts, map, i18n));
    fill(counts, vm.queueCountsProperty().get(), i18n);

    ProgressIndicator progress = new ProgressIndicator(ProgressIndicator.INDETERMINATE_PROGRESS);
    progress.setId("status-progress");
    progress.getStyleClass().add("status-progress");
    progress.setPrefSize(16, 16);
    progress.setMaxSize(16, 16);
    progress.visibleProperty().bind(busy);
    progress.managedProperty().bind(busy);
    bar.getRightItems().setAll(counts, progress);
    return bar;
  }

  private static void fill(HBox counts, Map<ReviewStatus, Long> map, I18n i18n) {
    counts.getChildren().clear();
    map.forEach(
        (status, n) -> {
          Label chip =
              new Label(i18n.format("statusbar.count", StatusTexts.status(i18n, status), n));
          chip.getStyleClass().addAll("status-chip", StatusTexts.styleClass(status));
          counts.getChildren().add(chip);
        });
  }
}
