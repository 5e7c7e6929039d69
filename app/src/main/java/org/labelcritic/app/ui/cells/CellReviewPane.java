package org.labelcritic.app.ui.cells;

import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;
import org.labelcritic.app.ui.Action;
import org.labelcritic.app.ui.I18n;
import org.labelcritic.model.store.Store;

/**
 * The one-cell review view: the cell image large and zoomable, every candidate with its per-digit
 * confidences, the critic's verdict and a code field with auto-completion from the code list. All
 * of it works from the keyboard: the view handles its own actions' keys, and while the code field
 * has the focus, keys type into it (Enter accepts the typed code, Escape leaves the field).
 */
public final class CellReviewPane extends BorderPane {
  private final CellReviewViewModel model;
  private final I18n i18n;
  private final TextField codeField = new TextField();
  private final GridPane candidateGrid = new GridPane();
  private AutoCompletionBinding<String> completion;
  private final List<Action> actions;
  private boolean swallowTyped;
  private boolean browsingSuggestions;

  /** A view on a new view model; call {@link #load()} to read the queue. */
  public CellReviewPane(Store store, Executor io, I18n i18n, String reviewer) {
    this(new CellReviewViewModel(store, io, Platform::runLater, i18n, reviewer), i18n);
  }

  public CellReviewPane(CellReviewViewModel model, I18n i18n) {
    this.model = model;
    this.i18n = i18n;
    this.actions = CellActions.review(model, i18n);
    getStyleClass().add("cell-review");
    setId("cell-review");
    setPadding(new Insets(10));
    setFocusTraversable(true);

    Label title = new Label();
    title.setId("cell-title");
    title.textProperty().bind(model.titleProperty());
    title.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold;");
    Label routed = new Label();
    routed.setId("cell-routed");
    routed.textProperty().bind(model.routedShareProperty());
    VBox top = new VBox(2, title, routed);
    top.setPadding(new Insets(0, 0, 8, 0));
    setTop(top);

    ImageView view = new ImageView();
    view.setId("cell-image");
    view.setPreserveRatio(true);
    view.setSmooth(true);
    view.imageProperty()
        .bind(
            Bindings.createObjectBinding(
                () -> CellImageViews.toImage(model.imageProperty().get()), model.imageProperty()));
    view.fitWidthProperty()
        .bind(
            Bindings.createDoubleBinding(
                () ->
                    model.imageProperty().get() == null
                        ? 0
                        : model.imageProperty().get().width() * model.zoomProperty().get(),
                model.imageProperty(),
                model.zoomProperty()));
    Label imageMessage = new Label();
    imageMessage.setId("cell-image-message");
    imageMessage.setWrapText(true);
    imageMessage.setMaxWidth(520);
    imageMessage.textProperty().bind(model.imageMessageProperty());
    imageMessage.visibleProperty().bind(model.imageMessageProperty().isNotEmpty());
    imageMessage.setStyle(
        "-fx-background-color: #fff4e0; -fx-border-color: #d08000; -fx-padding: 8;");
    StackPane imageBox = new StackPane(view, imageMessage);
    StackPane.setAlignment(imageMessage, Pos.TOP_LEFT);
    imageBox.setStyle("-fx-background-color: #f4f4f4;");
    ScrollPane scroller = new ScrollPane(imageBox);
    scroller.setFitToWidth(true);
    scroller.setFitToHeight(true);
    scroller.setFocusTraversable(false);
    scroller.addEventFilter(
        ScrollEvent.SCROLL,
        e -> {
          if (e.isControlDown()) {
            double f = e.getDeltaY() > 0 ? 1.25 : 1 / 1.25;
            model.zoomProperty().set(Math.clamp(model.zoomProperty().get() * f, 1, 20));
            e.consume();
          }
        });
    setCenter(scroller);

    Label verdict = new Label();
    verdict.setId("cell-verdict");
    verdict.setWrapText(true);
    verdict.textProperty().bind(model.verdictProperty());
    Label problems = new Label();
    problems.setId("cell-problems");
    problems.setWrapText(true);
    problems.textProperty().bind(model.problemsProperty());
    problems.visibleProperty().bind(model.problemsProperty().isNotEmpty());
    problems.managedProperty().bind(problems.visibleProperty());
    problems.setStyle("-fx-text-fill: #a04000;");
    candidateGrid.setId("cell-candidates");
    candidateGrid.setHgap(12);
    candidateGrid.setVgap(4);
    model
        .candidates()
        .addListener((javafx.collections.ListChangeListener<CandidateRow>) c -> rows());
    Label candidatesHeader = new Label(i18n.text("cells.candidates"));
    candidatesHeader.setStyle("-fx-font-weight: bold;");
    VBox side = new VBox(8, candidatesHeader, candidateGrid, verdict, problems);
    side.setPadding(new Insets(0, 0, 0, 12));
    side.setPrefWidth(560);
    setRight(side);

    codeField.setId("cell-code");
    codeField.textProperty().bindBidirectional(model.codeProperty());
    codeField.promptTextProperty().bind(model.promptProperty());
    codeField.setFocusTraversable(false);
    codeField.textProperty().addListener((o, a, b) -> browsingSuggestions = false);
    codeField.setPrefColumnCount(24);
    codeField.setTooltip(new Tooltip(i18n.text("cells.code.tooltip")));
    codeField.focusedProperty().addListener((o, was, is) -> model.editingProperty().set(is));
    model.suggestionsProperty().addListener((o, was, list) -> bindCompletion(list));
    bindCompletion(model.suggestionsProperty().get());
    Label codeLabel = new Label(i18n.text("cells.code"));
    codeLabel.setLabelFor(codeField);
    Label message = new Label();
    message.setId("cell-message");
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());
    message.setStyle("-fx-text-fill: #b00020;");
    Label keys = new Label(i18n.text("cells.keys"));
    keys.setId("cell-keys");
    keys.setStyle("-fx-text-fill: #555555;");
    HBox codeRow = new HBox(8, codeLabel, codeField, message);
    codeRow.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(message, Priority.ALWAYS);
    VBox bottom = new VBox(6, codeRow, keys);
    bottom.setPadding(new Insets(8, 0, 0, 0));
    setBottom(bottom);

