package org.labelcritic.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.export.AtomicFiles;
import org.labelcritic.model.export.CsvCells;
import org.labelcritic.model.store.CriticQueries;
import org.labelcritic.model.store.Store;
import org.labelcritic.model.store.VerdictRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lcw export verdicts}: every verdict as CSV. */
@Command(
    name = "verdicts",
    header = "Writes every verdict as CSV.",
    mixinStandardHelpOptions = true,
    description = {
      "Writes every verdict of the critic as CSV, one row per verdict: case, structure, source A,",
      "source B, outcome, preferred source, confidence, critic, model version.",
      "Text that a spreadsheet would run as a formula (starting with = + - @) is prefixed with '.",
      "The file is written completely or not at all."
    })
final class ExportVerdictsCommand implements Callable<Integer> {
  static final List<String> HEADER =
      List.of(
          "case",
          "structure",
          "source_a",
          "source_b",
          "outcome",
          "preferred_source",
          "confidence",
          "critic",
          "model_version");

  @Mixin DbOption db;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "CSV",
      description = "The CSV file to write.")
  Path out;

  private final CliContext context;

  ExportVerdictsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws LabelCriticException {
    long[] rows = {0};
    try (Store store = ExistingDatabase.open(db.db)) {
      AtomicFiles.write(
          out,
          "a CSV file",
          tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
              w.write(CsvCells.line(HEADER));
              rows[0] =
                  new CriticQueries(store)
                      .forEachVerdict(
                          r -> {
                            try {
                              w.write(CsvCells.line(fields(r)));
                            } catch (IOException e) {
                              throw new UncheckedIOException(e);
                            }
                          });
            } catch (UncheckedIOException e) {
              throw e.getCause();
            }
          });
      CliUser.exported(store, "verdicts (" + rows[0] + ")", out);
    }
    context
        .console()
        .println("Exported " + rows[0] + " verdict(s) to " + out.toAbsolutePath().normalize());
    return ExitCodes.OK;
  }

  static List<String> fields(VerdictRow r) {
    return List.of(
        r.item(),
        r.structure(),
        r.sourceA(),
        r.sourceB(),
        r.outcome().name(),
        r.preferredSource(),
        String.format(Locale.ROOT, "%.4f", r.confidence()),
        r.critic(),
        r.modelVersion());
  }
}
