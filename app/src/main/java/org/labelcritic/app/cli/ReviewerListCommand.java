package org.labelcritic.app.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.store.Assignments;
import org.labelcritic.model.store.Store;
import org.labelcritic.model.store.TeamQueries;
import org.labelcritic.model.team.AssignmentPlan;
import org.labelcritic.model.team.AssignmentRole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lcw reviewer list}. */
@Command(
    name = "list",
    header = "Lists reviewers, their sessions (machine, start, end) and the queues in force.",
    mixinStandardHelpOptions = true)
final class ReviewerListCommand implements Callable<Integer> {
  @Mixin DbOption db;

  private final CliContext context;

  ReviewerListCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws LabelCriticException {
    try (Store store = ExistingDatabase.open(db.db)) {
      TeamQueries q = new TeamQueries(store);
      var plan = new Assignments(store).current();
      context.console().println("Reviewers:");
      for (TeamQueries.ReviewerRow r : q.reviewers()) {
        String queue =
            plan.map(AssignmentPlan::counts)
                .map(m -> m.get(r.name()))
                .map(ReviewerListCommand::queueText)
                .orElse("no queue");
        context
            .console()
            .println(
                "  "
                    + r.name()
                    + ": "
                    + r.decisions()
                    + " decision(s), "
                    + r.sessions()
                    + " session(s), "
                    + queue);
      }
      context.console().println("Sessions (newest first):");
      for (TeamQueries.SessionRow s : q.sessions()) {
        context
            .console()
            .println(
                "  "
                    + s.reviewer()
                    + " on "
                    + (s.machine().isBlank() ? "?" : s.machine())
                    + ", "
                    + s.start()
                    + " to "
                    + s.end().map(Object::toString).orElse("(open)")
                    + ", "
                    + s.decisions()
                    + " decision(s)");
      }
    }
    return ExitCodes.OK;
  }

  private static String queueText(Map<AssignmentRole, Long> c) {
    long total = c.values().stream().mapToLong(Long::longValue).sum();
    return "queue of "
        + total
        + " item(s) ("
        + c.getOrDefault(AssignmentRole.OVERLAP, 0L)
        + " overlap, "
        + c.getOrDefault(AssignmentRole.GOLD, 0L)
        + " gold)";
  }
}