    model.editRequestProperty().addListener((o, a, b) -> codeField.requestFocus());
    model.currentProperty().addListener((o, a, b) -> requestFocus());
    addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    // The character of a key that fired an action (E focuses the code field) must not be typed.
    addEventFilter(
        KeyEvent.KEY_TYPED,
        e -> {
          if (swallowTyped) {
            swallowTyped = false;
            e.consume();
          }
        });
  }

  /** Loads the queue (on the IO executor) and shows the first cell. */
  public void load() {
    model.load();
  }

  public CellReviewViewModel viewModel() {
    return model;
  }

  /** The view's actions, with their keys. */
  public List<Action> actions() {
    return actions;
  }

  private void key(KeyEvent e) {
    if (codeField.isFocused()) {
      if (e.getCode() == KeyCode.ENTER) {
        model.accept();
        e.consume();
      } else if (e.getCode() == KeyCode.ESCAPE) {
        requestFocus();
        e.consume();
      }
      return;
    }
    swallowTyped = false;
    for (Action a : actions) {
      if (a.key() != null && a.key().match(e)) {
        a.fire();
        e.consume();
        swallowTyped = true;
        return;
      }
    }
  }

  private void bindCompletion(List<String> suggestions) {
    if (completion != null) {
      completion.dispose();
    }
    completion =
        suggestions.isEmpty()
            ? null
            : TextFields.bindAutoCompletion(
                codeField, request -> suggest(suggestions, request.getUserText()));
    if (completion != null) {
      AutoCompletionBinding<String> binding = completion;
      completion.setVisibleRowCount(8);
      // Enter in the suggestion list completes only when the reviewer moved into the list with
      // the arrow keys; otherwise it means "accept what I typed", as in the field itself.
      completion
          .getAutoCompletionPopup()
          .addEventFilter(
              KeyEvent.KEY_PRESSED,
              e -> {
                if (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN) {
                  browsingSuggestions = true;
                } else if (e.getCode() == KeyCode.ENTER && !browsingSuggestions) {
                  binding.getAutoCompletionPopup().hide();
                  model.accept();
                  e.consume();
                }
              });
      completion.setOnAutoCompleted(
          e -> {
            String text = e.getCompletion();
            int space = text.indexOf(' ');
            codeField.setText(space > 0 ? text.substring(0, space) : text);
            codeField.positionCaret(codeField.getText().length());
          });
    }
  }

  /**
   * Codes that start with what was typed, or, for text with letters, whose description contains it
   * (a reviewer who reads "baker" finds the code); at most a dozen.
   */
  static List<String> suggest(List<String> all, String typed) {
    String t = typed == null ? "" : typed.strip().toLowerCase(java.util.Locale.ROOT);
    if (t.isEmpty()) {
      return List.of();
    }
    boolean letters = t.chars().anyMatch(Character::isLetter);
    return all.stream()
        .filter(
            s ->
                letters
                    ? s.toLowerCase(java.util.Locale.ROOT).contains(t)
                    : s.startsWith(t) && !s.startsWith(t + " "))
        .limit(12)
        .toList();
  }

  private void rows() {
    candidateGrid.getChildren().clear();
    String[] headers = {
      i18n.text("cells.column.key"),
      i18n.text("cells.column.code"),
      i18n.text("cells.column.digits"),
      i18n.text("cells.column.overall"),
      i18n.text("cells.column.critic"),
      i18n.text("cells.column.source")
    };
    for (int c = 0; c < headers.length; c++) {
      Label h = new Label(headers[c]);
      h.setStyle("-fx-text-fill: #555555;");
      candidateGrid.add(h, c, 0);
    }
    int r = 1;
    for (CandidateRow row : model.candidates()) {
      Label key = new Label(Integer.toString(row.number()));
      key.setStyle("-fx-font-weight: bold;");
      Label code = new Label(row.code());
      code.setId("cell-candidate-" + row.number());
      code.setStyle(
          "-fx-font-family: monospace; -fx-font-size: 1.4em;"
              + (row.best() ? " -fx-font-weight: bold; -fx-text-fill: #0050a0;" : ""));
      code.setTooltip(new Tooltip(row.description()));
      Label digits = new Label(row.digits());
      if (row.lowDigit()) {
        digits.setStyle("-fx-text-fill: #c05000; -fx-font-weight: bold;");
      }
      Label desc = new Label(row.description());
      desc.setStyle("-fx-text-fill: #555555; -fx-font-size: 0.9em;");
      candidateGrid.add(key, 0, r);
      candidateGrid.add(code, 1, r);
      candidateGrid.add(digits, 2, r);
      candidateGrid.add(new Label(row.overall()), 3, r);
      candidateGrid.add(new Label(row.pCorrect()), 4, r);
      candidateGrid.add(new Label(row.source()), 5, r);
      candidateGrid.add(desc, 1, r + 1, 5, 1);
      r += 2;
    }
  }
}
