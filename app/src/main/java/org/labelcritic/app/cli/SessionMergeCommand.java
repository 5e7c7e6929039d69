package org.labelcritic.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.session.MergeReport;
import org.labelcritic.model.session.SessionFile;
import org.labelcritic.model.store.SessionStore;
import org.labelcritic.model.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code lcw session merge}. */
@Command(
    name = "merge",
    header = "Merges session files into a dataset database; merging again adds nothing.",
    mixinStandardHelpOptions = true,
    description = {
      "Appends the decisions of each session file that the database does not have yet (by uid);",
      "nothing is overwritten: when reviewers decided differently, both decisions are kept and the",
      "conflict is listed. Edited masks are written to <database name>-masks/ next to the database.",
      "A session file from another dataset or a newer program is refused, and nothing of it merged."
    })
final class SessionMergeCommand implements Callable<Integer> {
  @Mixin DbOption db;

  @Parameters(arity = "1..*", paramLabel = "SESSION", description = "Session files (.lcws).")
  List<Path> files;

  private final CliContext context;

  SessionMergeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws LabelCriticException {
    boolean problems = false;
    try (Store store = ExistingDatabase.open(db.db)) {
      Path masks = maskFolder(store.file());
      for (Path f : files) {
        MergeReport r =
            new SessionStore(store).merge(SessionFile.read(f), f.getFileName().toString(), masks);
        context
            .console()
            .println(
                f.getFileName()
                    + " ("
                    + r.reviewer()
                    + "): "
                    + r.added()
                    + " decision(s) added, "
                    + r.alreadyPresent()
                    + " already present, "
                    + r.sessionsAdded()
                    + " session(s) added, "
                    + r.masksWritten()
                    + " mask file(s) written, "
                    + r.conflicts().size()
                    + " conflict(s)");
        r.conflicts().forEach(c -> context.console().println("  conflict: " + c));
        r.skipped().forEach(s -> context.console().error("  skipped: " + s));
        problems |= !r.skipped().isEmpty();
      }
    }
    return problems ? ExitCodes.PROBLEMS : ExitCodes.OK;
  }

  /** {@code <folder of db>/<db name without extension>-masks}. */
  static Path maskFolder(Path db) {
    Path abs = db.toAbsolutePath().normalize();
    String n = abs.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return abs.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + "-masks");
  }
}
