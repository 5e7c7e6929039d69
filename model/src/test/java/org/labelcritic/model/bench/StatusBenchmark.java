package org.labelcritic.model.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.importing.CellManifestImporter;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.StatusReport;
import org.labelcritic.model.store.Store;
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

/** {@code lcw status}'s query on a census-scale database (2.3 million candidates). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "--enable-native-access=ALL-UNNAMED"})
public class StatusBenchmark {
  @Param({"2300000"})
  public int rows;

  Path dir;
  Path db;

  @Setup(Level.Trial)
  public void importCensus() throws IOException, LabelCriticException {
    dir = Files.createTempDirectory("lcw-bench-status");
    Path manifest = CellImportBenchmark.generate(dir, rows, 7);
    db = dir.resolve("census.db");
    try (Store store = Store.open(db)) {
      new CellManifestImporter(store, CellImportBenchmark.PNG_HEADER, null)
          .importManifest(manifest, Progress.none());
    }
  }

  @TearDown(Level.Trial)
  public void cleanUp() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Opening the database and computing every count that {@code lcw status} prints. */
  @Benchmark
  public StatusReport openAndStatus() throws LabelCriticException {
    try (Store store = Store.open(db)) {
      return store.queries().status();
    }
  }
}
