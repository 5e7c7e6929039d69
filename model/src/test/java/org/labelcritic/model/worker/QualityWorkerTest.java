package org.labelcritic.model.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.critic.CodeCritic;
import org.labelcritic.model.critic.CodeRouting;
import org.labelcritic.model.critic.ReasonsJson;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.Verdict;
import org.labelcritic.model.domain.VerdictOutcome;
import org.labelcritic.model.job.CancellableProgress;
import org.labelcritic.model.store.NewVerdict;
import org.labelcritic.model.store.Store;

class QualityWorkerTest {
  @TempDir Path dir;

  /** Wraps the code scorer: records what it scored, on which thread, and can act mid-run. */
  static class Recording implements ItemScorer {
    final ItemScorer inner;
    final List<Long> order = Collections.synchronizedList(new ArrayList<>());
    final Map<Long, AtomicInteger> counts = new ConcurrentHashMap<>();
    final Set<String> threads = ConcurrentHashMap.newKeySet();
    Runnable afterEach = () -> {};

    Recording(ItemScorer inner) {
      this.inner = inner;
    }

    @Override
    public ItemKind kind() {
      return inner.kind();
    }

    @Override
    public String critic() {
      return inner.critic();
    }

    @Override
    public String modelVersion() {
      return inner.modelVersion();
    }

    @Override
    public List<NewVerdict> score(ScoringTask task) throws LabelCriticException {
      order.add(task.itemId());
      counts.computeIfAbsent(task.itemId(), k -> new AtomicInteger()).incrementAndGet();
      threads.add(Thread.currentThread().getName());
      List<NewVerdict> v = inner.score(task);
      afterEach.run();
      return v;
    }
  }

  static Recording scorer(Store store) throws LabelCriticException {
    return new Recording(CodeScorer.forStore(store, new CodeCritic(), null));
  }

  static long code(Store store) throws LabelCriticException {
    return store.structureId("code");
  }

  @Test
  void scoresEveryCellOnceOnTheCallingThreadAndARestartSkipsThem() throws Exception {
    try (Store store = Store.open(dir.resolve("w.db"))) {
      List<Long> cells = Cells.write(store, 30, 1);
      Recording s = scorer(store);
      CancellableProgress progress = new CancellableProgress();
      QualityWorker.Report r =
          new QualityWorker(store, s, WorkerSettings.sameThread().withBatchSize(7)).run(progress);
      assertThat(r).isEqualTo(new QualityWorker.Report(30, 30, 30, 0, 0, false));
      assertThat(s.order).isEqualTo(cells);
      assertThat(s.threads).containsExactly(Thread.currentThread().getName());
      assertThat(progress.done()).isEqualTo(30);
      assertThat(progress.total()).isEqualTo(30);
      assertThat(store.verdicts().count()).isEqualTo(30);

      QualityWorker.Report again =
          new QualityWorker(store, scorer(store), WorkerSettings.sameThread())
              .run(new CancellableProgress());
      assertThat(again.pending()).isZero();
      assertThat(store.verdicts().count()).isEqualTo(30);
    }
  }

  @Test
  void severalScorersRunInTurnEachInItsOwnBatchesAndTheFocusCarriesOver() throws Exception {
    try (Store store = Store.open(dir.resolve("w.db"))) {
      List<Long> cells = Cells.write(store, 30, 1);
      Recording first = scorer(store);
      List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
      // A second critic version over the same cells, which asks for batches of 4.
      Recording second =
          new Recording(
              CodeScorer.forStore(
                  store,
                  new CodeCritic(CodeCritic.Weights.DEFAULT, CodeRouting.withoutTrainingCodes()),
                  null)) {
            @Override
            public String critic() {
              return "code-2";
            }

            @Override
            public int batchSize() {
              return 4;
            }

            @Override
            public List<NewVerdict> score(ScoringTask task) throws LabelCriticException {
              List<NewVerdict> out = new ArrayList<>();
              for (NewVerdict v : super.score(task)) {
                out.add(
                    new NewVerdict(
                        v.itemId(),
                        v.structureId(),
                        v.candidateA(),
                        v.candidateB(),
                        v.outcome(),
                        v.confidence(),
                        "code-2",
                        v.modelVersion(),
                        v.reasonsJson()));
              }
              return out;
            }
          };
      CancellableProgress progress =
          new CancellableProgress() {
            @Override
            public void update(long done, long total) {
              super.update(done, total);
              batches.add((int) done);
            }
          };
      QualityWorker w =
          new QualityWorker(store, List.of(first, second), WorkerSettings.sameThread());
      w.focus(cells.get(20));
      QualityWorker.Report r = w.run(progress);

      assertThat(r).isEqualTo(new QualityWorker.Report(60, 60, 60, 0, 0, false));
      assertThat(w.scorers()).containsExactly(first, second);
      assertThat(first.order.getFirst()).isEqualTo(cells.get(20));
      assertThat(second.order.getFirst()).isEqualTo(cells.get(20));
      assertThat(second.order).hasSize(30);
      // Each scorer starts at 0; the 18 focused cells (10 from cell 20 on, 8 before it) go one at
      // a time, then the first scorer takes the other 12 in one batch, the second 4 at a time.
      int secondStart = batches.lastIndexOf(0);
      assertThat(batches.subList(secondStart - 2, secondStart)).containsExactly(18, 30);
      assertThat(batches.subList(secondStart + 18, batches.size())).containsExactly(18, 22, 26, 30);
      assertThat(store.verdicts().count()).isEqualTo(60);
    }
  }

