package org.labelcritic.model.worker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.job.Job;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.CriticQueries;
import org.labelcritic.model.store.CriticQueries.Pair;
import org.labelcritic.model.store.NewVerdict;
import org.labelcritic.model.store.PairList;
import org.labelcritic.model.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs its {@link ItemScorer}s, one after the other, over every item-structure pair each one's
 * critic version has not scored yet (so a restart skips finished work), on a small pool of named
 * threads that it owns and shuts down when the run ends. Pairs near the reviewer's position go
 * first ({@link #focus}); the rest follow in batches. Each batch's verdicts are stored in one
 * transaction as soon as it is scored.
 *
 * <p>{@link #run} blocks until everything is scored or the run is cancelled (through its {@link
 * Progress} or {@link #cancel()}); cancelling keeps what was stored. A scorer failure on one item
 * is counted and logged and the run goes on; a database failure stops the run and is thrown.
 */
public final class QualityWorker implements Job<QualityWorker.Report> {
  private static final Logger LOG = LoggerFactory.getLogger(QualityWorker.class);
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final Store store;
  private final List<ItemScorer> scorers;
  private final WorkerSettings settings;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final Object focusLock = new Object();
  private volatile WorkQueue queue;
  private Collection<Long> pendingFocus;
  private long pendingFocusItem = -1;

  /** What a run did. */
  public record Report(
      long pending,
      long scored,
      long verdictsStored,
      long alreadyStored,
      long failed,
      boolean cancelled) {}

  public QualityWorker(Store store, ItemScorer scorer, WorkerSettings settings) {
    this(store, List.of(scorer), settings);
  }

  /** A worker that runs these scorers in this order (e.g. form cells, then scans). */
  public QualityWorker(Store store, List<ItemScorer> scorers, WorkerSettings settings) {
    this.store = Objects.requireNonNull(store, "store");
    this.scorers = List.copyOf(scorers);
    if (this.scorers.isEmpty()) {
      throw new IllegalArgumentException("a quality worker needs at least one scorer");
    }
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The scorers, in the order they run. */
  public List<ItemScorer> scorers() {
    return scorers;
  }

  /** Scores the pairs of this item, and those around it, next. Callable from any thread. */
  public void focus(long itemId) {
    synchronized (focusLock) {
      WorkQueue q = queue;
      if (q != null) {
        q.focus(itemId);
      }
      // Kept for the scorers still to come.
      pendingFocusItem = itemId;
      pendingFocus = null;
    }
  }

  /** Scores the pairs of these items next, in this order. Callable from any thread. */
  public void focus(Collection<Long> itemIds) {
    List<Long> ids = List.copyOf(itemIds);
    synchronized (focusLock) {
      WorkQueue q = queue;
      if (q != null) {
        q.focus(ids);
      }
      pendingFocus = ids;
      pendingFocusItem = -1;
    }
  }

  /** Stops the run after the batches in flight; what they scored is stored. */
  public void cancel() {
    cancelled.set(true);
  }

  @Override
  public Report run(Progress progress) throws LabelCriticException {
    long pending = 0;
    long scored = 0;
    long stored = 0;
    long already = 0;
    long failed = 0;
    boolean stopped = false;
    for (ItemScorer scorer : scorers) {
      if (cancelled.get() || progress.isCancelled()) {
        stopped = true;
        break;
      }
      Report r = run(scorer, progress);
      pending += r.pending();
      scored += r.scored();
      stored += r.verdictsStored();
      already += r.alreadyStored();
      failed += r.failed();
      stopped |= r.cancelled();
    }
    return new Report(pending, scored, stored, already, failed, stopped);
  }

  private Report run(ItemScorer scorer, Progress progress) throws LabelCriticException {
    progress.message(
        "Finding what " + scorer.critic() + " " + scorer.modelVersion() + " has not scored");
    PairList pairs =
        new CriticQueries(store).unscored(scorer.kind(), scorer.critic(), scorer.modelVersion());
    WorkQueue q = new WorkQueue(pairs, settings.focusWindow());
    synchronized (focusLock) {
      if (pendingFocus != null) {
        q.focus(pendingFocus);
      } else if (pendingFocusItem >= 0) {
        q.focus(pendingFocusItem);
      }
      queue = q;
    }
    Counters n = new Counters(pairs.size(), progress);
    progress.update(0, pairs.size());
    progress.message(
        "Scoring "
            + pairs.size()
            + " "
            + scorer.kind().name().toLowerCase(java.util.Locale.ROOT)
            + " pair(s) with "
            + scorer.critic());
    int batch = Math.max(1, Math.min(settings.batchSize(), scorer.batchSize()));
    if (settings.threads() == 0) {
      drain(scorer, batch, q, n, progress);
    } else {
      runPool(scorer, batch, q, n, progress);
    }
    boolean stopped = q.remaining() > 0;
    Report r =
        new Report(
            pairs.size(), n.scored.get(), n.stored.get(), n.already.get(), n.failed.get(), stopped);
    LOG.info("Quality worker {} {}: {}", scorer.critic(), scorer.modelVersion(), r);
    progress.message(stopped ? "Cancelled" : "Scored " + n.scored.get());
    return r;
  }

  private void runPool(ItemScorer scorer, int batch, WorkQueue q, Counters n, Progress progress)
      throws LabelCriticException {
    ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), threads());
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (int t = 0; t < settings.threads(); t++) {
        futures.add(
            pool.submit(
                () -> {
                  drain(scorer, batch, q, n, progress);
                  return null;
                }));
      }
      LabelCriticException failure = null;
      for (Future<Void> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          cancelled.set(true);
          if (failure == null) {
            failure =
                e.getCause() instanceof LabelCriticException lce
                    ? lce
                    : new LabelCriticException(
                        "the quality worker failed: "
                            + LabelCriticException.describe(e.getCause()));
          }
        } catch (InterruptedException e) {
          cancelled.set(true);
          Thread.currentThread().interrupt();
        }
      }
      if (failure != null) {
        throw failure;
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private ThreadFactory threads() {
    int pool = POOLS.incrementAndGet();
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "lcw-quality-" + pool + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Takes batches until none is left or the run is cancelled. */
  private void drain(ItemScorer scorer, int batchSize, WorkQueue q, Counters n, Progress progress)
      throws LabelCriticException {
    CriticQueries queries = new CriticQueries(store);
    while (!cancelled.get() && !progress.isCancelled()) {
      List<Pair> batch = q.take(batchSize);
      if (batch.isEmpty()) {
        return;
      }
      Map<Pair, List<Candidate>> candidates = queries.candidates(batch);
      List<NewVerdict> verdicts = new ArrayList<>(batch.size());
      for (Pair p : batch) {
        List<Candidate> cands = candidates.getOrDefault(p, List.of());
        try {
          verdicts.addAll(
              scorer.score(new ScoringTask(p.itemId(), scorer.kind(), p.structureId(), cands)));
        } catch (LabelCriticException | RuntimeException e) {
          n.failed.incrementAndGet();
          LOG.warn(
              "{} could not score item {} structure {}: {}",
              scorer.critic(),
              p.itemId(),
              p.structureId(),
              LabelCriticException.describe(e));
        }
      }
      int stored = store.verdicts().saveAll(verdicts);
      n.stored.addAndGet(stored);
      n.already.addAndGet(verdicts.size() - stored);
      n.done(batch.size());
    }
  }

  /** Counts shared by the pool threads; progress is reported in order. */
  private static final class Counters {
    final AtomicLong scored = new AtomicLong();
    final AtomicLong stored = new AtomicLong();
    final AtomicLong already = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final long total;
    final Progress progress;

    Counters(long total, Progress progress) {
      this.total = total;
      this.progress = progress;
    }

    synchronized void done(int pairs) {
      progress.update(scored.addAndGet(pairs), total);
    }
  }
}
