package org.labelcritic.app.ui;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.ReviewSession;
import org.labelcritic.model.domain.ReviewStatus;
import org.labelcritic.model.domain.Reviewer;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.QueueRow;
import org.labelcritic.model.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reviewer's decisions on the selected queue row: accept a candidate, edit one in the viewer,
 * flag, reopen. Each decision is committed to the store on the io executor, and only then does the
 * selection move on; while a commit (or saving an edit) is in flight every further decision is
 * refused, so a key pressed twice never decides twice and a decision is never lost half-way. Also
 * drives the {@link ItemViewer}: shows the selected row, prefetches the next one, starts, saves and
 * cancels edits, and forwards undo and redo to it while editing. Holds no nodes.
 */
public final class ReviewViewModel {
  private static final Logger LOG = LoggerFactory.getLogger(ReviewViewModel.class);

  /** How long the last decision took: committing it, and from the commit to the next row shown. */
  public record Timing(long commitNanos, long showNanos) {}

  private final I18n i18n;
  private final Executor io;
  private final Consumer<Runnable> fx;
  private final QueueViewModel queue;
  private final VerdictViewModel verdict;
  private Store store;
  private ItemViewer viewer;
  private LongConsumer onShow = id -> {};
  private Runnable onCommitted = () -> {};

  private final ReadOnlyBooleanWrapper committing = new ReadOnlyBooleanWrapper(this, "commit");
  private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing");
  private final ReadOnlyObjectWrapper<Reviewer> reviewer = new ReadOnlyObjectWrapper<>(this, "rv");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
  private final ReadOnlyObjectWrapper<Timing> lastTiming = new ReadOnlyObjectWrapper<>(this, "t");
  private final BooleanBinding canDecide;
  private ReviewSession session;
  private RowKey shownKey;
  private long shownAtNanos = System.nanoTime();
  private long refused;

  public ReviewViewModel(
      I18n i18n,
      Store store,
      Executor io,
      Consumer<Runnable> fx,
      QueueViewModel queue,
      VerdictViewModel verdict,
      ItemViewer viewer) {
    this.i18n = Objects.requireNonNull(i18n, "i18n");
    this.store = Objects.requireNonNull(store, "store");
    this.io = Objects.requireNonNull(io, "io");
    this.fx = Objects.requireNonNull(fx, "fx");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.verdict = Objects.requireNonNull(verdict, "verdict");
    this.viewer = Objects.requireNonNull(viewer, "viewer");
    canDecide =
        Bindings.createBooleanBinding(
            () ->
                reviewer.get() != null
                    && !committing.get()
                    && !editing.get()
                    && queue.selectedProperty().get() != null,
            reviewer,
            committing,
            editing,
            queue.selectedProperty());
    queue.selectedProperty().addListener((o, a, row) -> selected(row));
  }

  /**
   * Names the reviewer and starts a review session, on the io executor; decisions are refused until
   * this has completed.
   */
  public CompletableFuture<Reviewer> signIn(String name, String machine) {
    Store from = store;
    CompletableFuture<Reviewer> done = new CompletableFuture<>();
    try {
      io.execute(
          () -> {
            try {
              Reviewer r = from.reviews().reviewer(name);
              ReviewSession s = from.reviews().startSession(r.id(), machine);
              fx.accept(
                  () -> {
                    if (from == store) {
                      session = s;
                      reviewer.set(r);
                    }
                    done.complete(r);
                  });
            } catch (LabelCriticException | RuntimeException e) {
              fx.accept(
                  () -> {
                    error.set(LabelCriticException.describe(e));
                    done.completeExceptionally(e);
                  });
            }
          });
    } catch (RuntimeException rejected) {
      done.completeExceptionally(rejected);
    }
    return done;
  }

  /** Ends the review session (blocking: call off the FX thread or at exit). */
  public void signOut() {
    ReviewSession s = session;
    session = null;
    endSession(store, s);
  }

  /**
   * Shows another database and viewer; the caller signs in again. Returns the work that ends the
   * old review session (blocking: run it on the io executor before closing the old database).
   */
  public Runnable setStore(Store store, ItemViewer viewer) {
    cancelEdit();
    ReviewSession old = session;
    Store oldStore = this.store;
    this.store = Objects.requireNonNull(store, "store");
    this.viewer = Objects.requireNonNull(viewer, "viewer");
    reviewer.set(null);
    session = null;
    shownKey = null;
    return () -> endSession(oldStore, old);
  }

  private static void endSession(Store store, ReviewSession s) {
    if (s != null) {
      try {
        store.reviews().endSession(s.id());
      } catch (LabelCriticException e) {
        LOG.warn("ending review session {} failed: {}", s.id(), e.getMessage());
      }
    }
  }

  /** Tells the reviewer something in the status bar. */
  public void tell(String text) {
    message.set(text == null ? "" : text);
  }

