package org.labelcritic.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.store.Assignments;
import org.labelcritic.model.store.GoldImport;
import org.labelcritic.model.store.Store;
import org.labelcritic.model.team.AssignmentPlan;
import org.labelcritic.model.team.AssignmentRole;
import org.labelcritic.model.team.AssignmentSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lcw assign}: deals the items into reviewers' queues. */
@Command(
    name = "assign",
    header = "Deals the items into reviewers' queues, with blinded overlap and gold items.",
    mixinStandardHelpOptions = true,
    description = {
      "Gives each reviewer a queue. A share of the items (--overlap) goes to two or more reviewers",
      "(--overlap-reviewers), who never see each other's decisions; gold items (known answers,",
      "read with --gold) make up --gold-rate of each queue. The deal is deterministic: the same",
      "dataset and names give the same queues on any machine. Running it again replaces the plan",
      "in force (the old one stays on record); decisions are never touched.",
      "Gold CSV header: item_id,structure,answer with answer accept:SOURCE, code:CODE or flag."
    })
final class AssignCommand implements Callable<Integer> {
  @Mixin DbOption db;

  @Option(
      names = "--reviewers",
      required = true,
      split = ",",
      paramLabel = "NAME",
      description = "The reviewers, comma-separated.")
  List<String> reviewers;

  @Option(
      names = "--overlap",
      defaultValue = "0.1",
      paramLabel = "SHARE",
      description = "Share of items decided by several reviewers, 0..1 (default ${DEFAULT-VALUE}).")
  double overlap;

  @Option(
      names = "--overlap-reviewers",
      defaultValue = "2",
      paramLabel = "N",
      description = "How many reviewers decide an overlap item (default ${DEFAULT-VALUE}).")
  int overlapReviewers;

  @Option(
      names = "--gold-rate",
      defaultValue = "0.05",
      paramLabel = "SHARE",
      description = "Share of each queue made of gold items, 0..<1 (default ${DEFAULT-VALUE}).")
  double goldRate;

  @Option(
      names = "--gold-feedback",
      description = "Tell a reviewer at once whether a gold decision was right.")
  boolean goldFeedback;

  @Option(names = "--gold", paramLabel = "CSV", description = "Gold items to add first.")
  Path gold;

  private final CliContext context;

  AssignCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws LabelCriticException {
    AssignmentSettings settings;
    try {
      settings =
          new AssignmentSettings(reviewers, overlap, overlapReviewers, goldRate, goldFeedback);
    } catch (IllegalArgumentException e) {
      throw new LabelCriticException(e.getMessage());
    }
    boolean problems = false;
    try (Store store = ExistingDatabase.open(db.db)) {
      if (gold != null) {
        GoldImport.Result r = new GoldImport(store).read(gold);
        context
            .console()
            .println("Gold items: " + r.added() + " added, " + r.unchanged() + " already there");
        r.problems().forEach(p -> context.console().error("  " + p.message()));
        problems = !r.problems().isEmpty();
      }
      AssignmentPlan plan = new Assignments(store).assign(settings, CliUser.name());
      context.console().println("Assignment plan " + plan.id() + " is in force:");
      for (Map.Entry<String, Map<AssignmentRole, Long>> e : plan.counts().entrySet()) {
        Map<AssignmentRole, Long> c = e.getValue();
        long total = c.values().stream().mapToLong(Long::longValue).sum();
        context
            .console()
            .println(
                "  "
                    + e.getKey()
                    + ": "
                    + total
                    + " item(s), of which "
                    + c.getOrDefault(AssignmentRole.OVERLAP, 0L)
                    + " overlap and "
                    + c.getOrDefault(AssignmentRole.GOLD, 0L)
                    + " gold");
      }
    }
    return problems ? ExitCodes.PROBLEMS : ExitCodes.OK;
  }
}
