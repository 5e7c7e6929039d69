package org.labelcritic.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.labelcritic.imaging.critic.train.CriticEvaluation;
import org.labelcritic.imaging.critic.train.TrainingCase;
import org.labelcritic.imaging.critic.train.TrainingSet;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.critic.RulesCritic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lcw critic eval}: leave-one-patient-out evaluation of the feature critic on the demo. */
@Command(
    name = "eval",
    header = "Evaluates the feature critic, leaving one patient out at a time.",
    mixinStandardHelpOptions = true,
    description = {
      "Trains on all patients but one and scores the held-out patient's generated pairs that the",
      "agreement gate leaves open; prints accuracy per structure, error type and Dice band, the",
      "share decided automatically at >= 96.5 % accuracy, the calibration error, the",
      "single-label balanced accuracy, and on the demo's real competing sources the gate's",
      "agreement rate and the held-out model's preferences, as Markdown."
    })
final class CriticEvalCommand implements Callable<Integer> {
  @Option(
      names = "--demo",
      paramLabel = "FOLDER",
      description = "The demo volumes (default: ${DEFAULT-VALUE}).")
  Path demo = Path.of("resources/demo/volumes");

  @Option(names = "--seed", description = "Seed of the error generator and SGD.")
  long seed = 1;

  @Option(
      names = "--agree-dice",
      description = "The agreement gate's Dice (default: ${DEFAULT-VALUE}).")
  double agreeDice = RulesCritic.DEFAULT_AGREE_DICE;

  private final CliContext context;

  CriticEvalCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws LabelCriticException {
    Console c = context.console();
    List<TrainingCase> cases = CriticTrainCommand.cases(demo);
    TrainingSet set = CriticTrainCommand.build(c, cases, seed);
    c.println(
        CriticEvaluation.report(
            CriticEvaluation.withRealPairs(
                CriticEvaluation.run(set, agreeDice, seed),
                cases,
                CriticTrainCommand.EXTRACTOR,
                agreeDice)));
    return ExitCodes.OK;
  }
}
