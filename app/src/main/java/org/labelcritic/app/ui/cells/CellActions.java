package org.labelcritic.app.ui.cells;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import org.labelcritic.app.ui.Action;
import org.labelcritic.app.ui.I18n;
import org.labelcritic.model.domain.FlagReason;

/** The actions of the cell views, declared once with their labels and keys. */
final class CellActions {
  private CellActions() {}

  /** Enter, 1-9, U, X, I, E and zoom for the one-cell review. */
  static List<Action> review(CellReviewViewModel model, I18n i18n) {
    ObservableBooleanValue blocked = Bindings.or(model.busyProperty(), model.doneProperty());
    ObservableBooleanValue keysOff = Bindings.or(blocked, model.editingProperty());
    List<Action> list = new ArrayList<>();
    list.add(
        new Action(
            "cells.accept",
            i18n.text("cells.action.accept"),
            new KeyCodeCombination(KeyCode.ENTER),
            model::accept,
            blocked));
    for (int n = 1; n <= 9; n++) {
      int number = n;
      list.add(
          new Action(
              "cells.pick" + n,
              i18n.format("cells.action.pick", n),
              new KeyCodeCombination(Action.digit(n)),
              () -> model.pick(number),
              keysOff));
    }
    list.add(
        new Action(
            "cells.uncertain",
            i18n.text("cells.action.uncertain"),
            new KeyCodeCombination(KeyCode.U),
            () -> model.flag(FlagReason.UNCERTAIN),
            keysOff));
    list.add(
        new Action(
            "cells.unreadable",
            i18n.text("cells.action.unreadable"),
            new KeyCodeCombination(KeyCode.X),
            () -> model.flag(FlagReason.UNREADABLE),
            keysOff));
    list.add(
        new Action(
            "cells.invalid",
            i18n.text("cells.action.invalid"),
            new KeyCodeCombination(KeyCode.I),
            () -> model.flag(FlagReason.INVALID),
            keysOff));
    list.add(
        new Action(
            "cells.edit",
            i18n.text("cells.action.edit"),
            new KeyCodeCombination(KeyCode.E),
            model::requestEdit,
            keysOff));
    list.add(
        new Action(
            "cells.zoomIn",
            i18n.text("cells.action.zoomIn"),
            new KeyCodeCombination(KeyCode.EQUALS),
            () -> model.zoomProperty().set(Math.min(20, model.zoomProperty().get() * 1.25)),
            model.editingProperty()));
    list.add(
        new Action(
            "cells.zoomOut",
            i18n.text("cells.action.zoomOut"),
            new KeyCodeCombination(KeyCode.MINUS),
            () -> model.zoomProperty().set(Math.max(1, model.zoomProperty().get() / 1.25)),
            model.editingProperty()));
    return List.copyOf(list);
  }

  /** Enter accepts the page, Page Down skips it. */
  static List<Action> grid(CellGridViewModel model, I18n i18n) {
    ObservableBooleanValue blocked = Bindings.or(model.busyProperty(), model.doneProperty());
    return List.of(
        new Action(
            "cells.grid.accept",
            i18n.text("cells.grid.action.accept"),
            new KeyCodeCombination(KeyCode.ENTER),
            model::acceptPage,
            blocked),
        new Action(
            "cells.grid.skip",
            i18n.text("cells.grid.action.skip"),
            new KeyCodeCombination(KeyCode.PAGE_DOWN),
            model::skipPage,
            blocked));
  }
}
