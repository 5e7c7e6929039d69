package org.labelcritic.model.critic.onnx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.critic.Critic;
import org.labelcritic.model.critic.CriticVerdict;
import org.labelcritic.model.critic.PairFeatures;
import org.labelcritic.model.critic.Reason;
import org.labelcritic.model.critic.RulesCritic;

/**
 * The default pairwise critic: the rules and agreement gate first ({@link RulesCritic}), then an
 * ONNX pair model's P(A better). Its reasons are the features that weighed most: |weight x
 * standardized value| when the card carries a linear model's weights, else the largest standardized
 * values (how far this pair's difference is from a typical one).
 */
public final class FeatureCritic implements Critic<PairFeatures> {
  public static final String NAME = "feature";

  /** How many features are given as reasons. */
  public static final int REASONS = 3;

  private final OnnxPairModel model;
  private final RulesCritic rules;

  public FeatureCritic(OnnxPairModel model, RulesCritic rules) {
    this.model = Objects.requireNonNull(model, "model");
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String modelVersion() {
    return model.version() + "+" + rules.modelVersion();
  }

  @Override
  public CriticVerdict judge(PairFeatures input) throws LabelCriticException {
    return judgeAll(List.of(input)).get(0);
  }

  /** Judges many pairs, scoring those the rules leave open in one batch. */
  public List<CriticVerdict> judgeAll(List<PairFeatures> inputs) throws LabelCriticException {
    List<CriticVerdict> out = new ArrayList<>(inputs.size());
    List<Integer> open = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    for (PairFeatures in : inputs) {
      Optional<CriticVerdict> ruled = rules.decide(in);
      out.add(ruled.orElse(null));
      if (ruled.isEmpty()) {
        open.add(out.size() - 1);
        rows.add(row(model.card(), in));
      }
    }
    double[] p = model.probabilityA(rows.toArray(double[][]::new));
    for (int k = 0; k < open.size(); k++) {
      out.set(
          open.get(k), CriticVerdict.fromProbabilityA(p[k], reasons(model.card(), rows.get(k))));
    }
    return out;
  }

  /** The card's input row for {@code in} ({@link ModelCard#row}). */
  static double[] row(ModelCard card, PairFeatures in) {
    return card.row(in::valueOf);
  }

  static List<Reason> reasons(ModelCard card, double[] row) {
    double[] mean = card.mean();
    double[] scale = card.scale();
    double[] w = card.weights();
    record Weighed(int index, double z, double weight) {}
    List<Weighed> all = new ArrayList<>();
    for (int i = 0; i < row.length; i++) {
      double z = mean == null ? row[i] : (row[i] - mean[i]) / scale[i];
      all.add(new Weighed(i, z, w == null ? z : w[i] * z));
    }
    all.sort(Comparator.comparingDouble((Weighed x) -> -Math.abs(x.weight())));
    List<Reason> out = new ArrayList<>(REASONS);
    for (Weighed x : all.subList(0, Math.min(REASONS, all.size()))) {
      if (x.weight() == 0) {
        break;
      }
      String name = card.features().get(x.index());
      String detail =
          w == null
              ? String.format(
                  Locale.ROOT, "%s = %.3g (%.1f sd from typical)", name, row[x.index()], x.z())
              : String.format(
                  Locale.ROOT,
                  "%s = %.3g: %+.2f log-odds toward %s",
                  name,
                  row[x.index()],
                  x.weight(),
                  x.weight() > 0 ? "A" : "B");
      out.add(new Reason("feature." + name, detail, x.weight()));
    }
    return out;
  }
}
