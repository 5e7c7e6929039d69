package org.labelcritic.app.ui.team;

import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.labelcritic.app.ui.I18n;

/**
 * Asks a reviewer for their name on first start. OK stays disabled while the name is not acceptable
 * ({@link ReviewerSettings#nameProblem}), and the reason is shown under the field. The caller saves
 * the answer with {@link ReviewerSettings#save}.
 */
public final class ReviewerNameDialog extends Dialog<String> {
  private final TextField field = new TextField();
  private final Label problem = new Label();

  public ReviewerNameDialog(I18n i18n, Window owner, String suggestion) {
    if (owner != null) {
      initOwner(owner);
    }
    setTitle(i18n.text("team.reviewer.title"));
    setHeaderText(i18n.text("team.reviewer.header"));
    field.setId("reviewer-name");
    field.setPromptText(i18n.text("team.reviewer.prompt"));
    field.setText(suggestion == null ? "" : suggestion);
    problem.setId("reviewer-name-problem");
    problem.setStyle("-fx-text-fill: #b00020;");
    VBox box = new VBox(8, new Label(i18n.text("team.reviewer.text")), field, problem);
    box.setPadding(new Insets(10));
    getDialogPane().setContent(box);
    getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    javafx.scene.Node ok = getDialogPane().lookupButton(ButtonType.OK);
    ok.setId("reviewer-name-ok");
    Runnable check =
        () -> {
          Optional<ReviewerSettings.NameProblem> p = ReviewerSettings.nameProblem(field.getText());
          ok.setDisable(p.isPresent());
          problem.setText(field.getText().isEmpty() || p.isEmpty() ? "" : message(i18n, p.get()));
        };
    field.textProperty().addListener((o, a, b) -> check.run());
    check.run();
    setResultConverter(b -> b == ButtonType.OK ? field.getText().strip() : null);
    setOnShown(e -> Platform.runLater(field::requestFocus));
  }

  static String message(I18n i18n, ReviewerSettings.NameProblem p) {
    return switch (p) {
      case EMPTY -> i18n.text("team.reviewer.problem.empty");
      case TOO_LONG -> i18n.format("team.reviewer.problem.long", ReviewerSettings.MAX_NAME);
      case BAD_CHARACTERS -> i18n.text("team.reviewer.problem.characters");
      case RESERVED -> i18n.text("team.reviewer.problem.reserved");
    };
  }

  /** The text field, for tests. */
  TextField field() {
    return field;
  }
}
