package org.labelcritic.app.ui.cells;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.labelcritic.app.ui.Action;
import org.labelcritic.app.ui.I18n;
import org.labelcritic.model.store.Store;

/**
 * Grid mode: a page of cells with the same predicted code, each with a small field. Tab moves
 * between the fields, the reviewer types only into the wrong cells, and Enter accepts the page.
 */
public final class CellGridPane extends BorderPane {
  static final int COLUMNS = 4;
  static final double CELL_ZOOM = 2.6;

  private final CellGridViewModel model;
  private final GridPane grid = new GridPane();
  private final List<TextField> fields = new ArrayList<>();
  private final List<Action> actions;

  public CellGridPane(Store store, Executor io, I18n i18n, String reviewer) {
    this(
        new CellGridViewModel(
            store, io, Platform::runLater, i18n, reviewer, CellGridViewModel.DEFAULT_PAGE_SIZE),
        i18n);
  }

  public CellGridPane(CellGridViewModel model, I18n i18n) {
    this.model = model;
    this.actions = CellActions.grid(model, i18n);
    setId("cell-grid");
    setPadding(new Insets(10));
    Label title = new Label();
    title.setId("cell-grid-title");
    title.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold;");
    title.textProperty().bind(model.titleProperty());
    Label hint = new Label(i18n.text("cells.grid.keys"));
    hint.setStyle("-fx-text-fill: #555555;");
    Label message = new Label();
    message.setId("cell-grid-message");
    message.setWrapText(true);
    message.setStyle("-fx-text-fill: #b00020;");
    message.textProperty().bind(model.messageProperty());
    setTop(new VBox(4, title, hint, message));
    grid.setHgap(14);
    grid.setVgap(14);
    grid.setPadding(new Insets(10, 0, 0, 0));
    ScrollPane scroller = new ScrollPane(grid);
    scroller.setFitToWidth(true);
    setCenter(scroller);
    model.cells().addListener((ListChangeListener<GridCell>) c -> rebuild());
    addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          for (Action a : actions) {
            if (a.key() != null && a.key().match(e)) {
              a.fire();
              e.consume();
              return;
            }
          }
        });
  }

  public void load() {
    model.load();
  }

  public CellGridViewModel viewModel() {
    return model;
  }

  public List<Action> actions() {
    return actions;
  }

  private void rebuild() {
    grid.getChildren().clear();
    fields.clear();
    int i = 0;
    for (GridCell cell : model.cells()) {
      ImageView view = new ImageView();
      view.setPreserveRatio(true);
      view.setSmooth(true);
      view.imageProperty()
          .bind(
              javafx.beans.binding.Bindings.createObjectBinding(
                  () -> CellImageViews.toImage(cell.imageProperty().get()), cell.imageProperty()));
      view.fitWidthProperty()
          .bind(
              javafx.beans.binding.Bindings.createDoubleBinding(
                  () ->
                      cell.imageProperty().get() == null
                          ? 0
                          : cell.imageProperty().get().width() * CELL_ZOOM,
                  cell.imageProperty()));
      TextField field = new TextField();
      field.setId("grid-code-" + i);
      field.setPrefColumnCount(6);
      field.textProperty().bindBidirectional(cell.typedProperty());
      Label id = new Label(cell.task().item().externalId());
      id.setStyle("-fx-text-fill: #555555; -fx-font-size: 0.85em;");
      Label note = new Label();
      note.setWrapText(true);
      note.setMaxWidth(100 * CELL_ZOOM);
      note.setStyle("-fx-text-fill: #b00020; -fx-font-size: 0.85em;");
      note.textProperty().bind(cell.noteProperty());
      VBox box = new VBox(3, view, id, field, note);
      box.setStyle("-fx-border-color: #cccccc; -fx-padding: 6;");
      grid.add(box, i % COLUMNS, i / COLUMNS);
      fields.add(field);
      i++;
    }
    if (!fields.isEmpty()) {
      fields.getFirst().requestFocus();
    }
  }
}
