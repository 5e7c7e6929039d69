package org.labelcritic.app.ui.viewer;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.labelcritic.app.ui.I18n;

/**
 * One control group per candidate above the views: a toggle with the candidate's colour and name
 * (Shift+n), a colour picker, an opacity slider and a fill/outline button, all bound to the view
 * model's overlay settings.
 */
final class OverlayBar extends FlowPane {
  private final ViewerViewModel vm;
  private final I18n i18n;
  private List<Long> barIds = List.of();

  OverlayBar(ViewerViewModel vm, I18n i18n) {
    super(10, 4);
    this.vm = vm;
    this.i18n = i18n;
    setId("viewer-overlays");
    getStyleClass().add("viewer-bar");
    setPadding(new Insets(4, 8, 4, 8));
    vm.overlays().addListener((ListChangeListener<OverlaySettings>) c -> syncOverlayBar());
  }

  /** Rebuilds the overlay toggles when the candidates change, else updates them in place. */
  private void syncOverlayBar() {
    List<Long> ids = vm.overlays().stream().map(OverlaySettings::candidateId).toList();
    if (!ids.equals(barIds)) {
      // Controls are kept by position and relabelled, so moving to the next case builds none.
      barIds = ids;
      while (getChildren().size() < ids.size()) {
        getChildren().add(overlayControl(getChildren().size()));
      }
      for (int i = 0; i < getChildren().size(); i++) {
        boolean used = i < ids.size();
        getChildren().get(i).setVisible(used);
        getChildren().get(i).setManaged(used);
        if (used) {
          relabel((HBox) getChildren().get(i), i);
        }
      }
    }
    for (int i = 0; i < vm.overlays().size(); i++) {
      OverlaySettings o = vm.overlays().get(i);
      HBox box = (HBox) getChildren().get(i);
      ((CheckBox) box.getChildren().get(0)).setSelected(o.visible());
      ((Rectangle) ((CheckBox) box.getChildren().get(0)).getGraphic())
          .setFill(SliceView.colour(o.rgb()));
      ((ColorPicker) box.getChildren().get(1)).setValue(SliceView.colour(o.rgb()));
      Slider s = (Slider) box.getChildren().get(2);
      if (!s.isValueChanging()) {
        s.setValue(o.opacity());
      }
      ((ToggleButton) box.getChildren().get(3)).setSelected(o.fill());
    }
  }

  /** The label, tooltip and problem style of overlay {@code i}'s toggle. */
  private void relabel(HBox box, int i) {
    OverlaySettings o = vm.overlays().get(i);
    CheckBox toggle = (CheckBox) box.getChildren().get(0);
    toggle.setText((i + 1) + " " + o.label());
    String key = i < 9 ? "Shift+" + (i + 1) : "";
    String tip =
        o.problem() == null
            ? i18n.format("viewer.overlay.tooltip", o.label(), key)
            : i18n.format("viewer.overlay.problem", o.label(), o.problem());
    if (toggle.getTooltip() == null) {
      toggle.setTooltip(new Tooltip(tip));
    } else {
      toggle.getTooltip().setText(tip);
    }
    toggle.getStyleClass().remove("viewer-overlay-problem");
    if (o.problem() != null) {
      toggle.getStyleClass().add("viewer-overlay-problem");
    }
  }

  private HBox overlayControl(int i) {
    OverlaySettings o = vm.overlays().get(i);
    Rectangle swatch = new Rectangle(12, 12, SliceView.colour(o.rgb()));
    swatch.setStroke(Color.gray(0.2));
    CheckBox toggle = new CheckBox();
    toggle.setGraphic(swatch);
    toggle.setId("viewer-overlay-" + (i + 1));
    toggle.setFocusTraversable(false);
    toggle.setOnAction(e -> vm.toggleOverlay(i));
    ColorPicker colour = new ColorPicker(SliceView.colour(o.rgb()));
    colour.getStyleClass().add(ColorPicker.STYLE_CLASS_BUTTON);
    colour.setId("viewer-colour-" + (i + 1));
    colour.setFocusTraversable(false);
    colour.setTooltip(new Tooltip(i18n.text("viewer.overlay.colour")));
    colour.setOnAction(
        e -> {
          Color c = colour.getValue();
          int rgb =
              ((int) Math.round(c.getRed() * 255) << 16)
                  | ((int) Math.round(c.getGreen() * 255) << 8)
                  | (int) Math.round(c.getBlue() * 255);
          vm.setColour(i, rgb);
        });
    Slider opacity = new Slider(0, 1, o.opacity());
    opacity.setId("viewer-opacity-" + (i + 1));
    opacity.setPrefWidth(70);
    opacity.setFocusTraversable(false);
    opacity.setTooltip(new Tooltip(i18n.text("viewer.overlay.opacity")));
    opacity
        .valueProperty()
        .addListener(
            (obs, a, b) -> {
              if (i < vm.overlays().size()) {
                vm.setOpacity(i, b.doubleValue());
              }
            });
    ToggleButton fill = new ToggleButton(i18n.text("viewer.overlay.fill"));
    fill.setId("viewer-fill-" + (i + 1));
    fill.setFocusTraversable(false);
    fill.setTooltip(new Tooltip(i18n.text("viewer.overlay.fill.tooltip")));
    fill.setOnAction(
        e -> {
          if (i < vm.overlays().size()) {
            vm.overlays().set(i, vm.overlays().get(i).withFill(fill.isSelected()));
          }
        });
    HBox box = new HBox(4, toggle, colour, opacity, fill);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }
}
