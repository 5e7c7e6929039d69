package org.labelcritic.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.session.SessionData;
import org.labelcritic.model.session.SessionFile;
import org.labelcritic.model.store.AuditLog;
import org.labelcritic.model.store.SessionStore;
import org.labelcritic.model.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lcw session export}. */
@Command(
    name = "export",
    header = "Writes one reviewer's sessions, decisions and edited masks to a session file.",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a session file (.lcws, SQLite): the reviewer's sessions and every decision they made,",
      "named by stable keys (decision uid, item id, structure and source names), with the bytes of",
      "every mask the reviewer drew. Merge it into any copy of the same dataset with",
      "'lcw session merge'."
    })
final class SessionExportCommand implements Callable<Integer> {
  @Mixin DbOption db;

  @Option(names = "--reviewer", required = true, paramLabel = "NAME", description = "Whose work.")
  String reviewer;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The .lcws file.")
  Path out;

  private final CliContext context;

  SessionExportCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws LabelCriticException {
    try (Store store = ExistingDatabase.open(db.db)) {
      SessionData data = new SessionStore(store).export(reviewer);
      SessionFile.write(out, data);
      new AuditLog(store)
          .record(
              CliUser.name(),
              AuditLog.Kind.EXPORT,
              "session of "
                  + data.reviewer()
                  + " ("
                  + data.decisions().size()
                  + " decisions) to "
                  + out.toAbsolutePath().normalize());
      context
          .console()
          .println(
              "Exported "
                  + data.decisions().size()
                  + " decision(s), "
                  + data.sessions().size()
                  + " session(s) and "
                  + data.candidates().size()
                  + " edited label(s) of "
                  + data.reviewer()
                  + " to "
                  + out.toAbsolutePath().normalize());
    }
    return ExitCodes.OK;
  }
}
