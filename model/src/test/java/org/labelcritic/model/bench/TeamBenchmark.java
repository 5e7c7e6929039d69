package org.labelcritic.model.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.Store;
import org.labelcritic.model.team.Assigner;
import org.labelcritic.model.team.AssignmentSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Team work at census scale: dealing a million items to five reviewers (pure), and appending a
 * batch of automatic decisions with their audit rows (one row per decision, same transaction). Run:
 * {@code java -cp ... org.openjdk.jmh.Main TeamBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "--enable-native-access=ALL-UNNAMED"})
public class TeamBenchmark {
  @Param({"1000000"})
  public int items;

  @Param({"50000"})
  public int decisions;

  List<Assigner.ItemKey> keys;
  AssignmentSettings settings =
      new AssignmentSettings(List.of("ann", "bob", "cem", "dan", "eve"), 0.1, 2, 0.05, false);
  Path dir;
  Store store;
  List<NewDecision> batch;

  @Setup(Level.Trial)
  public void setUp() throws IOException, LabelCriticException {
    keys = new ArrayList<>(items);
    for (int i = 0; i < items; i++) {
      keys.add(new Assigner.ItemKey(i + 1, String.format("cell-%08d", i)));
    }
    dir = Files.createTempDirectory("lcw-bench-team");
    store = Store.open(dir.resolve("team.db"));
    long code = store.structureId("code");
    long source = store.sourceId("reader", SourceKind.MODEL, "1");
    long critic = store.reviews().reviewer("critic").id();
    batch = new ArrayList<>(decisions);
    store
        .writer()
        .inTransaction(
            w -> {
              for (int i = 0; i < decisions; i++) {
                long id = w.item(ItemKind.CELL, "c" + i, null, null, null).id();
                w.candidate(id, code, source, new CandidateLabel.Code("412", 0.99, List.of()));
              }
              return null;
            });
    for (long item = 1; item <= decisions; item++) {
      long cand = store.queries().candidates(item, code).getFirst().id();
      batch.add(NewDecision.of(item, code, critic, new DecisionAction.Accept(cand)));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    store.close();
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public int assignMillionItemsToFive() {
    return Assigner.assign("dataset-uid", settings, keys, Set.of()).size();
  }

  /** Each iteration appends the batch again (decisions supersede): the audited write path. */
  @Benchmark
  public int recordAllWithAuditRows() throws LabelCriticException {
    return store.reviews().recordAll(batch).size();
  }
}