  /** Called with the item id of every row shown (to point the quality worker at it). */
  public void setOnShow(LongConsumer onShow) {
    this.onShow = Objects.requireNonNull(onShow, "onShow");
  }

  /** Called after every committed decision (to refresh the queue and the counts). */
  public void setOnCommitted(Runnable onCommitted) {
    this.onCommitted = Objects.requireNonNull(onCommitted, "onCommitted");
  }

  private void selected(QueueRow row) {
    RowKey key = row == null ? null : RowKey.of(row);
    verdict
        .show(row)
        .thenRun(
            () -> {
              if (key != null && key.equals(shownKey)) {
                verdict.pair(key).ifPresent(p -> viewer.showPair(p[0], p[1]));
              }
            });
    if (Objects.equals(key, shownKey)) {
      return;
    }
    shownKey = key;
    shownAtNanos = System.nanoTime();
    if (key == null) {
      viewer.clear();
      return;
    }
    viewer.show(key.itemId(), key.structureId());
    onShow.accept(key.itemId());
    QueueRow next = queue.visibleAfter(key, 1);
    if (next != null) {
      viewer.prefetch(next.itemId(), next.structureId());
    }
  }

  /** Accepts the n-th candidate (1-based; A is 1, B is 2) and moves on. */
  public CompletableFuture<Optional<Decision>> accept(int n) {
    RowKey key = queue.selectedKey();
    Optional<VerdictViewModel.CandidateInfo> c = verdict.candidate(key, n);
    if (c.isEmpty()) {
      return refuse(
          verdict.loadedFor(key)
              ? i18n.format("review.no.candidate", n)
              : i18n.text("review.not.loaded"));
    }
    return decide(new DecisionAction.Accept(c.get().candidateId()), "", true);
  }

  /** Flags the row with the reviewer's reason and note and moves on. */
  public CompletableFuture<Optional<Decision>> flag(FlagChoice choice) {
    return decide(new DecisionAction.Flag(choice.reason()), choice.note(), true);
  }

  /** Takes back the decision on the selected row: it is open for review again. Stays on it. */
  public CompletableFuture<Optional<Decision>> reopen() {
    QueueRow row = queue.selectedProperty().get();
    if (row == null
        || (row.status() != ReviewStatus.DECIDED && row.status() != ReviewStatus.FLAGGED)) {
      return refuse(i18n.text("review.reopen.open"));
    }
    return decide(new DecisionAction.Reopen(), "", false);
  }

  /**
   * Commits a decision on the selected row, then (when {@code moveOn}) selects the next visible
   * row. Completes with the decision once committed and the selection has moved; with empty when
   * the decision was refused (nothing selected, a commit in flight, editing, no reviewer yet).
   */
  public CompletableFuture<Optional<Decision>> decide(
      DecisionAction action, String note, boolean moveOn) {
    if (!canDecide.get()) {
      return refuse(
          committing.get() ? i18n.text("review.busy") : i18n.text("review.cannot.decide"));
    }
    QueueRow row = queue.selectedProperty().get();
    RowKey key = RowKey.of(row);
    Reviewer who = reviewer.get();
    NewDecision d =
        new NewDecision(
            key.itemId(),
            key.structureId(),
            who.id(),
            session == null ? OptionalLong.empty() : OptionalLong.of(session.id()),
            action,
            note,
            verdict.verdictId(key),
            Math.max(0, (System.nanoTime() - shownAtNanos) / 1_000_000));
    committing.set(true);
    error.set("");
    Store to = store;
    long start = System.nanoTime();
    CompletableFuture<Optional<Decision>> done = new CompletableFuture<>();
    try {
      io.execute(
          () -> {
            try {
              Decision stored = to.reviews().record(d);
              fx.accept(() -> committed(stored, row, moveOn, start, done));
            } catch (LabelCriticException | RuntimeException e) {
              fx.accept(() -> failed(e, done));
            }
          });
    } catch (RuntimeException rejected) {
      failed(rejected, done);
    }
    return done;
  }

  private void committed(
      Decision d,
      QueueRow row,
      boolean moveOn,
      long start,
      CompletableFuture<Optional<Decision>> done) {
    long committedAt = System.nanoTime();
    committing.set(false);
    RowKey key = RowKey.of(row);
    message.set(i18n.format("review.saved", describe(d.action()), row.itemName(), row.structure()));
    // Only move when the reviewer is still on the decided row (they cannot move meanwhile: the
    // navigation actions are disabled while committing; a click in the table is the exception).
    if (moveOn && key.equals(queue.selectedKey())) {
      QueueRow next = queue.visibleAfter(key, 1);
      if (next != null) {
        queue.select(next);
      }
    }
    Timing t = new Timing(committedAt - start, System.nanoTime() - committedAt);
    lastTiming.set(t);
    LOG.debug(
        "decision {} committed in {} µs, next row shown {} µs later",
        d.id(),
        t.commitNanos() / 1000,
        t.showNanos() / 1000);
    if (!moveOn && key.equals(queue.selectedKey())) {
      verdict.show(queue.selectedProperty().get());
    }
    onCommitted.run();
    done.complete(Optional.of(d));
  }

