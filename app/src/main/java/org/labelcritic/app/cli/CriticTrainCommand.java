package org.labelcritic.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.labelcritic.imaging.critic.features.FeatureExtractor;
import org.labelcritic.imaging.critic.features.OrganPriors;
import org.labelcritic.imaging.critic.train.CriticTraining;
import org.labelcritic.imaging.critic.train.DemoTrainingCases;
import org.labelcritic.imaging.critic.train.TrainingCase;
import org.labelcritic.imaging.critic.train.TrainingSet;
import org.labelcritic.model.LabelCriticException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lcw critic train}: trains the default feature critic from the demo's CTs. */
@Command(
    name = "train",
    header = "Trains the feature critic on labels perturbed the way AI labels fail.",
    mixinStandardHelpOptions = true,
    description = {
      "Trains the feature critic on generated pairs (each reference label of the demo CTs against",
      "its copies perturbed by 9 error types) and writes "
          + CriticTraining.ONNX
          + ", its sidecar JSON and "
          + CriticTraining.REPORT
          + "."
    })
final class CriticTrainCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "FOLDER", description = "Output folder.")
  Path out;

  @Option(
      names = "--demo",
      paramLabel = "FOLDER",
      description = "The demo volumes (default: ${DEFAULT-VALUE}).")
  Path demo = Path.of("resources/demo/volumes");

  @Option(names = "--seed", description = "Seed of the error generator and SGD.")
  long seed = 1;

  private final CliContext context;

  CriticTrainCommand(CliContext context) {
    this.context = context;
  }

  /** The cases and their pairs, shared with {@code critic eval}. */
  static TrainingSet build(Console c, List<TrainingCase> cases, long seed) {
    long t0 = System.nanoTime();
    TrainingSet set =
        TrainingSet.build(
            cases, new FeatureExtractor(OrganPriors.defaults()), TrainingSet.SEVERITIES, seed);
    c.println(
        String.format(
            Locale.ROOT,
            "%d cases, %d pairs, %d single labels (%.1f s)",
            cases.size(),
            set.pairs().size(),
            set.singles().size(),
            (System.nanoTime() - t0) / 1e9));
    return set;
  }

  static List<TrainingCase> cases(Path demo) throws LabelCriticException {
    if (!Files.isDirectory(demo.resolve("images"))) {
      throw LabelCriticException.inFile(demo, "not the demo volumes folder (no images/ in it)");
    }
    return DemoTrainingCases.load(demo);
  }

  @Override
  public Integer call() throws LabelCriticException {
    Console c = context.console();
    List<TrainingCase> cases = cases(demo);
    TrainingSet set = build(c, cases, seed);
    CriticTraining.Outcome o = CriticTraining.train(cases, set, out, seed);
    c.println(
        String.format(
            Locale.ROOT,
            "trained %s on %d features: training accuracy %.1f %%, ONNX vs fit max |dP| %.1e",
            CriticTraining.VERSION,
            o.fit().names().size(),
            100 * o.trainAccuracy(),
            o.onnxMaxDiff()));
    c.println("wrote " + out.resolve(CriticTraining.ONNX));
    return ExitCodes.OK;
  }
}
