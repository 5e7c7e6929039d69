package org.labelcritic.app.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.export.DecisionLogExport;
import org.labelcritic.model.store.ExportQueries;
import org.labelcritic.model.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lcw export decisions}: the full decision log as CSV or JSON Lines. */
@Command(
    name = "decisions",
    header = "Writes the full decision log as CSV or JSON Lines.",
    mixinStandardHelpOptions = true,
    description = {
      "Writes every decision, oldest first, also those superseded later (the full append-only log):",
      "item, structure, reviewer, session, action, chosen candidate and its source, flag reason,",
      "note, verdict, the decision it supersedes, time spent and when it was made.",
      "In CSV, text a spreadsheet would run as a formula (starting with = + - @) is prefixed with '.",
      "The file is written completely or not at all."
    })
final class ExportDecisionsCommand implements Callable<Integer> {
  @Mixin DbOption db;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
  Path out;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "csv",
      converter = FormatConverter.class,
      description = "csv (default) or jsonl (one JSON object per line).")
  DecisionLogExport.Format format;

  private final CliContext context;

  ExportDecisionsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws LabelCriticException {
    long rows;
    try (Store store = ExistingDatabase.open(db.db)) {
      rows = new DecisionLogExport(new ExportQueries(store)).write(out, format);
      CliUser.exported(store, "decisions (" + rows + ")", out);
    }
    context
        .console()
        .println("Exported " + rows + " decision(s) to " + out.toAbsolutePath().normalize());
    return ExitCodes.OK;
  }

  /** Accepts csv and jsonl in any case. */
  static final class FormatConverter
      implements picocli.CommandLine.ITypeConverter<DecisionLogExport.Format> {
    @Override
    public DecisionLogExport.Format convert(String value) {
      try {
        return DecisionLogExport.Format.valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not a format; use csv or jsonl");
      }
    }
  }
}
