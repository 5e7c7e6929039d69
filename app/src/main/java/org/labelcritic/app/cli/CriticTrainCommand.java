package org.labelcritic.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.labelcritic.imaging.critic.features.FeatureExtractor;
import org.labelcritic.imaging.critic.features.OrganPriors;
import org.labelcritic.imaging.critic.train.CriticEvaluation;
import org.labelcritic.imaging.critic.train.CriticTraining;
import org.labelcritic.imaging.critic.train.DemoTrainingCases;
import org.labelcritic.imaging.critic.train.ReviewedPairs;
import org.labelcritic.imaging.critic.train.TrainingCase;
import org.labelcritic.imaging.critic.train.TrainingSet;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lcw critic train}: trains the feature critic from the demo's CTs and, with {@code --db},
 * the reviewers' decisions in a database.
 */
@Command(
    name = "train",
    header = "Trains the feature critic on labels perturbed the way AI labels fail.",
    mixinStandardHelpOptions = true,
    description = {
      "Trains the feature critic on generated pairs (each reference label of the demo CTs against",
      "its copies perturbed by 9 error types) plus, with --db, the reviewers' decisions in that",
      "database (an accepted label is better than the structure's other candidates; an edit is",
      "better than all of them), and writes "
          + CriticTraining.ONNX
          + ", "
          + CriticTraining.SINGLE_ONNX
          + ", their sidecar JSON and "
          + CriticTraining.REPORT
          + " (with the leave-one-patient-out evaluation). Use the folder with lcw critic run"
          + " --model."
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

  @Option(
      names = "--db",
      paramLabel = "DB",
      description = "A database whose reviewers' scan decisions are added to the training pairs.")
  Path db;

  /** The extractor training and evaluation use. */
  static final FeatureExtractor EXTRACTOR = new FeatureExtractor(OrganPriors.defaults());

  private final CliContext context;

  CriticTrainCommand(CliContext context) {
    this.context = context;
  }

  /** The cases and their pairs, shared with {@code critic eval}. */
  static TrainingSet build(Console c, List<TrainingCase> cases, long seed) {
    long t0 = System.nanoTime();
    TrainingSet set = TrainingSet.build(cases, EXTRACTOR, TrainingSet.SEVERITIES, seed);
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
    if (db != null && !Files.isRegularFile(db)) {
      throw LabelCriticException.inFile(db, "no such database");
    }
    List<TrainingCase> cases = cases(demo);
    TrainingSet set = build(c, cases, seed);
    if (db != null) {
      ReviewedPairs.Result reviewed;
      TerminalProgress progress = new TerminalProgress(c, "reviewed");
      try (Store store = Store.open(db)) {
        reviewed = ReviewedPairs.read(store, EXTRACTOR, progress);
      } finally {
        progress.finish();
      }
      for (String p : reviewed.problems()) {
        c.error("problem: " + p);
      }
      c.println(
          String.format(
              Locale.ROOT,
              "%d reviewer decision(s) on scans in %s: %d pairs added",
              reviewed.decisions(),
              db,
              reviewed.pairs().size()));
      set = set.withPairs(reviewed.pairs());
    }
    CriticTraining.Outcome o = CriticTraining.train(cases, set, EXTRACTOR, out, seed);
    c.println(
        String.format(
            Locale.ROOT,
            "trained %s on %d features: training accuracy %.1f %%, ONNX vs fit max |dP| %.1e",
            CriticTraining.VERSION,
            o.fit().names().size(),
            100 * o.trainAccuracy(),
            o.onnxMaxDiff()));
    c.println(
        String.format(
            Locale.ROOT,
            "held out (leave one patient out): pairwise accuracy %.1f %%, single-label balanced"
                + " accuracy %.1f %%",
            100 * CriticEvaluation.accuracy(o.evaluation().pairs()),
            100 * CriticEvaluation.balancedAccuracy(o.evaluation().singles())));
    c.println("wrote " + out.resolve(CriticTraining.ONNX) + " and " + CriticTraining.SINGLE_ONNX);
    return ExitCodes.OK;
  }
}
