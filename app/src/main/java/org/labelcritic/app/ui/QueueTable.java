package org.labelcritic.app.ui;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.labelcritic.model.domain.ReviewStatus;
import org.labelcritic.model.store.QueueRow;

/** The review queue as a sortable table, kept in step with a {@link QueueViewModel}. */
final class QueueTable {
  private QueueTable() {}

  static TableView<QueueRow> create(QueueViewModel vm, I18n i18n) {
    TableView<QueueRow> table = new TableView<>();
    table.setId("queue-table");
    table.getStyleClass().add("queue-table");
    // The view model orders the rows (QueueOrder): next, previous and next unsure follow exactly
    // what is shown, and live updates never reshuffle it; so the headers do not sort.
    table.setItems(vm.visibleRows());

    TableColumn<QueueRow, String> item = column(i18n.text("queue.column.item"), "item", 130);
    item.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().itemName()));
    TableColumn<QueueRow, String> structure =
        column(i18n.text("queue.column.structure"), "structure", 135);
    structure.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().structure()));
    TableColumn<QueueRow, Integer> candidates =
        column(i18n.text("queue.column.candidates"), "candidates", 50);
    candidates.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().candidates()));
    candidates.getStyleClass().add("numeric");
    TableColumn<QueueRow, ReviewStatus> status =
        column(i18n.text("queue.column.status"), "status", 90);
    status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
    status.setCellFactory(c -> new StatusCell(i18n));
    TableColumn<QueueRow, Double> confidence =
        column(i18n.text("queue.column.confidence"), "confidence", 80);
    confidence.setCellValueFactory(
        c -> {
          var conf = c.getValue().confidence();
          return new ReadOnlyObjectWrapper<>(conf.isPresent() ? conf.getAsDouble() : null);
        });
    confidence.setCellFactory(c -> new ConfidenceCell(i18n));
    confidence.getStyleClass().add("numeric");
    table.getColumns().setAll(java.util.List.of(item, structure, status, confidence, candidates));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

    Label placeholder = new Label();
    placeholder.getStyleClass().add("placeholder-text");
    placeholder
        .textProperty()
        .bind(
            Bindings.when(vm.loadingProperty())
                .then(i18n.text("queue.placeholder.loading"))
                .otherwise(
                    Bindings.when(Bindings.isEmpty(vm.rows()))
                        .then(i18n.text("queue.placeholder.empty"))
                        .otherwise(i18n.text("queue.placeholder.filtered"))));
    table.setPlaceholder(placeholder);

    // The view model owns the selection; the table reports the user's choice and follows it.
    table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> vm.select(row));
    vm.selectedProperty().addListener((o, a, row) -> follow(table, row));
    vm.visibleRows()
        .addListener(
            (ListChangeListener<QueueRow>) c -> follow(table, vm.selectedProperty().get()));
    follow(table, vm.selectedProperty().get());
    return table;
  }

  private static void follow(TableView<QueueRow> table, QueueRow row) {
    if (row == null) {
      table.getSelectionModel().clearSelection();
      return;
    }
    int index = table.getItems().indexOf(row);
    if (index < 0) {
      table.getSelectionModel().clearSelection();
    } else if (table.getSelectionModel().getSelectedIndex() != index) {
      table.getSelectionModel().clearAndSelect(index);
      table.getFocusModel().focus(index);
      table.scrollTo(Math.max(0, index - 3));
    }
  }

  private static <T> TableColumn<QueueRow, T> column(String title, String id, double width) {
    TableColumn<QueueRow, T> c = new TableColumn<>(title);
    c.setId("column-" + id);
    c.setPrefWidth(width);
    c.setMinWidth(40);
    c.setSortable(false);
    return c;
  }

  /**
   * The status as a coloured badge; its colours come from {@code workbench.css}, chosen by a
   * pseudo-class per status ({@code .status-badge:status-unsure}). A pseudo-class only switches
   * styles the badge already matched; changing a style class would have the CSS engine match the
   * badge again on every cell update, which showed on the FX thread while the queue scrolled.
   */
  private static final class StatusCell extends TableCell<QueueRow, ReviewStatus> {
    private static final Map<ReviewStatus, PseudoClass> STATES = new EnumMap<>(ReviewStatus.class);

    static {
      for (ReviewStatus s : ReviewStatus.values()) {
        STATES.put(s, PseudoClass.getPseudoClass(StatusTexts.styleClass(s)));
      }
    }

    private final I18n i18n;
    private final Label badge = new Label();
    private ReviewStatus shown;

    StatusCell(I18n i18n) {
      this.i18n = i18n;
      badge.getStyleClass().add("status-badge");
    }

    @Override
    protected void updateItem(ReviewStatus status, boolean empty) {
      super.updateItem(status, empty);
      ReviewStatus now = empty ? null : status;
      if (now != shown) {
        if (shown != null) {
          badge.pseudoClassStateChanged(STATES.get(shown), false);
        }
        if (now != null) {
          badge.pseudoClassStateChanged(STATES.get(now), true);
          badge.setText(StatusTexts.status(i18n, now));
        }
        shown = now;
      }
      setGraphic(now == null ? null : badge);
    }
  }

  /** The critic's confidence with two decimals, or a dash when there is no verdict yet. */
  private static final class ConfidenceCell extends TableCell<QueueRow, Double> {
    private final I18n i18n;
    // One formatter per cell: cells update on every scroll, and parsing the pattern each time
    // showed up on the FX thread.
    private final java.text.MessageFormat format;

    ConfidenceCell(I18n i18n) {
      this.i18n = i18n;
      this.format = i18n.formatter("queue.confidence");
    }

    @Override
    protected void updateItem(Double value, boolean empty) {
      super.updateItem(value, empty);
      if (empty) {
        setText(null);
      } else if (value == null) {
        setText(i18n.text("queue.confidence.none"));
      } else {
        setText(format.format(new Object[] {value}));
      }
    }
  }
}
