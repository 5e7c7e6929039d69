package org.labelcritic.app.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.labelcritic.model.domain.ReviewStatus;

/**
 * The detail area beside the queue. Until the image viewer exists it states plainly what is
 * selected and that the viewer is not part of this version, rather than pretending.
 */
final class DetailView {
  private DetailView() {}

  static Region create(DetailViewModel vm, I18n i18n) {
    Label heading = new Label(i18n.text("detail.heading"));
    heading.getStyleClass().add("detail-heading");

    Label title = new Label();
    title.setId("detail-title");
    title.getStyleClass().add("detail-title");
    title.textProperty().bind(vm.titleProperty());
    title.setWrapText(true);

    Label facts = new Label();
    facts.setId("detail-facts");
    facts.getStyleClass().add("detail-facts");
    facts.textProperty().bind(vm.factsProperty());
    facts.setWrapText(true);

    Label critic = new Label();
    critic.setId("detail-critic");
    critic.getStyleClass().addAll("detail-critic", "status-badge");
    critic.textProperty().bind(vm.criticProperty());
    critic.visibleProperty().bind(vm.emptyProperty().not());
    critic.managedProperty().bind(critic.visibleProperty());
    vm.statusProperty().addListener((o, a, s) -> restyle(critic, s));
    restyle(critic, vm.statusProperty().get());

    Label viewer = new Label(i18n.text("detail.viewer.note"));
    viewer.getStyleClass().add("detail-note");
    viewer.setWrapText(true);
    viewer.visibleProperty().bind(vm.emptyProperty().not());
    viewer.managedProperty().bind(viewer.visibleProperty());

    Region spacer = new Region();
    VBox.setVgrow(spacer, Priority.ALWAYS);
    VBox box = new VBox(10, heading, title, facts, critic, viewer, spacer);
    box.setId("detail-pane");
    box.getStyleClass().add("detail-pane");
    box.setAlignment(Pos.TOP_LEFT);
    box.setMinWidth(260);
    box.setPrefWidth(340);
    return box;
  }

  private static void restyle(Label badge, ReviewStatus status) {
    badge.getStyleClass().removeIf(s -> s.startsWith("status-") && !s.equals("status-badge"));
    if (status != null) {
      badge.getStyleClass().add(StatusTexts.styleClass(status));
    }
  }
}
