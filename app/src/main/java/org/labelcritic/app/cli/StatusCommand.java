package org.labelcritic.app.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.store.StatusReport;
import org.labelcritic.model.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lcw status}: what a dataset database holds. */
@Command(
    name = "status",
    header = "Prints what a dataset database holds.",
    mixinStandardHelpOptions = true,
    description =
        "Counts of a dataset database: items by kind, candidates by structure and source,"
            + " verdicts, decisions and the review queue.")
final class StatusCommand implements Callable<Integer> {
  @Mixin DbOption db;

  private final CliContext context;

  StatusCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws LabelCriticException {
    if (!java.nio.file.Files.isRegularFile(db.db)) {
      throw LabelCriticException.inFile(db.db, "no such database");
    }
    StatusReport r;
    try (Store store = Store.open(db.db)) {
      r = store.queries().status();
    }
    Console c = context.console();
    c.println("Dataset   " + r.datasetName() + " (" + r.datasetUid() + ")");
    c.println("Database  " + db.db.toAbsolutePath() + ", schema version " + r.schemaVersion());
    c.println("Items     " + r.items() + "  " + join(r.itemsByKind()));
    c.println("");
    c.println(String.format("%-34s %10s %12s", "Structure", "items", "candidates"));
    for (StatusReport.StructureCount s : r.structures()) {
      c.println(String.format("%-34s %10d %12d", s.name(), s.items(), s.candidates()));
    }
    c.println("");
    c.println(String.format("%-34s %-7s %-12s %12s", "Source", "kind", "version", "candidates"));
    for (StatusReport.SourceCount s : r.sources()) {
      c.println(
          String.format(
              "%-34s %-7s %-12s %12d",
              s.name(), s.kind().toLowerCase(), s.version(), s.candidates()));
    }
    c.println("");
    c.println(
        "Verdicts  "
            + r.verdictsByOutcome().values().stream().mapToLong(Long::longValue).sum()
            + "  "
            + join(r.verdictsByOutcome())
            + (r.verdictsByCritic().isEmpty() ? "" : "  by critic: " + join(r.verdictsByCritic())));
    c.println(
        "Decisions "
            + r.decisions()
            + "  reviewers "
            + r.reviewers()
            + ", sessions "
            + r.sessions());
    c.println("Queue     " + join(r.queueByStatus()));
    return ExitCodes.OK;
  }

  private static String join(Map<String, Long> m) {
    StringBuilder sb = new StringBuilder();
    m.forEach(
        (k, v) ->
            sb.append(sb.isEmpty() ? "" : ", ").append(k.toLowerCase()).append(' ').append(v));
    return sb.isEmpty() ? "(none)" : sb.toString();
  }
}
