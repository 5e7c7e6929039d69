package org.labelcritic.app.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.labelcritic.model.store.ChangeMark;
import org.labelcritic.model.store.QueueRow;
import org.labelcritic.model.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review queue: all rows in the chosen {@link QueueOrder}, the rows that pass the status and
 * text filters, the selected row, and the loading and error state. Holds no nodes.
 *
 * <p>The selection is remembered by item and structure, so a reload (which brings new row objects,
 * possibly with a new status) keeps the row the user chose; only the first load and a filter change
 * the user makes move it. Live updates ({@link #refreshIfChanged}) change rows in place and append
 * new ones: the order does not shift under the reviewer, and the selection never moves.
 */
public final class QueueViewModel {
  /** Rows loaded at most; the queue is ordered so the rows that matter come first. */
  public static final int DEFAULT_LIMIT = 50_000;

  private static final Logger LOG = LoggerFactory.getLogger(QueueViewModel.class);

  /** Up to this many changed rows are replaced one by one; more are replaced in one go. */
  private static final int FEW_CHANGES = 16;

  private final Executor io;
  private volatile String reviewer;
  private final Consumer<Runnable> fx;
  private final int limit;
  private Store store;

  private final ObservableList<QueueRow> rows = FXCollections.observableArrayList();
  private final FilteredList<QueueRow> visibleRows = new FilteredList<>(rows);
  // Kept: a read-only view made per call would be collected together with its listeners.
  private final ObservableList<QueueRow> rowsView = FXCollections.unmodifiableObservableList(rows);
  private final ObjectProperty<ReviewStatus> statusFilter = new SimpleObjectProperty<>(this, "s");
  private final StringProperty textFilter = new SimpleStringProperty(this, "text", "");
  private final ObjectProperty<QueueOrder> order =
      new SimpleObjectProperty<>(this, "order", QueueOrder.PRIORITY);
  private final ReadOnlyObjectWrapper<QueueRow> selected = new ReadOnlyObjectWrapper<>(this, "sel");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
  private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
  private final ReadOnlyBooleanWrapper truncated = new ReadOnlyBooleanWrapper(this, "truncated");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

  private RowKey selectedKey;
  private long generation;
  private ChangeMark lastMark;
  private boolean polling;
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
    order.addListener((o, a, b) -> resort());
  }

  /**
   * The signed-in reviewer: under an assignment plan the queue then holds only their items, blind
   * to other reviewers' decisions ({@link org.labelcritic.model.store.Queries#queueFor}); the
   * caller reloads. Null shows every row.
   */
  public void setReviewer(String reviewer) {
    this.reviewer = reviewer;
  }

  /** Shows another database; the caller reloads. */
  public void setStore(Store store) {
    this.store = Objects.requireNonNull(store, "store");
    generation++;
    lastMark = null;
    selectedKey = null;
    selected.set(null);
    loaded.set(false);
  }

  /**
   * Runs the queue query on the executor and applies the rows, in the chosen order, through the FX
   * applier. The future completes once they are applied, or exceptionally with the {@link
   * LabelCriticException}.
   */
  public CompletableFuture<List<QueueRow>> reload() {
    return load();
  }

  /**
   * Reloads the queue when the store changed since the last load (a new verdict, decision or
   * candidate), keeping the order and the selection. Completes with true when rows were reloaded. A
   * call while one is in flight does nothing.
   */
  public CompletableFuture<Boolean> refreshIfChanged() {
    if (polling || loading.get() || !loaded.get()) {
      return CompletableFuture.completedFuture(false);
    }
    polling = true;
    long myGeneration = generation;
    Store from = store;
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    try {
      io.execute(
          () -> {
            try {
              ChangeMark mark = from.queries().changeMark();
              if (mark.equals(lastMark)) {
                fx.accept(
                    () -> {
                      polling = false;
                      done.complete(false);
                    });
                return;
              }
              List<QueueRow> result = from.queries().queueFor(reviewer, limit);
              fx.accept(
                  () -> {
                    polling = false;
                    if (myGeneration == generation) {
                      lastMark = mark;
                      merge(result);
                      done.complete(true);
                    } else {
                      done.complete(false);
                    }
                  });
            } catch (LabelCriticException | RuntimeException e) {
              fx.accept(
                  () -> {
                    polling = false;
                    LOG.warn("live queue update failed: {}", LabelCriticException.describe(e));
                    done.complete(false);
                  });
            }
          });
    } catch (RuntimeException rejected) {
      polling = false;
      done.complete(false);
    }
    return done;
  }

  private CompletableFuture<List<QueueRow>> load() {
    long myGeneration = ++generation;
    Store from = store;
    loading.set(true);
    CompletableFuture<List<QueueRow>> done = new CompletableFuture<>();
    try {
      io.execute(
          () -> {
            try {
              ChangeMark mark = from.queries().changeMark();
              List<QueueRow> result = from.queries().queueFor(reviewer, limit);
              fx.accept(
                  () -> {
                    if (myGeneration == generation) {
                      lastMark = mark;
                    }
                    apply(myGeneration, result, done);
                  });
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
      List<QueueRow> sorted = new ArrayList<>(result);
      sorted.sort(order.get().comparator());
      applying = true;
      try {
        rows.setAll(sorted);
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

  /** Replaces changed rows where they stand, drops vanished ones, appends new ones in order. */
  private void merge(List<QueueRow> result) {
    Map<RowKey, QueueRow> fresh = new HashMap<>(result.size() * 2);
    for (QueueRow r : result) {
      fresh.put(RowKey.of(r), r);
    }
    applying = true;
    try {
      List<QueueRow> kept = new ArrayList<>(rows.size());
      boolean removed = false;
      for (QueueRow old : rows) {
        QueueRow now = fresh.remove(RowKey.of(old));
        if (now == null) {
          removed = true;
        } else {
          kept.add(now);
        }
      }
      List<QueueRow> added = new ArrayList<>(fresh.values());
      added.sort(order.get().comparator());
      kept.addAll(added);
      List<Integer> changed = new ArrayList<>();
      if (!removed && added.isEmpty()) {
        for (int i = 0; i < kept.size() && changed.size() <= FEW_CHANGES; i++) {
          if (!kept.get(i).equals(rows.get(i))) {
            changed.add(i);
          }
        }
      }
      if (removed || !added.isEmpty() || changed.size() > FEW_CHANGES) {
        // One change event for the lot: per-row events cost the table (and its selection model)
        // a pass over every row each, which stalls the FX thread on a big queue.
        rows.setAll(kept);
      } else {
        // A few rows changed where they stand: set only those, so the table redraws little.
        for (int i : changed) {
          rows.set(i, kept.get(i));
        }
      }
      QueueRow keep = selectedKey == null ? null : find(rows, selectedKey);
      if (keep != null && !keep.equals(selected.get())) {
        selected.set(keep);
      }
    } finally {
      applying = false;
    }
    truncated.set(result.size() >= limit);
  }

  private void resort() {
    List<QueueRow> sorted = new ArrayList<>(rows);
    sorted.sort(order.get().comparator());
    applying = true;
    try {
      rows.setAll(sorted);
    } finally {
      applying = false;
    }
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

  /** Selects the visible row after the selected one; false at the end. */
  public boolean next() {
    QueueRow r = visibleAfter(selectedKey, 1);
    select(r);
    return r != null;
  }

  /** Selects the visible row before the selected one; false at the start. */
  public boolean previous() {
    QueueRow r = visibleAfter(selectedKey, -1);
    select(r);
    return r != null;
  }

  /**
   * Selects the next visible unsure row after the selected one, wrapping round to the top; false
   * when no other row is unsure.
   */
  public boolean nextUnsure() {
    int n = visibleRows.size();
    int from = indexOf(selectedKey);
    for (int step = 1; step <= n; step++) {
      QueueRow r = visibleRows.get(Math.floorMod(from + step, n));
      if (r.status() == ReviewStatus.UNSURE && !RowKey.of(r).equals(selectedKey)) {
        select(r);
        return true;
      }
    }
    return false;
  }

  /**
   * The visible row {@code step} places from the row with this key (the first row when the key is
   * not visible and step is positive), or null past either end.
   */
  public QueueRow visibleAfter(RowKey key, int step) {
    int i = indexOf(key);
    if (i < 0) {
      return step > 0 && !visibleRows.isEmpty() ? visibleRows.getFirst() : null;
    }
    int j = i + step;
    return j >= 0 && j < visibleRows.size() ? visibleRows.get(j) : null;
  }

  private int indexOf(RowKey key) {
    if (key == null) {
      return -1;
    }
    for (int i = 0; i < visibleRows.size(); i++) {
      if (key.matches(visibleRows.get(i))) {
        return i;
      }
    }
    return -1;
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

  /** Every loaded row, in the queue's order. */
  public ObservableList<QueueRow> rows() {
    return rowsView;
  }

  /** The rows that pass the filters, in the queue's order. */
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

  /** The queue's order; changing it re-sorts at once (the selection stays). */
  public ObjectProperty<QueueOrder> orderProperty() {
    return order;
  }

  public ReadOnlyObjectProperty<QueueRow> selectedProperty() {
    return selected.getReadOnlyProperty();
  }

  /** The selected row's key, or null. */
  public RowKey selectedKey() {
    return selectedKey;
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
