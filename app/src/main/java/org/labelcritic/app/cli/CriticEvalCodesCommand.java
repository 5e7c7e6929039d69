package org.labelcritic.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.critic.eval.LabelErrorEvaluation;
import org.labelcritic.model.critic.eval.TopK;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code lcw critic eval-codes}: the code critic against cleanlab's validated MNIST errors. */
@Command(
    name = "eval-codes",
    header = "Ranks cleanlab's MNIST data by P(given label correct) against validated errors.",
    mixinStandardHelpOptions = true,
    description = {
      "Ranks the MNIST test set by P(given label correct) and prints the precision and recall of",
      "the top k against the crowd-validated label errors of cleanlab/label-errors. The folder",
      "must hold "
          + LabelErrorEvaluation.LABELS
          + ", "
          + LabelErrorEvaluation.PROBABILITIES
          + " and "
          + LabelErrorEvaluation.CROWD
          + ".",
      "An item is an error when fewer than 3 of the 5 crowd workers confirmed its given label."
    })
final class CriticEvalCodesCommand implements Callable<Integer> {
  @Option(
      names = "--dir",
      required = true,
      paramLabel = "FOLDER",
      description = "The folder with cleanlab's MNIST files.")
  Path dir;

  @Option(
      names = "--k",
      split = ",",
      paramLabel = "K",
      description = "Further cut-offs besides the number of errors (default: 10,50,100).")
  List<Integer> ks = List.of(10, 50, 100);

  @Spec CommandSpec spec;

  private final CliContext context;

  CriticEvalCodesCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws LabelCriticException {
    for (int k : ks) {
      if (k < 1) {
        throw new ParameterException(spec.commandLine(), "--k must be positive, was " + k);
      }
    }
    if (!Files.isDirectory(dir)) {
      throw LabelCriticException.inFile(dir, "no such folder");
    }
    LabelErrorEvaluation.Report r = LabelErrorEvaluation.evaluate(dir, ks);
    Console c = context.console();
    c.println(
        String.format(
            Locale.ROOT,
            "MNIST test set: %d items, %d checked by the crowd, %d validated errors",
            r.items(),
            r.checked(),
            r.errors()));
    c.println(
        String.format(
            Locale.ROOT, "%-28s %6s %6s %10s %8s", "ranking", "k", "hits", "precision", "recall"));
    for (LabelErrorEvaluation.Ranking rk : r.rankings()) {
      for (TopK t : rk.topK()) {
        c.println(
            String.format(
                Locale.ROOT,
                "%-28s %6d %6d %10.3f %8.3f",
                rk.name(),
                t.k(),
                t.hits(),
                t.precision(),
                t.recall()));
      }
    }
    return ExitCodes.OK;
  }
}
