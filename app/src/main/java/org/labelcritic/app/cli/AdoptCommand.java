package org.labelcritic.app.cli;

import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.store.Store;
import org.labelcritic.model.worker.AutoAdopter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code lcw adopt}: accepts the critic's choice where it is confident. */
@Command(
    name = "adopt",
    mixinStandardHelpOptions = true,
    description = {
      "Adopts the critic's preferred label wherever it is confident enough.",
      "Records an automatic decision by the reviewer '"
          + AutoAdopter.REVIEWER
          + "' for every item and structure that nobody",
      "decided yet and whose latest verdict is at least --min-confidence sure, or whose candidates",
      "agree: the preferred candidate is accepted, and the decision names the verdict.",
      "Codes the routing rule sends to review are kept for review unless --ignore-routing.",
      "Running it again adopts nothing twice."
    })
final class AdoptCommand implements Callable<Integer> {
  @Mixin DbOption db;

  @Spec CommandSpec spec;

  private double minConfidence;

  @Option(
      names = "--min-confidence",
      required = true,
      paramLabel = "X",
      description = "The least verdict confidence to adopt, 0..1 (e.g. 0.95).")
  void setMinConfidence(double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new ParameterException(
          spec.commandLine(), "--min-confidence must be in 0..1, was " + value);
    }
    minConfidence = value;
  }

  @Option(
      names = "--ignore-routing",
      description = "Also adopt codes that the routing rule sends to review.")
  boolean ignoreRouting;

  private final CliContext context;

  AdoptCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws LabelCriticException {
    if (!Files.isRegularFile(db.db)) {
      throw LabelCriticException.inFile(db.db, "no such database");
    }
    TerminalProgress progress = new TerminalProgress(context.console(), "adopt");
    AutoAdopter.Report r;
    try (Store store = Store.open(db.db)) {
      r = new AutoAdopter(store, minConfidence, !ignoreRouting).run(progress);
    } finally {
      progress.finish();
    }
    Console c = context.console();
    c.println(
        String.format(
            Locale.ROOT,
            "Adopted %d (minimum confidence %.3f); not confident enough %d; kept for review by the"
                + " routing rule %d.",
            r.adopted(),
            minConfidence,
            r.belowThreshold(),
            r.keptByRouting()));
    c.println("Remaining to review: " + r.remaining());
    return r.cancelled() ? ExitCodes.PROBLEMS : ExitCodes.OK;
  }
}
