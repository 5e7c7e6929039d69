package org.labelcritic.app.ui;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;

/** Turns declared {@link Action}s into controls; the only place that does, so they agree. */
public final class ActionControls {
  private ActionControls() {}

  public static MenuItem menuItem(Action action) {
    MenuItem item = new MenuItem(action.label());
    item.setId("menu-" + action.id());
    item.setAccelerator(action.key());
    item.disableProperty().bind(action.disabled());
    item.setOnAction(e -> action.fire());
    return item;
  }

  public static Button button(Action action) {
    Button button = new Button(action.label());
    button.setId("toolbar-" + action.id());
    button.disableProperty().bind(action.disabled());
    button.setOnAction(e -> action.fire());
    String tip = action.key() == null ? action.label() : action.label() + "  " + action.keyText();
    button.setTooltip(new Tooltip(tip));
    // Buttons must not steal focus from the queue, or arrow keys stop moving through it.
    button.setFocusTraversable(false);
    return button;
  }

  /**
   * Registers every action's key on the scene, so shortcuts work even for actions that are in no
   * menu and whatever control has the focus.
   */
  public static void installAccelerators(Scene scene, List<Action> actions) {
    for (Action action : actions) {
      action.keyCombination().ifPresent(k -> scene.getAccelerators().put(k, action::fire));
    }
  }
}
