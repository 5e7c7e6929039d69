package org.labelcritic.model.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.csv.CsvReader;
import org.labelcritic.model.csv.CsvRecord;
import org.labelcritic.model.importing.CellManifestImporter;
import org.labelcritic.model.importing.ImageProbe;
import org.labelcritic.model.importing.ImportReport;
import org.labelcritic.model.job.Progress;
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

/**
 * Imports a census-scale form-cell manifest (2.3 million candidate rows by default: 1.15 million
 * cells read by two transcription models, cut from scanned pages) into SQLite, against a baseline
 * of plain batched JDBC inserts of the same rows into an unindexed table, parsed by the same CSV
 * reader. Both run in the same JVM so the ratio is meaningful on any machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "--enable-native-access=ALL-UNNAMED"})
public class CellImportBenchmark {
  static final int PAGES = 500;
  static final int PAGE_W = 2480;
  static final int PAGE_H = 3508;

  @Param({"2300000"})
  public int rows;

  Path dir;
  Path manifest;
  Path db;

  /** Reads width and height from the PNG header (the pages here are headers only). */
  public static final ImageProbe PNG_HEADER =
      image -> {
        try {
          ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(image));
          return new ImageProbe.Size(b.getInt(16), b.getInt(20));
        } catch (IOException e) {
          throw LabelCriticException.inFile(image, "cannot read", e);
        }
      };

  @Setup(Level.Trial)
  public void writeManifest() throws IOException {
    dir = Files.createTempDirectory("lcw-bench-cells");
    manifest = generate(dir, rows, 42);
  }

  @Setup(Level.Invocation)
  public void freshDatabase() throws IOException {
    db = dir.resolve("bench-" + System.nanoTime() + ".db");
  }

  @TearDown(Level.Invocation)
  public void dropDatabase() throws IOException {
    for (String s : new String[] {"", "-wal", "-shm"}) {
      Files.deleteIfExists(Path.of(db + s));
    }
  }

  @TearDown(Level.Trial)
  public void cleanUp() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** The real import: validation, items, candidates, unique keys, batched transactions. */
  @Benchmark
  public long importManifest() throws LabelCriticException {
    try (Store store = Store.open(db)) {
      ImportReport r =
          new CellManifestImporter(store, PNG_HEADER, null)
              .importManifest(manifest, Progress.none());
      if (!r.clean() || r.get("candidates inserted") != rows) {
        throw new IllegalStateException("benchmark import was not clean: " + r.summary());
      }
      return r.get("candidates inserted");
    }
  }

  /** Baseline: the same rows, parsed by the same reader, batch-inserted into an unindexed table. */
  @Benchmark
  public long plainJdbcInsert() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute(
            "CREATE TABLE plain (item_id TEXT, image TEXT, page TEXT, x INTEGER, y INTEGER,"
                + " w INTEGER, h INTEGER, source TEXT, code TEXT, confidence REAL,"
                + " digit_confidences TEXT)");
      }
      c.setAutoCommit(false);
      long n = 0;
      try (CsvReader r = CsvReader.open(manifest);
          PreparedStatement ps =
              c.prepareStatement("INSERT INTO plain VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        r.next();
        CsvRecord rec;
        while ((rec = r.next()) != null) {
          for (int i = 0; i < 11; i++) {
            ps.setString(i + 1, rec.get(i));
          }
          ps.addBatch();
          if (++n % 10_000 == 0) {
            ps.executeBatch();
            c.commit();
          }
        }
        ps.executeBatch();
        c.commit();
      }
      return n;
    }
  }

  /** Writes a manifest of {@code rows} candidate rows (two per cell) and the page headers. */
  public static Path generate(Path dir, int rows, long seed) throws IOException {
    Path pages = Files.createDirectories(dir.resolve("pages"));
    ByteBuffer png = ByteBuffer.allocate(33);
    png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
    png.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(PAGE_W).putInt(PAGE_H);
    for (int p = 0; p < PAGES; p++) {
      png.put(29, (byte) p);
      png.put(30, (byte) (p >> 8));
      Files.write(pages.resolve(String.format("page-%04d.png", p)), png.array());
    }
    Random rnd = new Random(seed);
    Path m = dir.resolve("manifest.csv");
    try (BufferedWriter w = Files.newBufferedWriter(m, StandardCharsets.UTF_8)) {
      w.write("item_id,image,page,x,y,w,h,source,code,confidence,digit_confidences\n");
      int cells = rows / 2;
      for (int cell = 0; cell < cells; cell++) {
        String page = String.format("pages/page-%04d.png", cell % PAGES);
        int x = 100 + (cell / PAGES % 20) * 110;
        int y = 100 + (cell / PAGES / 20 % 60) * 55;
        int code = rnd.nextInt(1000);
        for (String source : new String[] {"model-a", "model-b"}) {
          int c = rnd.nextInt(20) == 0 ? rnd.nextInt(1000) : code;
          double d1 = 0.5 + rnd.nextDouble() / 2;
          double d2 = 0.5 + rnd.nextDouble() / 2;
          double d3 = 0.5 + rnd.nextDouble() / 2;
          w.write(
              String.format(
                  Locale.ROOT,
                  "cell-%07d,,%s,%d,%d,100,50,%s,%03d,%.4f,%.4f;%.4f;%.4f\n",
                  cell,
                  page,
                  x,
                  y,
                  source,
                  c,
                  d1 * d2 * d3,
                  d1,
                  d2,
                  d3));
        }
      }
    }
    return m;
  }
}
