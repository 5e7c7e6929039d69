package org.labelcritic.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.report.DatasetSummary;
import org.labelcritic.model.report.ReportWriter;
import org.labelcritic.model.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lcw report}: the dataset's nutrition label as one self-contained HTML file. */
@Command(
    name = "report",
    header = "Writes the dataset report (its nutrition label) as one HTML file.",
    mixinStandardHelpOptions = true,
    description = {
      "Writes one self-contained HTML file (charts as inline SVG, no scripts, nothing fetched):",
      "labels per source, how many were reviewed, edited, flagged and auto-accepted, the critic's",
      "measured accuracy, reviewer agreement, accuracy on gold items, time per decision, and the",
      "estimated residual error with how it was estimated. Written completely or not at all."
    })
final class ReportCommand implements Callable<Integer> {
  @Mixin DbOption db;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The HTML file.")
  Path out;

  private final CliContext context;

  ReportCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws LabelCriticException {
    try (Store store = ExistingDatabase.open(db.db)) {
      DatasetSummary s = ReportWriter.write(store, out, CliUser.name());
      context
          .console()
          .println(
              "Wrote the report of "
                  + s.datasetName()
                  + " ("
                  + s.units()
                  + " units, "
                  + s.reviewed()
                  + " reviewed) to "
                  + out.toAbsolutePath().normalize());
    }
    return ExitCodes.OK;
  }
}
