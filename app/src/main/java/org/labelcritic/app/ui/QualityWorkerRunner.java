package org.labelcritic.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.labelcritic.imaging.critic.CriticModels;
import org.labelcritic.imaging.critic.QualityWorkers;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.Problem;
import org.labelcritic.model.critic.onnx.OnnxPairModel;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.Store;
import org.labelcritic.model.worker.ItemScorer;
import org.labelcritic.model.worker.QualityWorker;
import org.labelcritic.model.worker.WorkerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the background quality worker for the open database, one scorer after another, on a thread
 * it owns, and shows its progress as properties (updated through the FX applier, at most one
 * pending update at a time however fast the worker reports). Verdicts go straight into the store;
 * the queue picks them up by polling.
 */
public final class QualityWorkerRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(QualityWorkerRunner.class);

  /**
   * One scorer and where its model runs.
   *
   * @param providerNote why this provider (for the tooltip)
   * @param resources what the scorer holds open (ONNX sessions), closed when the run ends or is
   *     stopped; null for nothing
   */
  public record Scoring(
      ItemScorer scorer,
      OnnxPairModel.Provider provider,
      String providerNote,
      AutoCloseable resources) {
    public Scoring {
      Objects.requireNonNull(scorer, "scorer");
      Objects.requireNonNull(provider, "provider");
      providerNote = providerNote == null ? "" : providerNote;
    }

    /** A scorer that holds nothing open. */
    public Scoring(ItemScorer scorer, OnnxPairModel.Provider provider, String providerNote) {
      this(scorer, provider, providerNote, null);
    }
  }

  /** Builds the scorers for a database (on the worker's thread: it may read the store). */
  @FunctionalInterface
  public interface ScorerFactory {
    List<Scoring> create(Store store) throws LabelCriticException;
  }

  /**
   * The code critic for form cells alone, plain Java on the CPU, with the code list and training
   * codes kept beside the database ({@link QualityWorkers.Options#withCodesBeside}), as the review
   * view and {@code lcw critic run} use them.
   */
  public static ScorerFactory codeCells() {
    return store -> {
      QualityWorkers.Options options =
          QualityWorkers.Options.defaults(null).withCodesBeside(store.file(), codeListProblem());
      return List.of(
          new Scoring(
              QualityWorkers.codeScorer(store, options),
              OnnxPairModel.Provider.CPU,
              "the code critic runs in Java on the CPU"));
    };
  }

  /**
   * The full critic, as {@code lcw critic run --provider auto} runs it: the code critic for form
   * cells (with the code list and training codes beside the database), then the feature critic for
   * CT scans with the shipped models, on CUDA when it is usable and on the CPU otherwise. The scan
   * scoring carries the chosen provider and why, and closes the ONNX sessions when the run ends.
   */
  public static ScorerFactory allCritics() {
    return store -> {
      CriticModels models = CriticModels.fromClassPath(QualityWorkerRunner.class.getClassLoader());
      QualityWorkers.Workers w =
          QualityWorkers.create(
              store,
              WorkerSettings.defaults(),
              QualityWorkers.Options.defaults(models)
                  .withProvider(OnnxPairModel.Provider.CUDA)
                  .withCodesBeside(store.file(), codeListProblem()));
      List<Scoring> out = new ArrayList<>();
      out.add(
          new Scoring(
              w.codes(), OnnxPairModel.Provider.CPU, "the code critic runs in Java on the CPU"));
      if (w.volumes() != null) {
        out.add(new Scoring(w.volumes(), w.provider(), w.providerNote(), w));
      } else {
        w.close();
      }
      return out;
    };
  }

  /** A bad row of the code list: the review view shows these; the worker logs them. */
  private static Consumer<Problem> codeListProblem() {
    return p -> LOG.warn("Code list: {}", p);
  }

  private final ScorerFactory factory;
  private final WorkerSettings settings;
  private final Consumer<Runnable> fx;
  private final I18n i18n;
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
  private final ReadOnlyStringWrapper providerNote = new ReadOnlyStringWrapper(this, "note", "");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
  private final ReadOnlyObjectWrapper<OnnxPairModel.Provider> provider =
      new ReadOnlyObjectWrapper<>(this, "provider");
  private final AtomicReference<QualityWorker> current = new AtomicReference<>();
  private Run run;

  public QualityWorkerRunner(
      ScorerFactory factory, WorkerSettings settings, I18n i18n, Consumer<Runnable> fx) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.i18n = Objects.requireNonNull(i18n, "i18n");
    this.fx = Objects.requireNonNull(fx, "fx");
    text.set(i18n.text("worker.idle"));
  }

  /** Stops a run in progress and starts one on this database. Call on the FX thread. */
  public void start(Store store) {
    stop();
    Run r = new Run(store);
    run = r;
    running.set(true);
    progress.set(-1);
    error.set("");
    text.set(i18n.text("worker.starting"));
    Thread t = new Thread(r::work, "lcw-quality-runner");
    t.setDaemon(true);
    r.thread = t;
    t.start();
  }

  /** Scores this item's pairs next (the reviewer is looking at it). Any thread. */
  public void focus(long itemId) {
    QualityWorker w = current.get();
    if (w != null) {
      w.focus(itemId);
    }
  }

  /** Cancels the run; batches in flight are still stored. Does not wait. */
  public void stop() {
    Run r = run;
    run = null;
    if (r != null) {
      r.cancelled.set(true);
      QualityWorker w = current.get();
      if (w != null) {
        w.cancel();
      }
    }
    running.set(false);
  }

  /** Cancels the run and waits up to five seconds for its thread (call off the FX thread). */
  @Override
  public void close() {
    stopAwaitable().run();
  }

  /**
   * Stops a run in progress, as {@link #stop()} does, and returns what waits (at most 5 s) for its
   * thread to end: run that off the FX thread before closing the store the run was scoring, so that
   * no verdict is written into a store being closed.
   */
  public Runnable stopAwaitable() {
    Run r = run;
    stop();
    Thread t = r == null ? null : r.thread;
    return () -> {
      if (t != null) {
        try {
          t.join(5_000);
          if (t.isAlive()) {
            LOG.warn("The quality worker did not stop within 5 s; closing its database anyway");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
  }

  /** One run over one database. */
  private final class Run implements Progress {
    final Store store;
    final AtomicBoolean cancelled = new AtomicBoolean();
    final AtomicBoolean updatePending = new AtomicBoolean();
    volatile long done;
    volatile long total = -1;
    volatile String critic = "";
    Thread thread;
    private QualityWorker mine;

    Run(Store store) {
      this.store = store;
    }

    void work() {
      long scored = 0;
      long failed = 0;
      List<Scoring> scorings = List.of();
      try {
        scorings = factory.create(store);
        for (Scoring s : scorings) {
          if (cancelled.get()) {
            break;
          }
          QualityWorker w = new QualityWorker(store, s.scorer(), settings);
          mine = w;
          current.set(w);
          critic = s.scorer().critic();
          done = 0;
          total = -1;
          fx.accept(
              () -> {
                if (run == this) {
                  provider.set(s.provider());
                  providerNote.set(s.providerNote());
                }
              });
          if (cancelled.get()) {
            break;
          }
          QualityWorker.Report report = w.run(this);
          scored += report.scored();
          failed += report.failed();
        }
        long s = scored;
        long f = failed;
        fx.accept(() -> finish(i18n.format("worker.done", s, f), ""));
      } catch (LabelCriticException | RuntimeException e) {
        String why = LabelCriticException.describe(e);
        LOG.warn("the quality worker stopped: {}", why);
        fx.accept(() -> finish(i18n.text("worker.failed"), why));
      } finally {
        // Only this run's worker: a newer run may already have set its own.
        current.compareAndSet(mine, null);
        release(scorings);
      }
    }

    /** Closes what the scorers hold open (the worker has returned: nothing uses them any more). */
    private void release(List<Scoring> scorings) {
      for (Scoring s : scorings) {
        if (s.resources() != null) {
          try {
            s.resources().close();
          } catch (Exception e) {
            LOG.warn(
                "cannot release the {} critic's resources: {}",
                s.scorer().critic(),
                LabelCriticException.describe(e));
          }
        }
      }
    }

    private void finish(String message, String failure) {
      if (run == this) {
        running.set(false);
        progress.set(failure.isEmpty() ? 1 : 0);
        text.set(message);
        error.set(failure);
      }
    }

    @Override
    public void update(long d, long t) {
      done = d;
      total = t;
      post();
    }

    @Override
    public void message(String message) {
      post();
    }

    @Override
    public boolean isCancelled() {
      return cancelled.get();
    }

    /** At most one pending FX update: a fast worker must not flood the FX queue. */
    private void post() {
      if (updatePending.compareAndSet(false, true)) {
        fx.accept(
            () -> {
              updatePending.set(false);
              if (run != this) {
                return;
              }
              long d = done;
              long t = total;
              progress.set(t > 0 ? (double) d / t : -1);
              text.set(
                  t > 0
                      ? i18n.format("worker.progress", critic, d, t)
                      : i18n.format("worker.finding", critic));
            });
      }
    }
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** 0..1, or -1 while the amount of work is not known yet. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** What the worker is doing, for the status bar. */
  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  /** Where the current scorer's model runs, or null before the first scorer is built. */
  public ReadOnlyObjectProperty<OnnxPairModel.Provider> providerProperty() {
    return provider.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty providerNoteProperty() {
    return providerNote.getReadOnlyProperty();
  }

  /** Why the last run stopped with an error, or empty text. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }
}
