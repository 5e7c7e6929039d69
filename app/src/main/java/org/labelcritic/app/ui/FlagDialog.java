package org.labelcritic.app.ui;

import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.labelcritic.model.domain.FlagReason;

/** Asks for a flag's reason and note. The reason starts on "uncertain"; the note may be empty. */
final class FlagDialog {
  private FlagDialog() {}

  static Dialog<Optional<FlagChoice>> create(Window owner, String about, I18n i18n) {
    ChoiceBox<FlagReason> reason = new ChoiceBox<>();
    reason.setId("flag-reason");
    reason.getItems().setAll(FlagReason.values());
    reason.setValue(FlagReason.UNCERTAIN);
    reason.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(FlagReason r) {
            return r == null ? "" : FlagTexts.reason(i18n, r);
          }

          @Override
          public FlagReason fromString(String s) {
            throw new UnsupportedOperationException("the reason choice is not editable");
          }
        });
    TextArea note = new TextArea();
    note.setId("flag-note");
    note.setPromptText(i18n.text("flag.note.prompt"));
    note.setPrefRowCount(3);
    note.setPrefColumnCount(36);
    note.setWrapText(true);

    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(10);
    grid.addRow(0, new Label(i18n.text("flag.reason")), reason);
    grid.addRow(1, new Label(i18n.text("flag.note")), note);

    Dialog<Optional<FlagChoice>> dialog = new Dialog<>();
    dialog.setTitle(i18n.text("flag.title"));
    dialog.setHeaderText(i18n.format("flag.header", about));
    if (owner != null) {
      dialog.initOwner(owner);
    }
    dialog.initModality(Modality.WINDOW_MODAL);
    dialog.getDialogPane().setId("flag-dialog");
    ButtonType ok = new ButtonType(i18n.text("flag.ok"), ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
    dialog.getDialogPane().setContent(grid);
    dialog.setResultConverter(
        button ->
            button == ok
                ? Optional.of(new FlagChoice(reason.getValue(), note.getText()))
                : Optional.empty());
    dialog.setOnShown(e -> reason.requestFocus());
    return dialog;
  }
}
