package org.labelcritic.app.ui;

import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/** The "Keys" dialog: every declared action with its shortcut, read from the same declarations. */
final class KeysDialog {
  /** The height of the key list before it scrolls. */
  private static final double MAX_LIST_HEIGHT = 480;

  private KeysDialog() {}

  static Dialog<Void> create(Window owner, List<Action> actions, I18n i18n) {
    GridPane grid = new GridPane();
    grid.setId("keys-grid");
    grid.getStyleClass().add("keys-grid");
    grid.setHgap(24);
    grid.setVgap(6);
    Label actionHeader = new Label(i18n.text("keys.column.action"));
    Label keyHeader = new Label(i18n.text("keys.column.key"));
    actionHeader.getStyleClass().add("keys-header");
    keyHeader.getStyleClass().add("keys-header");
    grid.addRow(0, actionHeader, keyHeader);
    int row = 1;
    for (Action action : actions) {
      Label label = new Label(action.label());
      Label key = new Label(action.key() == null ? i18n.text("keys.none") : action.keyText());
      key.getStyleClass().add(action.key() == null ? "keys-none" : "keys-key");
      key.setId("keys-" + action.id());
      grid.addRow(row++, label, key);
    }
    Label table = new Label(i18n.text("keys.queue.hint"));
    table.getStyleClass().add("keys-hint");
    table.setWrapText(true);
    table.setMaxWidth(360);

    Dialog<Void> dialog = new Dialog<>();
    dialog.setTitle(i18n.text("keys.title"));
    dialog.setHeaderText(i18n.text("keys.header"));
    if (owner != null) {
      dialog.initOwner(owner);
    }
    dialog.initModality(Modality.WINDOW_MODAL);
    dialog.getDialogPane().setId("keys-dialog");
    dialog.getDialogPane().getStyleClass().add("keys-dialog");
    // Many actions: the list scrolls rather than growing past the screen.
    ScrollPane scroller = new ScrollPane(grid);
    scroller.setId("keys-scroller");
    scroller.setFitToWidth(true);
    scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroller.setPrefViewportHeight(MAX_LIST_HEIGHT);
    scroller.setMaxHeight(MAX_LIST_HEIGHT + 20);
    dialog.getDialogPane().setContent(new VBox(14, scroller, table));
    dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
    return dialog;
  }
}
