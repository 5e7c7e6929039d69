package org.labelcritic.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.store.AuditLog;
import org.labelcritic.model.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code lcw reviewer add}. */
@Command(
    name = "add",
    header = "Adds reviewers by name (a name already there is left as it is).",
    mixinStandardHelpOptions = true)
final class ReviewerAddCommand implements Callable<Integer> {
  @Mixin DbOption db;

  @Parameters(arity = "1..*", paramLabel = "NAME", description = "Reviewer names.")
  List<String> names;

  private final CliContext context;

  ReviewerAddCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws LabelCriticException {
    try (Store store = ExistingDatabase.open(db.db)) {
      for (String n : names) {
        var r = store.reviews().reviewer(n);
        new AuditLog(store).record(CliUser.name(), AuditLog.Kind.SETTINGS, "reviewer " + r.name());
        context.console().println("Reviewer " + r.name());
      }
    }
    return ExitCodes.OK;
  }
}