  @Test
  void aWorkerNeedsAScorer() throws Exception {
    try (Store store = Store.open(dir.resolve("w.db"))) {
      assertThatThrownBy(() -> new QualityWorker(store, List.of(), WorkerSettings.sameThread()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at least one scorer");
    }
  }

  @Test
  void verdictsNameTheCellsCandidatesAndTheirReasons() throws Exception {
    try (Store store = Store.open(dir.resolve("w.db"))) {
      List<Long> cells = Cells.write(store, 40, 2);
      new QualityWorker(store, scorer(store), WorkerSettings.sameThread())
          .run(new CancellableProgress());
      long code = code(store);
      int agree = 0;
      int prefer = 0;
      for (long cell : cells) {
        List<Candidate> cands = store.queries().candidates(cell, code);
        Verdict v = store.verdicts().forItem(cell, code).getFirst();
        assertThat(v.critic()).isEqualTo("code");
        assertThat(v.modelVersion()).isEqualTo(new CodeCritic().modelVersion());
        assertThat(List.of(v.candidateA(), v.candidateB().orElseThrow()))
            .containsExactly(cands.get(0).id(), cands.get(1).id());
        assertThat(ReasonsJson.read(v.reasonsJson())).isNotEmpty();
        if (v.outcome() == VerdictOutcome.AGREE) {
          agree++;
        } else {
          // Reader B's misreads come with a shaky first digit: reader A is preferred.
          assertThat(v.outcome()).isEqualTo(VerdictOutcome.PREFER_A);
          prefer++;
        }
      }
      assertThat(agree).isPositive();
      assertThat(prefer).isPositive();
    }
  }

  @Test
  void focusPutsTheReviewersItemsFirstAndReprioritisesMidRun() throws Exception {
    try (Store store = Store.open(dir.resolve("w.db"))) {
      List<Long> cells = Cells.write(store, 60, 3);
      Recording s = scorer(store);
      QualityWorker w = new QualityWorker(store, s, new WorkerSettings(0, 8, 4));
      w.focus(cells.get(20));
      s.afterEach =
          () -> {
            if (s.order.size() == 6) {
              w.focus(List.of(cells.get(50), cells.get(10)));
            }
          };
      w.run(new CancellableProgress());
      // Before the run: item 20, the window after it (21..23), then the half window before (19,
      // 18).
      assertThat(s.order.subList(0, 6))
          .containsExactly(
              cells.get(20),
              cells.get(21),
              cells.get(22),
              cells.get(23),
              cells.get(19),
              cells.get(18));
      // Mid-run focus: the reviewer's next items, in the reviewer's order.
      assertThat(s.order.subList(6, 8)).containsExactly(cells.get(50), cells.get(10));
      assertThat(s.order).hasSize(60).doesNotHaveDuplicates();
    }
  }

  @Test
  void aPoolOfTwoLosesAndDuplicatesNothing() throws Exception {
    try (Store store = Store.open(dir.resolve("w.db"))) {
      List<Long> cells = Cells.write(store, 3000, 4);
      Recording s = scorer(store);
      QualityWorker w = new QualityWorker(store, s, new WorkerSettings(2, 25, 16));
      w.focus(cells.get(1500));
      QualityWorker.Report r = w.run(new CancellableProgress());
      assertThat(r).isEqualTo(new QualityWorker.Report(3000, 3000, 3000, 0, 0, false));
      assertThat(s.counts).hasSize(3000);
      assertThat(s.counts.values()).allMatch(c -> c.get() == 1);
      assertThat(s.threads).allMatch(t -> t.startsWith("lcw-quality-")).hasSizeBetween(1, 2);
      long code = code(store);
      for (long cell : cells) {
        assertThat(store.verdicts().forItem(cell, code)).hasSize(1);
      }
      assertThat(store.verdicts().count()).isEqualTo(3000);
    }
  }

  @Test
  void cancellingStopsBetweenBatchesKeepsWhatWasStoredAndARestartFinishes() throws Exception {
    try (Store store = Store.open(dir.resolve("w.db"))) {
      Cells.write(store, 100, 5);
      Recording s = scorer(store);
      CancellableProgress progress = new CancellableProgress();
      // At 25 or after: with two threads both may add before either looks, and == 25 missed it.
      s.afterEach =
          () -> {
            if (s.order.size() >= 25) {
              progress.cancel();
            }
          };
      QualityWorker.Report r =
          new QualityWorker(store, s, new WorkerSettings(2, 10, 16)).run(progress);
      assertThat(r.cancelled()).isTrue();
      assertThat(r.scored()).isBetween(25L, 40L);
      assertThat(store.verdicts().count()).isEqualTo(r.verdictsStored()).isLessThan(100);

      Recording rest = scorer(store);
      QualityWorker.Report r2 =
          new QualityWorker(store, rest, WorkerSettings.sameThread())
              .run(new CancellableProgress());
      assertThat(r2.pending()).isEqualTo(100 - r.scored());
      assertThat(r2.cancelled()).isFalse();
      assertThat(store.verdicts().count()).isEqualTo(100);
      assertThat(Collections.disjoint(s.counts.keySet(), rest.counts.keySet())).isTrue();
    }
  }

  @Test
  void cancelOnTheWorkerItselfStopsTheRun() throws Exception {
    try (Store store = Store.open(dir.resolve("w.db"))) {
      Cells.write(store, 50, 6);
      Recording s = scorer(store);
      QualityWorker w = new QualityWorker(store, s, new WorkerSettings(0, 5, 16));
      s.afterEach = w::cancel;
      QualityWorker.Report r = w.run(new CancellableProgress());
      assertThat(r.cancelled()).isTrue();
      assertThat(r.scored()).isEqualTo(5);
    }
  }

  @Test
  void aScorerFailureIsCountedAndTheRunGoesOn() throws Exception {
    try (Store store = Store.open(dir.resolve("w.db"))) {
      List<Long> cells = Cells.write(store, 20, 7);
      ItemScorer inner = CodeScorer.forStore(store, new CodeCritic(), null);
      ItemScorer failing =
          new Recording(inner) {
            @Override
            public List<NewVerdict> score(ScoringTask task) throws LabelCriticException {
              if (task.itemId() == cells.get(3)) {
                throw new LabelCriticException("unreadable cell");
              }
              return super.score(task);
            }
          };
      QualityWorker.Report r =
          new QualityWorker(store, failing, new WorkerSettings(2, 4, 16))
              .run(new CancellableProgress());
      assertThat(r.failed()).isEqualTo(1);
      assertThat(r.verdictsStored()).isEqualTo(19);
    }
  }

  @Test
  void aDatabaseFailureStopsTheRunAndIsThrown() throws Exception {
    Store store = Store.open(dir.resolve("w.db"));
    Cells.write(store, 20, 8);
    Recording s = scorer(store);
    store.close();
    assertThatThrownBy(
            () ->
                new QualityWorker(store, s, new WorkerSettings(2, 4, 16))
                    .run(new CancellableProgress()))
        .isInstanceOf(LabelCriticException.class);
  }

  @Test
  void settingsAreBounded() {
    assertThatThrownBy(() -> new WorkerSettings(-1, 1, 1)).hasMessageContaining("threads");
    assertThatThrownBy(() -> new WorkerSettings(9, 1, 1)).hasMessageContaining("threads");
    assertThatThrownBy(() -> new WorkerSettings(1, 0, 1)).hasMessageContaining("batch");
    assertThat(WorkerSettings.defaults().threads()).isBetween(1, 2);
  }
}
