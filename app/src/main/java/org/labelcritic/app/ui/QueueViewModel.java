package org.labelcritic.app.ui;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.ReviewStatus;
import org.labelcritic.model.store.QueueRow;
import org.labelcritic.model.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review queue: all rows, the rows that pass the status and text filters, the selected row, and
 * the loading and error state. Holds no nodes.
 *
 * <p>The selection is remembered by item and structure, so a reload (which brings new row objects,
 * possibly with a new status) keeps the row the user chose; only the first load and a filter change
 * the user makes move it.
 */
public final class QueueViewModel {
  /** Rows loaded at most; the queue is ordered so the rows that matter come first. */
  public static final int DEFAULT_LIMIT = 50_000;

  private static final Logger LOG = LoggerFactory.getLogger(QueueViewModel.class);

  private final Executor io;
  private final Consumer<Runnable> fx;
  private final int limit;
  private Store store;

  private final ObservableList<QueueRow> rows = FXCollections.observableArrayList();
  private final FilteredList<QueueRow> visibleRows = new FilteredList<>(rows);
  private final ObjectProperty<ReviewStatus> statusFilter = new SimpleObjectProperty<>(this, "s");
  private final StringProperty textFilter = new SimpleStringProperty(this, "text", "");
  private final ReadOnlyObjectWrapper<QueueRow> selected = new ReadOnlyObjectWrapper<>(this, "sel");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
  private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
  private final ReadOnlyBooleanWrapper truncated = new ReadOnlyBooleanWrapper(this, "truncated");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

  private RowKey selectedKey;
  private long generation;
  // True while this class changes the lists: selection changes that views report meanwhile are
  // side effects of the list change (a table moves its selection), not the user's choice.
  private boolean applying;

  /**
   * @param io runs the blocking store query
   * @param fx applies results where the properties live ({@code Platform::runLater} in the app)
   */
  public QueueViewModel(Store store, Executor io, Consumer<Runnable> fx) {
    this(store, io, fx, DEFAULT_LIMIT);
  }

  public QueueViewModel(Store store, Executor io, Consumer<Runnable> fx, int limit) {
    this.store = Objects.requireNonNull(store, "store");
    this.io = Objects.requireNonNull(io, "io");
    this.fx = Objects.requireNonNull(fx, "fx");
    this.limit = limit;
    statusFilter.addListener((o, a, b) -> applyFilter());
    textFilter.addListener((o, a, b) -> applyFilter());
  }

  /** Shows another database; the caller reloads. */
  public void setStore(Store store) {
    this.store = Objects.requireNonNull(store, "store");
    selectedKey = null;
    selected.set(null);
    loaded.set(false);
  }

  /**
   * Runs the queue query on the executor and applies the rows through the FX applier. The future
   * completes once they are applied, or exceptionally with the {@link LabelCriticException}.
   */
  public CompletableFuture<List<QueueRow>> reload() {
    long myGeneration = ++generation;
    Store from = store;
    loading.set(true);
    CompletableFuture<List<QueueRow>> done = new CompletableFuture<>();
    try {
      io.execute(
          () -> {
            try {
              List<QueueRow> result = from.queries().queue(limit);
              fx.accept(() -> apply(myGeneration, result, done));
            } catch (LabelCriticException | RuntimeException e) {
              fx.accept(() -> fail(myGeneration, e, done));
            }
          });
    } catch (RuntimeException rejected) {
      fail(myGeneration, rejected, done);
    }
    return done;
  }

  private void apply(long gen, List<QueueRow> result, CompletableFuture<List<QueueRow>> done) {
    if (gen == generation) {
      applying = true;
      try {
        rows.setAll(result);
        QueueRow keep = selectedKey == null ? null : find(rows, selectedKey);
        if (keep != null) {
          selected.set(keep);
        } else if (!loaded.get()) {
          selectFirstVisible();
        } else {
          selected.set(null);
        }
      } finally {
        applying = false;
      }
      truncated.set(result.size() >= limit);
      error.set("");
      loaded.set(true);
      loading.set(false);
    }
    done.complete(result);
  }

  private void fail(long gen, Exception e, CompletableFuture<List<QueueRow>> done) {
    if (gen == generation) {
      LOG.warn("loading the review queue failed: {}", LabelCriticException.describe(e));
      error.set(LabelCriticException.describe(e));
      loading.set(false);
    }
    done.completeExceptionally(e instanceof CompletionException ? e : new CompletionException(e));
  }

  /** The user selected a row (null, which lists send while they change, is ignored). */
  public void select(QueueRow row) {
    if (row != null && !applying) {
      selectedKey = RowKey.of(row);
      selected.set(row);
    }
  }

  private void applyFilter() {
    ReviewStatus status = statusFilter.get();
    String text = textFilter.get() == null ? "" : textFilter.get().strip().toLowerCase(Locale.ROOT);
    Predicate<QueueRow> byStatus = r -> status == null || r.status() == status;
    Predicate<QueueRow> byText =
        r ->
            text.isEmpty()
                || r.itemName().toLowerCase(Locale.ROOT).contains(text)
                || r.structure().toLowerCase(Locale.ROOT).contains(text);
    applying = true;
    try {
      visibleRows.setPredicate(byStatus.and(byText));
      // The user changed the filter: when the selected row is filtered out, move to the first one.
      QueueRow current = selected.get();
      if (current == null || !visibleRows.contains(current)) {
        selectFirstVisible();
      }
    } finally {
      applying = false;
    }
  }

  private void selectFirstVisible() {
    QueueRow first = visibleRows.isEmpty() ? null : visibleRows.getFirst();
    selectedKey = first == null ? null : RowKey.of(first);
    selected.set(first);
  }

  private static QueueRow find(List<QueueRow> in, RowKey key) {
    for (QueueRow r : in) {
      if (key.matches(r)) {
        return r;
      }
    }
    return null;
  }

  /** Every loaded row, in the store's order. */
  public ObservableList<QueueRow> rows() {
    return FXCollections.unmodifiableObservableList(rows);
  }

  /** The rows that pass the filters. */
  public ObservableList<QueueRow> visibleRows() {
    return visibleRows;
  }

  /** The status to show, or null for every status. */
  public ObjectProperty<ReviewStatus> statusFilterProperty() {
    return statusFilter;
  }

  /** Text that the item or structure name must contain (case-insensitive). */
  public StringProperty textFilterProperty() {
    return textFilter;
  }

  public ReadOnlyObjectProperty<QueueRow> selectedProperty() {
    return selected.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** True once a load has succeeded. */
  public ReadOnlyBooleanProperty loadedProperty() {
    return loaded.getReadOnlyProperty();
  }

  /** True when the queue holds more rows than were loaded. */
  public ReadOnlyBooleanProperty truncatedProperty() {
    return truncated.getReadOnlyProperty();
  }

  /** The last load's error message for the user, or empty text. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public int limit() {
    return limit;
  }
}