  private void failed(Throwable e, CompletableFuture<Optional<Decision>> done) {
    committing.set(false);
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    String why = LabelCriticException.describe(cause);
    LOG.warn("a decision could not be saved: {}", why);
    error.set(i18n.format("review.save.failed", why));
    done.complete(Optional.empty());
  }

  private CompletableFuture<Optional<Decision>> refuse(String why) {
    refused++;
    message.set(why);
    return CompletableFuture.completedFuture(Optional.empty());
  }

  private String describe(DecisionAction a) {
    return switch (a) {
      case DecisionAction.Accept x -> i18n.text("review.accepted");
      case DecisionAction.Edit x -> i18n.text("review.edited");
      case DecisionAction.Flag x ->
          i18n.format("review.flagged", FlagTexts.reason(i18n, x.reason()));
      case DecisionAction.Reopen x -> i18n.text("review.reopened");
    };
  }

  /**
   * Starts editing a copy of the candidate chosen in the verdict panel (else the preferred one,
   * else the first). The viewer decides whether it can edit; when it cannot, the reviewer is told.
   */
  public boolean startEdit() {
    if (committing.get() || editing.get() || queue.selectedProperty().get() == null) {
      refuse(i18n.text("review.cannot.decide"));
      return false;
    }
    RowKey key = queue.selectedKey();
    Optional<VerdictViewModel.CandidateInfo> c = verdict.candidateToEdit(key);
    if (c.isEmpty()) {
      refuse(i18n.text("review.not.loaded"));
      return false;
    }
    viewer.startEdit(c.get().candidateId());
    editing.set(viewer.editing());
    if (!editing.get()) {
      refuse(i18n.text("review.edit.unavailable"));
      return false;
    }
    message.set(
        i18n.format("review.editing", VerdictViewModel.letter(c.get().number()), c.get().source()));
    return true;
  }

  /**
   * Saves the edit as a new candidate (through the viewer), then records an EDIT decision for it
   * and moves on. Completes with the decision, or empty when nothing was saved.
   */
  public CompletableFuture<Optional<Decision>> saveEdit() {
    if (!editing.get() || committing.get() || reviewer.get() == null) {
      return refuse(i18n.text("review.not.editing"));
    }
    committing.set(true);
    CompletableFuture<Long> saved;
    try {
      saved = viewer.finishEdit(reviewer.get().name());
    } catch (RuntimeException e) {
      saved = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<Optional<Decision>> done = new CompletableFuture<>();
    saved.whenComplete(
        (candidateId, e) ->
            fx.accept(
                () -> {
                  committing.set(false);
                  if (e != null) {
                    // The viewer keeps the edit when saving fails, so the reviewer can retry.
                    editing.set(viewer.editing());
                    failed(e, done);
                    return;
                  }
                  // Saved: the viewer has left edit mode (its contract), whatever it reports.
                  editing.set(false);
                  decide(new DecisionAction.Edit(candidateId), "", true)
                      .whenComplete((d, e2) -> done.complete(d == null ? Optional.empty() : d));
                }));
    return done;
  }

  /** Leaves edit mode and discards the copy. */
  public void cancelEdit() {
    if (editing.get()) {
      viewer.cancelEdit();
      editing.set(false);
      message.set(i18n.text("review.edit.cancelled"));
    }
  }

  /** Undo in the viewer's editor ({@link ItemViewer#undo()}); only while editing. */
  public boolean undo() {
    if (!editing.get()) {
      return false;
    }
    viewer.undo();
    return true;
  }

  /** Redo in the viewer's editor ({@link ItemViewer#redo()}); only while editing. */
  public boolean redo() {
    if (!editing.get()) {
      return false;
    }
    viewer.redo();
    return true;
  }

  /** True when a decision can be taken now. */
  public BooleanBinding canDecideBinding() {
    return canDecide;
  }

  public ReadOnlyBooleanProperty committingProperty() {
    return committing.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty editingProperty() {
    return editing.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Reviewer> reviewerProperty() {
    return reviewer.getReadOnlyProperty();
  }

  /** What just happened or why a key did nothing, for the status bar. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Why the last decision could not be saved, or empty text. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** Commit and show times of the last decision, or null before the first. */
  public ReadOnlyObjectProperty<Timing> lastTimingProperty() {
    return lastTiming.getReadOnlyProperty();
  }

  /** How many decision keys were refused (nothing selected, busy, editing). */
  public long refusedCount() {
    return refused;
  }

  public ItemViewer viewer() {
    return viewer;
  }
}
