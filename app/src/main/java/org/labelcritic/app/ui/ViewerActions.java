package org.labelcritic.app.ui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** Merging the image viewer's actions with the main window's. */
final class ViewerActions {
  private ViewerActions() {}

  /**
   * The viewer's "undo" or "redo" action: by id, else by its key (Ctrl+Z, Ctrl+Y).
   *
   * @param id "undo" or "redo"
   */
  static java.util.Optional<Action> find(List<Action> viewerActions, String id) {
    KeyCodeCombination key =
        new KeyCodeCombination(
            id.equals("undo") ? javafx.scene.input.KeyCode.Z : javafx.scene.input.KeyCode.Y,
            KeyCombination.SHORTCUT_DOWN);
    return viewerActions.stream().filter(a -> sameAction(a, id, key)).findFirst();
  }

  /**
   * True when {@code a} is the viewer's action for {@code id} (its id is {@code id} or ends with
   * ".id" or "-id") or is bound to {@code key} (null: match by id only), whether written with Ctrl
   * or Shortcut.
   */
  static boolean sameAction(Action a, String id, KeyCodeCombination key) {
    if (a.id().equals(id) || a.id().endsWith("." + id) || a.id().endsWith("-" + id)) {
      return true;
    }
    return key != null
        && a.key() instanceof KeyCodeCombination k
        && k.getCode() == key.getCode()
        && k.getShift() == key.getShift()
        && k.getAlt() == key.getAlt()
        && (isControl(k) && isControl(key));
  }

  private static boolean isControl(KeyCodeCombination k) {
    return k.getControl() == KeyCombination.ModifierValue.DOWN
        || k.getShortcut() == KeyCombination.ModifierValue.DOWN;
  }

  /**
   * The viewer's actions whose keys the window's own actions do not use (the window's win: it
   * forwards undo and redo itself), so that no key fires twice.
   */
  static List<Action> withoutClashes(List<Action> window, List<Action> viewer) {
    Set<String> taken = new HashSet<>();
    for (Action a : window) {
      if (a.key() != null) {
        taken.add(a.key().getDisplayText());
      }
    }
    List<Action> out = new ArrayList<>();
    for (Action a : viewer) {
      if (a.key() == null || !taken.contains(a.key().getDisplayText())) {
        out.add(a);
      }
    }
    return out;
  }
}
