package org.labelcritic.imaging.critic.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.critic.RulesCritic;
import org.labelcritic.model.critic.onnx.OnnxPairModel;

/**
 * Trains the default feature critic from training cases and writes {@value #ONNX}, its sidecar and
 * a Markdown report. The exported model is scored back with ONNX Runtime and must match the fit.
 */
public final class CriticTraining {
  public static final String ONNX = "feature-critic.onnx";
  public static final String REPORT = "feature-critic-training.md";
  public static final String VERSION = "feature-logreg-1";

  private CriticTraining() {}

  /** What was trained. */
  public record Outcome(
      LogisticFit fit, TrainingSet set, double trainAccuracy, double onnxMaxDiff) {}

  public static Outcome train(List<TrainingCase> cases, TrainingSet set, Path out, long seed)
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
    Outcome o = new Outcome(fit, set, (double) right / gated.size(), maxDiff);
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
            "Every reference label x 9 error types x severities %s; (good, bad) in both orders."
                + "%n%n| | count |%n|---|---:|%n| pairs | %d |%n| pairs with Dice < %.1f (trained on) | %d |%n"
                + "| single labels (good / bad) | %d / %d |%n",
            java.util.Arrays.toString(TrainingSet.SEVERITIES),
            o.set().pairs().size(),
            RulesCritic.DEFAULT_AGREE_DICE,
            gated.size(),
            o.set().singles().stream().filter(LabelledSingle::good).count(),
            o.set().singles().stream().filter(s -> !s.good()).count()));
    Map<String, Integer> byType = new TreeMap<>();
    gated.forEach(p -> byType.merge(p.type().name(), 1, Integer::sum));
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
    sb.append("Held-out figures: `lcw critic eval` (leave one patient out).\n");
    return sb.toString();
  }
}
