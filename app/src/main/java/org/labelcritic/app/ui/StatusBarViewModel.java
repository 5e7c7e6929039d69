package org.labelcritic.app.ui;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.ReviewStatus;
import org.labelcritic.model.store.StatusReport;
import org.labelcritic.model.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status bar's state: dataset name, a one-line summary of the counts, queue counts per status,
 * whether a load is running, and the message of the last error. Holds no nodes.
 */
public final class StatusBarViewModel {
  private static final Logger LOG = LoggerFactory.getLogger(StatusBarViewModel.class);

  private final I18n i18n;
  private final Executor io;
  private final Consumer<Runnable> fx;
  private Store store;
  private long generation;

  private final ReadOnlyStringWrapper datasetName = new ReadOnlyStringWrapper(this, "dataset", "");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
  private final ReadOnlyObjectWrapper<Map<ReviewStatus, Long>> queueCounts =
      new ReadOnlyObjectWrapper<>(this, "queueCounts", Map.of());
  private final ReadOnlyStringWrapper reviewed = new ReadOnlyStringWrapper(this, "reviewed", "");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

  public StatusBarViewModel(I18n i18n, Store store, Executor io, Consumer<Runnable> fx) {
    this.i18n = Objects.requireNonNull(i18n, "i18n");
    this.store = Objects.requireNonNull(store, "store");
    this.io = Objects.requireNonNull(io, "io");
    this.fx = Objects.requireNonNull(fx, "fx");
    datasetName.set(store.dataset().name());
    summary.set(i18n.text("statusbar.loading"));
  }

  /** Shows another database; the caller reloads. */
  public void setStore(Store store) {
    this.store = Objects.requireNonNull(store, "store");
    datasetName.set(store.dataset().name());
  }

  /** Counts on the executor, applies through the FX applier; the future completes after that. */
  public CompletableFuture<StatusReport> reload() {
    long myGeneration = ++generation;
    Store from = store;
    loading.set(true);
    CompletableFuture<StatusReport> done = new CompletableFuture<>();
    try {
      io.execute(
          () -> {
            try {
              StatusReport report = from.queries().status();
              fx.accept(() -> apply(myGeneration, report, done));
            } catch (LabelCriticException | RuntimeException e) {
              fx.accept(() -> fail(myGeneration, e, done));
            }
          });
    } catch (RuntimeException rejected) {
      fail(myGeneration, rejected, done);
    }
    return done;
  }

  private void apply(long gen, StatusReport report, CompletableFuture<StatusReport> done) {
    if (gen == generation) {
      datasetName.set(report.datasetName());
      summary.set(
          i18n.format(
              "statusbar.summary", report.items(), report.candidates(), report.decisions()));
      Map<ReviewStatus, Long> counts = countsByStatus(report.queueByStatus());
      queueCounts.set(counts);
      long total = counts.values().stream().mapToLong(Long::longValue).sum();
      long decided = counts.get(ReviewStatus.DECIDED) + counts.get(ReviewStatus.FLAGGED);
      reviewed.set(i18n.format("statusbar.reviewed", decided, total));
      error.set("");
      loading.set(false);
    }
    done.complete(report);
  }

  private void fail(long gen, Exception e, CompletableFuture<StatusReport> done) {
    if (gen == generation) {
      reportError(LabelCriticException.describe(e));
      loading.set(false);
    }
    done.completeExceptionally(e instanceof CompletionException ? e : new CompletionException(e));
  }

  /** Shows a problem the user should know about (from this or another part of the window). */
  public void reportError(String message) {
    LOG.warn("status bar shows error: {}", message);
    error.set(message == null ? "" : message);
  }

  /** Every status, in queue order, with its count (0 when the store has none). */
  static Map<ReviewStatus, Long> countsByStatus(Map<String, Long> byName) {
    Map<ReviewStatus, Long> out = new EnumMap<>(ReviewStatus.class);
    for (ReviewStatus s : ReviewStatus.values()) {
      out.put(s, byName.getOrDefault(s.name(), 0L));
    }
    return Collections.unmodifiableMap(out);
  }

  public ReadOnlyStringProperty datasetNameProperty() {
    return datasetName.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Map<ReviewStatus, Long>> queueCountsProperty() {
    return queueCounts.getReadOnlyProperty();
  }

  /** Reviewed (decided or flagged) out of all queue rows. */
  public ReadOnlyStringProperty reviewedProperty() {
    return reviewed.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** The message of the last error, or empty text. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }
}
