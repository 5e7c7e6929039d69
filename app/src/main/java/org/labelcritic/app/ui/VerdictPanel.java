package org.labelcritic.app.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The verdict panel beside the viewer: preferred candidate, confidence bar, how the verdict was
 * reached, the reasons that weighed most, the LVLM critic's raw answers, mask metrics, the numbered
 * candidates (click one to choose it for editing) and the current decision.
 */
final class VerdictPanel {
  private VerdictPanel() {}

  static Region create(VerdictViewModel vm, I18n i18n) {
    Label heading = new Label(i18n.text("verdict.heading"));
    heading.getStyleClass().add("detail-heading");

    Label title = bound("verdict-title", "detail-title", vm.titleProperty());
    Label preferred = bound("verdict-preferred", "verdict-preferred", vm.preferredProperty());

    ProgressBar bar = new ProgressBar();
    bar.setId("verdict-confidence-bar");
    bar.getStyleClass().add("verdict-confidence-bar");
    bar.progressProperty().bind(vm.confidenceProperty());
    bar.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(bar, Priority.ALWAYS);
    Label confidence =
        bound("verdict-confidence", "verdict-confidence", vm.confidenceTextProperty());
    HBox confidenceRow = new HBox(8, bar, confidence);
    confidenceRow.setAlignment(Pos.CENTER_LEFT);
    confidenceRow.visibleProperty().bind(vm.confidenceProperty().greaterThanOrEqualTo(0));
    confidenceRow.managedProperty().bind(confidenceRow.visibleProperty());

    Label how = bound("verdict-how", "detail-facts", vm.howProperty());

    VBox reasons = new VBox(3);
    reasons.setId("verdict-reasons");
    vm.reasons().addListener((ListChangeListener<String>) c -> fillReasons(reasons, vm));
    fillReasons(reasons, vm);

    Label answers = bound("verdict-answers", "verdict-answers", vm.answersProperty());
    Label metrics = bound("verdict-metrics", "detail-facts", vm.metricsProperty());

    VBox candidates = new VBox(2);
    candidates.setId("verdict-candidates");
    Runnable fill = () -> fillCandidates(candidates, vm, i18n);
    vm.candidates()
        .addListener((ListChangeListener<VerdictViewModel.CandidateInfo>) c -> fill.run());
    vm.chosenProperty().addListener((o, a, b) -> fill.run());
    fill.run();

    Label decision = bound("verdict-decision", "verdict-decision", vm.decisionProperty());
    Label error = bound("verdict-error", "verdict-error", vm.errorProperty());
    error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
    error.managedProperty().bind(error.visibleProperty());

    VBox box =
        new VBox(
            8,
            heading,
            title,
            preferred,
            confidenceRow,
            section(i18n.text("verdict.section.how"), how, vm.howProperty()),
            shownWhen(
                section(i18n.text("verdict.section.reasons"), reasons, null),
                Bindings.isNotEmpty(vm.reasons())),
            section(i18n.text("verdict.section.answers"), answers, vm.answersProperty()),
            section(i18n.text("verdict.section.metrics"), metrics, vm.metricsProperty()),
            section(i18n.text("verdict.section.candidates"), candidates, null),
            section(i18n.text("verdict.section.decision"), decision, vm.decisionProperty()),
            error);
    box.setId("verdict-panel");
    box.getStyleClass().add("detail-pane");
    box.setFillWidth(true);
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.getStyleClass().add("verdict-scroll");
    scroll.setMinWidth(250);
    scroll.setPrefWidth(330);
    return scroll;
  }

  private static Label bound(String id, String style, ObservableStringValue value) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add(style);
    l.setWrapText(true);
    l.textProperty().bind(value);
    return l;
  }

  /** A small heading over its content; both hidden while {@code shownWhen} is empty text. */
  private static Node section(String name, Node content, ObservableStringValue shownWhen) {
    Label label = new Label(name);
    label.getStyleClass().add("verdict-section");
    VBox box = new VBox(3, label, content);
    if (shownWhen != null) {
      box.visibleProperty().bind(Bindings.isNotEmpty(shownWhen));
      box.managedProperty().bind(box.visibleProperty());
    }
    return box;
  }

  private static Node shownWhen(Node node, javafx.beans.binding.BooleanBinding shown) {
    node.visibleProperty().bind(shown);
    node.managedProperty().bind(shown);
    return node;
  }

  private static void fillReasons(VBox box, VerdictViewModel vm) {
    box.getChildren().clear();
    for (String r : vm.reasons()) {
      Label l = new Label("• " + r);
      l.setWrapText(true);
      l.getStyleClass().add("verdict-reason");
      box.getChildren().add(l);
    }
  }

  private static void fillCandidates(VBox box, VerdictViewModel vm, I18n i18n) {
    box.getChildren().clear();
    for (VerdictViewModel.CandidateInfo c : vm.candidates()) {
      String key = c.number() <= 9 ? Integer.toString(c.number()) : "";
      String letter = c.number() <= 2 ? " (" + VerdictViewModel.letter(c.number()) + ")" : "";
      String text =
          i18n.format(
              "verdict.candidate",
              key,
              letter,
              c.source(),
              c.label().isEmpty() ? "" : " · " + c.label(),
              c.preferred() ? 1 : 0,
              c.person() ? 1 : 0);
      Label l = new Label(text);
      l.setId("verdict-candidate-" + c.number());
      l.getStyleClass().add("verdict-candidate");
      if (c.preferred()) {
        l.getStyleClass().add("preferred");
      }
      if (vm.chosenProperty().get() != null
          && vm.chosenProperty().get().candidateId() == c.candidateId()) {
        l.getStyleClass().add("chosen");
      }
      l.setMaxWidth(Double.MAX_VALUE);
      l.setWrapText(true);
      l.setOnMouseClicked(
          e ->
              vm.chosenProperty()
                  .set(
                      vm.chosenProperty().get() != null
                              && vm.chosenProperty().get().candidateId() == c.candidateId()
                          ? null
                          : c));
      box.getChildren().add(l);
    }
  }
}
