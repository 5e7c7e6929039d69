package org.labelcritic.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.store.CriticQueries;
import org.labelcritic.model.store.Store;
import org.labelcritic.model.store.VerdictRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lcw export verdicts}: every verdict as CSV. */
@Command(
    name = "verdicts",
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
    if (!Files.isRegularFile(db.db)) {
      throw LabelCriticException.inFile(db.db, "no such database");
    }
    Path target = out.toAbsolutePath();
    if (Files.isDirectory(target)) {
      throw LabelCriticException.inFile(out, "is a folder; give the path of a CSV file");
    }
    Path tmp;
    long rows;
    try {
      Files.createDirectories(target.getParent());
      tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
    } catch (IOException e) {
      throw LabelCriticException.inFile(out, "cannot be written: " + e.getMessage(), e);
    }
    try (Store store = Store.open(db.db);
        BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      w.write(line(HEADER));
      rows =
          new CriticQueries(store)
              .forEachVerdict(
                  r -> {
                    try {
                      w.write(line(fields(r)));
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  });
    } catch (IOException | LabelCriticException | RuntimeException e) {
      deleteQuietly(tmp);
      if (e instanceof LabelCriticException lce) {
        throw lce;
      }
      throw LabelCriticException.inFile(
          out, "cannot be written: " + LabelCriticException.describe(e), e);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw LabelCriticException.inFile(out, "cannot be written: " + e.getMessage(), e);
    }
    context.console().println("Exported " + rows + " verdict(s) to " + target);
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

  static String line(List<String> fields) {
    StringBuilder sb = new StringBuilder();
    for (String f : fields) {
      if (!sb.isEmpty()) {
        sb.append(',');
      }
      sb.append(cell(f));
    }
    return sb.append("\r\n").toString();
  }

  /**
   * One CSV cell: text a spreadsheet would evaluate (starting with = + - @, or a tab or carriage
   * return that hides one) gets a leading apostrophe (OWASP's advice on CSV injection); then
   * quoting per RFC 4180.
   */
  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      v = '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // The temporary file is in the target folder and named .part; nothing else to do.
    }
  }
}
