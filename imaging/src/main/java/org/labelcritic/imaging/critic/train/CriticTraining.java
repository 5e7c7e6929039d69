package org.labelcritic.imaging.critic.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.labelcritic.imaging.critic.CriticModels;
import org.labelcritic.imaging.critic.features.FeatureExtractor;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.critic.RulesCritic;
import org.labelcritic.model.critic.onnx.OnnxPairModel;

/**
 * Trains the default feature critic from training cases and writes {@value #ONNX}, its sidecar and
 * a Markdown report. The exported model is scored back with ONNX Runtime and must match the fit.
 */
public final class CriticTraining {
  public static final String ONNX = CriticModels.PAIR_ONNX;
  public static final String SINGLE_ONNX = CriticModels.SINGLE_ONNX;
  public static final String REPORT = "feature-critic-training.md";
  public static final String VERSION = "feature-logreg-2";
  public static final String SINGLE_VERSION = "single-logreg-2";

  private CriticTraining() {}

  /**
   * What was trained.
   *
   * @param fit the pair model
   * @param single the single-label model
   * @param set the training material
   * @param trainAccuracy the pair model's in-sample accuracy
   * @param onnxMaxDiff the largest difference between ONNX Runtime's and the fit's P(A better)
   * @param evaluation the leave-one-patient-out evaluation written into the report
   */
  public record Outcome(
      LogisticFit fit,
      LogisticFit single,
      TrainingSet set,
      double trainAccuracy,
      double onnxMaxDiff,
      CriticEvaluation.Result evaluation) {}

  /**
   * Trains both models on the whole set, writes them with their sidecars, and writes the report
   * with the leave-one-patient-out evaluation (the models it evaluates are trained the same way
   * without the held-out patient).
   */
  public static Outcome train(
      List<TrainingCase> cases, TrainingSet set, FeatureExtractor extractor, Path out, long seed)
      throws LabelCriticException {
    List<LabelledPair> gated = set.gated(RulesCritic.DEFAULT_AGREE_DICE);
    if (gated.isEmpty()) {
      throw new LabelCriticException("no training pair passes the agreement gate");
    }
    LogisticFit fit = CriticEvaluation.fitPairs(gated, seed);
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw LabelCriticException.inFile(out, "cannot create the folder: " + e.getMessage(), e);
    }
    Path onnx = out.resolve(ONNX);
    fit.save(onnx, VERSION);
    LogisticFit single =
        CriticEvaluation.fitSingles(set.decisiveSingles(RulesCritic.DEFAULT_AGREE_DICE), seed);
    single.save(out.resolve(SINGLE_ONNX), SINGLE_VERSION);
    long right = 0;
    double[][] rows = new double[gated.size()][];
    for (int i = 0; i < rows.length; i++) {
      LabelledPair p = gated.get(i);
      right += (fit.probability(p.features()) >= 0.5) == p.aBetter() ? 1 : 0;
      rows[i] = fit.select(p.features());
    }
    double maxDiff = 0;
    try (OnnxPairModel m = OnnxPairModel.load(onnx, OnnxPairModel.Provider.CPU)) {
      double[] p = m.probabilityA(rows);
      for (int i = 0; i < p.length; i++) {
        maxDiff = Math.max(maxDiff, Math.abs(p[i] - fit.probability(gated.get(i).features())));
      }
    }
    CriticEvaluation.Result eval =
        CriticEvaluation.withRealPairs(
            CriticEvaluation.run(set, RulesCritic.DEFAULT_AGREE_DICE, seed),
            cases,
            extractor,
            RulesCritic.DEFAULT_AGREE_DICE);
    Outcome o = new Outcome(fit, single, set, (double) right / gated.size(), maxDiff, eval);
    try {
      Files.writeString(out.resolve(REPORT), report(cases, o));
    } catch (IOException e) {
      throw LabelCriticException.inFile(
          out.resolve(REPORT), "cannot write the report: " + e.getMessage(), e);
    }
    return o;
  }

  static String report(List<TrainingCase> cases, Outcome o) {
    StringBuilder sb = new StringBuilder("# Feature critic: training report\n\n");
    sb.append("Model `")
        .append(VERSION)
        .append("`: Tribuo logistic regression (LinearSGDTrainer, ");
    sb.append("log loss, AdaGrad 0.1, ")
        .append(LogisticFit.EPOCHS)
        .append(" epochs) on standardized pair features, exported to ONNX.\n\n");
    sb.append("## Data\n\n| case | patient | reference source | structures |\n|---|---|---|---|\n");
    for (TrainingCase c : cases) {
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s |%n",
              c.name(),
              c.patient(),
              c.source(),
              String.join(", ", c.reference().keySet())));
    }
    List<LabelledPair> gated = o.set().gated(RulesCritic.DEFAULT_AGREE_DICE);
    sb.append("\n## Pairs\n\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "Every reference label x 9 error types x severities %s; (good, bad) in both orders;"
                + " plus %d pairs from reviewers' decisions (accepted or edited label better than"
                + " the others)."
                + "%n%n| | count |%n|---|---:|%n| pairs | %d |%n| pairs with Dice < %.1f (trained on) | %d |%n"
                + "| single labels (good / bad) | %d / %d |%n%n"
                + "Good single labels are the references and the other real sources' labels that"
                + " agree with them (Dice >= %.1f); bad ones are generated errors with Dice < %.1f"
                + " to the reference (milder ones are neither).%n",
            java.util.Arrays.toString(TrainingSet.SEVERITIES),
            o.set().pairs().stream().filter(p -> p.type() == null).count(),
            o.set().pairs().size(),
            RulesCritic.DEFAULT_AGREE_DICE,
            gated.size(),
            o.set().decisiveSingles(RulesCritic.DEFAULT_AGREE_DICE).stream()
                .filter(LabelledSingle::good)
                .count(),
            o.set().decisiveSingles(RulesCritic.DEFAULT_AGREE_DICE).stream()
                .filter(s -> !s.good())
                .count(),
            TrainingSet.GOOD_DICE,
            RulesCritic.DEFAULT_AGREE_DICE));
    Map<String, Integer> byType = new TreeMap<>();
    gated.forEach(p -> byType.merge(p.typeName(), 1, Integer::sum));
    sb.append("\nTrained pairs by error type: ").append(byType).append("\n\n");
    sb.append("## Fit\n\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "- training accuracy (in sample): %s%n- ONNX Runtime vs the fit, max |dP|: %.2e%n"
                + "- features kept (%d): %s%n%n",
            CriticEvaluation.pct(o.trainAccuracy()),
            o.onnxMaxDiff(),
            o.fit().names().size(),
            String.join(", ", o.fit().names())));
    sb.append(
        String.format(
            Locale.ROOT,
            "Single-label model `%s` (P(good), classes balanced) on %d features: %s.%n%n",
            SINGLE_VERSION,
            o.single().names().size(),
            String.join(", ", o.single().names())));
    sb.append("## Held-out evaluation (leave one patient out; `lcw critic eval`)\n\n");
    sb.append(CriticEvaluation.report(o.evaluation()));
    return sb.toString();
  }
}
