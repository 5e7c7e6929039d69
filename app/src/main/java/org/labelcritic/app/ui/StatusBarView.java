package org.labelcritic.app.ui;

import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.controlsfx.control.StatusBar;
import org.labelcritic.model.domain.ReviewStatus;

/**
 * The ControlsFX status bar: dataset, what just happened (or the counts, or the last error),
 * reviewed/total, queue counts per status, the quality worker's progress and where its model runs,
 * and a busy indicator.
 */
final class StatusBarView {
  private StatusBarView() {}

  static StatusBar create(
      StatusBarViewModel vm,
      QueueViewModel queue,
      QualityWorkerRunner worker,
      ObservableStringValue message,
      ObservableBooleanValue busy,
      I18n i18n) {
    StatusBar bar = new StatusBar();
    bar.setId("status-bar");
    bar.getStyleClass().add("workbench-status-bar");

    Label dataset = new Label();
    dataset.setId("status-dataset");
    dataset.getStyleClass().add("status-dataset");
    dataset.textProperty().bind(vm.datasetNameProperty());

    StringExpression summary =
        Bindings.when(queue.truncatedProperty())
            .then(
                Bindings.concat(
                    vm.summaryProperty(), "  ", i18n.format("statusbar.truncated", queue.limit())))
            .otherwise(vm.summaryProperty());
    // An error replaces everything until the next successful load; else the last thing done.
    bar.textProperty()
        .bind(
            Bindings.when(vm.errorProperty().isEmpty())
                .then(Bindings.when(Bindings.isEmpty(message)).then(summary).otherwise(message))
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
    // When the window is narrow the message gives way (its whole text in the tooltip); the
    // dataset name, reviewed/total and the counts keep their width and are never cut.
    dataset.setMinWidth(Region.USE_PREF_SIZE);
    Tooltip whole = new Tooltip();
    whole.textProperty().bind(bar.textProperty());
    bar.setTooltip(whole);

    Label reviewed = new Label();
    reviewed.setId("status-reviewed");
    reviewed.getStyleClass().add("status-reviewed");
    reviewed.textProperty().bind(vm.reviewedProperty());
    reviewed.setMinWidth(Region.USE_PREF_SIZE);

    HBox counts = new HBox(6);
    counts.setId("status-counts");
    counts.getStyleClass().add("status-counts");
    vm.queueCountsProperty().addListener((o, a, map) -> fill(counts, map, i18n));
    fill(counts, vm.queueCountsProperty().get(), i18n);

    Label workerText = new Label();
    workerText.setId("status-worker");
    workerText.getStyleClass().add("status-worker");
    workerText.textProperty().bind(worker.textProperty());
    Tooltip workerTip = new Tooltip();
    workerTip.textProperty().bind(worker.textProperty());
    workerText.setTooltip(workerTip);
    ProgressBar workerBar = new ProgressBar();
    workerBar.setId("status-worker-progress");
    workerBar.setPrefWidth(90);
    workerBar.progressProperty().bind(worker.progressProperty());
    workerBar.visibleProperty().bind(worker.runningProperty());
    workerBar.managedProperty().bind(worker.runningProperty());

    Label provider = new Label();
    provider.setId("status-provider");
    provider.getStyleClass().add("status-provider");
    provider
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    worker.providerProperty().get() == null
                        ? ""
                        : i18n.format("statusbar.provider", worker.providerProperty().get()),
                worker.providerProperty()));
    Tooltip providerTip = new Tooltip();
    providerTip.textProperty().bind(worker.providerNoteProperty());
    provider.setTooltip(providerTip);
    provider.setMinWidth(Region.USE_PREF_SIZE);

    ProgressIndicator progress = new ProgressIndicator(ProgressIndicator.INDETERMINATE_PROGRESS);
    progress.setId("status-progress");
    progress.getStyleClass().add("status-progress");
    progress.setPrefSize(16, 16);
    progress.setMaxSize(16, 16);
    progress.visibleProperty().bind(busy);
    progress.managedProperty().bind(busy);
    bar.getRightItems().setAll(reviewed, counts, workerBar, workerText, provider, progress);
    return bar;
  }

  /** One chip per status that some row has (the queue's filter lists them all). */
  private static void fill(HBox counts, Map<ReviewStatus, Long> map, I18n i18n) {
    counts.getChildren().clear();
    map.forEach(
        (status, n) -> {
          if (n == 0) {
            return;
          }
          Label chip =
              new Label(i18n.format("statusbar.count", StatusTexts.status(i18n, status), n));
          chip.getStyleClass().addAll("status-chip", StatusTexts.styleClass(status));
          chip.setMinWidth(Region.USE_PREF_SIZE);
          counts.getChildren().add(chip);
        });
  }
}
