package org.labelcritic.app.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.export.CodeExport;
import org.labelcritic.model.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lcw export codes}: the final code of every form cell as CSV. */
@Command(
    name = "codes",
    header = "Writes the final code of every form cell as CSV.",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the final code of every form cell as CSV: the code the current decision accepted or",
      "typed; for a flagged cell an empty code and the flag reason; for an undecided cell the code",
      "of the candidate the critic prefers, else of the most confident candidate. The column",
      "code_from says which (accepted, edited, flagged, critic, highest_confidence).",
      "Text a spreadsheet would run as a formula (starting with = + - @) is prefixed with '.",
      "The file is written completely or not at all."
    })
final class ExportCodesCommand implements Callable<Integer> {
  @Mixin DbOption db;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "CSV",
      description = "The CSV file to write.")
  Path out;

  private final CliContext context;

  ExportCodesCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws LabelCriticException {
    CodeExport.Summary s;
    try (Store store = ExistingDatabase.open(db.db)) {
      s = new CodeExport(store).write(out);
      CliUser.exported(store, "codes (" + s.rows() + ")", out);
    }
    context
        .console()
        .println(
            "Exported "
                + s.rows()
                + " code(s) to "
                + out.toAbsolutePath().normalize()
                + describe(s.byBasis()));
    return ExitCodes.OK;
  }

  private static String describe(Map<String, Long> byBasis) {
    if (byBasis.isEmpty()) {
      return "";
    }
    return byBasis.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey())
        .collect(Collectors.joining(", ", " (", ")"));
  }
}
