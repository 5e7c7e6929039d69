package org.labelcritic.model.critic.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.critic.CandidateFeatures;
import org.labelcritic.model.critic.Critic;
import org.labelcritic.model.critic.CriticVerdict;
import org.labelcritic.model.critic.Reason;

/**
 * Single-label quality (DESIGN.md point 4): P(good) for a structure that only one source labelled,
 * from an ONNX model over candidate features (the {@link ModelCard}'s "P(A better)" column is
 * P(good) here). The verdict is SINGLE with confidence P(good); its reasons are the features that
 * weighed most, as for the pairwise critic.
 */
public final class SingleLabelCritic implements Critic<CandidateFeatures> {
  public static final String NAME = "feature-single";

  private final OnnxPairModel model;

  public SingleLabelCritic(OnnxPairModel model) {
    this.model = Objects.requireNonNull(model, "model");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String modelVersion() {
    return model.version();
  }

  @Override
  public CriticVerdict judge(CandidateFeatures input) throws LabelCriticException {
    return judgeAll(List.of(input)).get(0);
  }

  /** Judges many candidates in one batch. */
  public List<CriticVerdict> judgeAll(List<CandidateFeatures> inputs) throws LabelCriticException {
    ModelCard card = model.card();
    double[][] rows = new double[inputs.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = row(card, inputs.get(i));
    }
    double[] p = model.probabilityA(rows);
    List<CriticVerdict> out = new ArrayList<>(rows.length);
    for (int i = 0; i < rows.length; i++) {
      List<Reason> reasons = new ArrayList<>();
      for (Reason r : FeatureCritic.reasons(card, rows[i])) {
        reasons.add(
            new Reason(
                r.name(),
                r.detail().replace("toward A", "toward good").replace("toward B", "toward bad"),
                r.weight()));
      }
      out.add(CriticVerdict.single(p[i], reasons));
    }
    return out;
  }

  /** The card's input row for {@code in} ({@link ModelCard#row}). */
  static double[] row(ModelCard card, CandidateFeatures in) {
    return card.row(in::valueOf);
  }
}
