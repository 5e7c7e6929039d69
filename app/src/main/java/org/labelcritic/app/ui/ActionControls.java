package org.labelcritic.app.ui;

import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

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
   * Handles every action's key on the scene, before the focused control sees it, so shortcuts work
   * whatever has the focus (a table would otherwise take Space and the arrow keys). A disabled
   * action lets its key through. While a text field has the focus, keys without a modifier are left
   * to it: letters and digits still type (their KEY_TYPED event is untouched), but no action and no
   * menu accelerator fires.
   */
  public static void installKeys(Scene scene, List<Action> actions) {
    installKeys(scene, () -> actions);
  }

  /**
   * {@link #installKeys(Scene, List)} for a set of actions that changes (the main window's, whose
   * viewer is replaced when another database is opened): asked for on every key.
   */
  public static void installKeys(Scene scene, Supplier<List<Action>> current) {
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        event -> {
          List<Action> actions = current.get();
          boolean typing = event.getTarget() instanceof TextInputControl;
          boolean plain =
              !event.isControlDown()
                  && !event.isAltDown()
                  && !event.isMetaDown()
                  && !event.isShortcutDown();
          if (typing && plain) {
            KeyCode code = event.getCode();
            if (code.isLetterKey() || code.isDigitKey() || code == KeyCode.SPACE) {
              // Keep accelerators such as "A" from firing while the user types an "a".
              if (actions.stream().anyMatch(a -> a.key() != null && a.key().match(event))) {
                event.consume();
              }
            }
            return;
          }
          for (Action action : actions) {
            if (action.key() != null && action.key().match(event) && !action.disabled().get()) {
              event.consume();
              action.handler().run();
              return;
            }
          }
        });
  }
}
