package org.labelcritic.app.ui;

import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;

/**
 * A user command declared once, with its label, key and disabled state, and turned into menu items,
 * toolbar buttons, scene accelerators and the keys dialog by {@link ActionControls}, so these never
 * disagree.
 *
 * @param id stable identifier, also used as the node id of menu items and buttons
 * @param label the localized label
 * @param key the shortcut, or null when the action has none
 * @param handler what the action does; runs on the FX thread
 * @param disabled true while the action cannot be used
 */
public record Action(
    String id,
    String label,
    KeyCombination key,
    Runnable handler,
    ObservableBooleanValue disabled) {

  public Action {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(disabled, "disabled");
  }

  /** An action that is always enabled. */
  public static Action of(String id, String label, KeyCombination key, Runnable handler) {
    return new Action(id, label, key, handler, new ReadOnlyBooleanWrapper(false));
  }

  public Optional<KeyCombination> keyCombination() {
    return Optional.ofNullable(key);
  }

  /** The key as the platform writes it (for example "Ctrl+O"), or empty text when there is none. */
  public String keyText() {
    return key == null ? "" : key.getDisplayText();
  }

  /** Runs the handler unless the action is disabled (accelerators bypass control disabling). */
  public void fire() {
    if (!disabled.get()) {
      handler.run();
    }
  }

  /** The key of the digit {@code n} (1-9) on the main keyboard: keys for the n-th candidate. */
  public static KeyCode digit(int n) {
    if (n < 1 || n > 9) {
      throw new IllegalArgumentException("a digit key is 1-9, was " + n);
    }
    return KeyCode.valueOf("DIGIT" + n);
  }
}
