package org.labelcritic.model.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the model module's benchmarks and prints the figures the issues ask for: import rows per
 * second, the ratio to plain JDBC inserts measured in the same run, the status time and the code
 * critic's cells per second. Pass a row count to run smaller (e.g. 230000 for a quick look); the
 * default is the census scale. A second argument {@code critic} runs only the code critic.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    String rows = args.length > 0 ? args[0] : "2300000";
    if (args.length > 1 && args[1].equals("critic")) {
      write(criticOnly());
      return;
    }
    Options opts =
        new OptionsBuilder()
            .include(CellImportBenchmark.class.getName())
            .include(StatusBenchmark.class.getName())
            .include(CodeCriticBenchmark.class.getName())
            .param("rows", rows)
            .build();
    Collection<RunResult> results = new Runner(opts).run();
    double importS = score(results, "importManifest");
    double plainS = score(results, "plainJdbcInsert");
    double statusMs = score(results, "openAndStatus");
    long n = Long.parseLong(rows);
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "### model (%s, %d cores, %s rows)%n%n| benchmark | result | target |%n|---|---|---|%n",
            LocalDate.now(),
            Runtime.getRuntime().availableProcessors(),
            rows));
    md.append(
        row(
            "cell manifest import",
            String.format(Locale.ROOT, "%.1f s = %,.0f rows/s", importS, n / importS),
            ">= 100,000 rows/s"));
    md.append(
        row(
            "plain batched JDBC insert (baseline)",
            String.format(Locale.ROOT, "%.1f s = %,.0f rows/s", plainS, n / plainS),
            "-"));
    md.append(
        row(
            "import / baseline",
            String.format(Locale.ROOT, "%.2f x", importS / plainS),
            "<= 2.5 x"));
    md.append(
        row(
            "`lcw status` query (open + counts)",
            String.format(Locale.ROOT, "%.0f ms", statusMs),
            "< 2,000 ms"));
    md.append(criticRow(results));
    write(md.toString());
  }

  private static String criticOnly() throws Exception {
    Collection<RunResult> results =
        new Runner(new OptionsBuilder().include(CodeCriticBenchmark.class.getName()).build()).run();
    return String.format(
            Locale.ROOT,
            "### model: code critic (%s, %d cores)%n%n| benchmark | result | target |%n|---|---|---|%n",
            LocalDate.now(),
            Runtime.getRuntime().availableProcessors())
        + criticRow(results);
  }

  private static String criticRow(Collection<RunResult> results) {
    double cellsPerS = score(results, "assessCells");
    return row(
        "code critic, one thread",
        String.format(Locale.ROOT, "%,.0f cells/s", cellsPerS),
        ">= 200,000 items/s");
  }

  private static void write(String text) throws Exception {
    org.slf4j.LoggerFactory.getLogger(BenchMain.class).info("\n{}", text);
    Path out = Path.of("target", "benchmarks-model.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text);
  }

  private static String row(String a, String b, String c) {
    return "| " + a + " | " + b + " | " + c + " |\n";
  }

  private static double score(Collection<RunResult> results, String method) {
    return results.stream()
        .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no result for " + method))
        .getPrimaryResult()
        .getScore();
  }
}
