package org.labelcritic.app.ui.viewer;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.labelcritic.app.ui.Action;
import org.labelcritic.app.ui.I18n;

/**
 * The viewer's actions, declared once with label, key and disabled state. The keys avoid those the
 * main window reserves (A, B, 1-9, E, F, arrows left and right, Space, F1, Ctrl+Z, Ctrl+Y, Enter,
 * Escape): up/down and page up/down scroll, Ctrl+= / Ctrl+- / Ctrl+0 zoom, L, S, P, W, O and
 * Shift+1..9 change the view, D, X, [ ] and H edit.
 */
final class ViewerActions {
  private ViewerActions() {}

  static List<Action> declare(ViewerViewModel vm, I18n i18n) {
    ObservableBooleanValue notReady =
        vm.stateProperty().isNotEqualTo(ViewerViewModel.LoadState.READY);
    ObservableBooleanValue notEditing = vm.editingProperty().not();
    List<Action> out = new ArrayList<>();
    out.add(
        new Action(
            "viewer-slice-next",
            i18n.text("viewer.action.sliceNext"),
            key(KeyCode.UP),
            () -> vm.scroll(1),
            notReady));
    out.add(
        new Action(
            "viewer-slice-previous",
            i18n.text("viewer.action.slicePrevious"),
            key(KeyCode.DOWN),
            () -> vm.scroll(-1),
            notReady));
    out.add(
        new Action(
            "viewer-slice-next-10",
            i18n.text("viewer.action.sliceNext10"),
            key(KeyCode.PAGE_UP),
            () -> vm.scroll(10),
            notReady));
    out.add(
        new Action(
            "viewer-slice-previous-10",
            i18n.text("viewer.action.slicePrevious10"),
            key(KeyCode.PAGE_DOWN),
            () -> vm.scroll(-10),
            notReady));
    out.add(
        new Action(
            "viewer-zoom-in",
            i18n.text("viewer.action.zoomIn"),
            new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN),
            vm::zoomIn,
            notReady));
    out.add(
        new Action(
            "viewer-zoom-out",
            i18n.text("viewer.action.zoomOut"),
            new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN),
            vm::zoomOut,
            notReady));
    out.add(
        new Action(
            "viewer-zoom-reset",
            i18n.text("viewer.action.zoomReset"),
            new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
            vm::resetZoom,
            notReady));
    out.add(
        new Action(
            "viewer-large-plane",
            i18n.text("viewer.action.largePlane"),
            key(KeyCode.L),
            vm::cycleLargePlane,
            notReady));
    out.add(
        new Action(
            "viewer-side-by-side",
            i18n.text("viewer.action.sideBySide"),
            key(KeyCode.S),
            vm::toggleSideBySide,
            notReady));
    out.add(
        new Action(
            "viewer-projection",
            i18n.text("viewer.action.projection"),
            key(KeyCode.P),
            vm::toggleProjection,
            notReady));
    out.add(
        new Action(
            "viewer-window-preset",
            i18n.text("viewer.action.windowPreset"),
            key(KeyCode.W),
            vm::cyclePreset,
            notReady));
    out.add(
        new Action(
            "viewer-fill",
            i18n.text("viewer.action.fill"),
            key(KeyCode.O),
            vm::toggleFill,
            notReady));
    for (int i = 0; i < 9; i++) {
      int n = i;
      out.add(
          new Action(
              "viewer-overlay-toggle-" + (i + 1),
              i18n.format("viewer.action.overlay", i + 1),
              new KeyCodeCombination(Action.digit(i + 1), KeyCombination.SHIFT_DOWN),
              () -> vm.toggleOverlay(n),
              Bindings.createBooleanBinding(
                  () -> notReady.get() || n >= vm.overlays().size(), notReady, vm.overlays())));
    }
    out.add(
        new Action(
            "viewer-brush",
            i18n.text("viewer.action.brush"),
            key(KeyCode.D),
            () -> vm.useTool(ViewerViewModel.Tool.BRUSH),
            notEditing));
    out.add(
        new Action(
            "viewer-eraser",
            i18n.text("viewer.action.eraser"),
            key(KeyCode.X),
            () -> vm.useTool(ViewerViewModel.Tool.ERASER),
            notEditing));
    out.add(
        new Action(
            "viewer-brush-smaller",
            i18n.text("viewer.action.brushSmaller"),
            key(KeyCode.OPEN_BRACKET),
            vm::brushSmaller,
            notEditing));
    out.add(
        new Action(
            "viewer-brush-larger",
            i18n.text("viewer.action.brushLarger"),
            key(KeyCode.CLOSE_BRACKET),
            vm::brushLarger,
            notEditing));
    out.add(
        new Action(
            "viewer-fill-holes",
            i18n.text("viewer.action.fillHoles"),
            key(KeyCode.H),
            vm::fillHoles,
            notEditing));
    return List.copyOf(out);
  }

  private static KeyCombination key(KeyCode code) {
    return new KeyCodeCombination(code);
  }
}
