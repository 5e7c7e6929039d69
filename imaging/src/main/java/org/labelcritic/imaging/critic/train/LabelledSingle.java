package org.labelcritic.imaging.critic.train;

import java.util.Objects;
import org.labelcritic.imaging.critic.errors.ErrorType;

/**
 * A single candidate for the single-label quality model: a reference label or a real competing
 * label that agrees with it (good), or a perturbed copy of the reference.
 *
 * @param caseName the case
 * @param patient the patient
 * @param structure the structure
 * @param type the error, or null for a good label
 * @param diceToReference Dice between this label and the reference (1 for the reference)
 * @param features candidate features in {@code FeatureExtractor.CANDIDATE_NAMES} order
 */
public record LabelledSingle(
    String caseName,
    String patient,
    String structure,
    ErrorType type,
    double diceToReference,
    double[] features) {

  public LabelledSingle {
    Objects.requireNonNull(caseName, "caseName");
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(structure, "structure");
    features = features.clone();
  }

  public boolean good() {
    return type == null;
  }

  /**
   * Whether this label is clearly good or clearly bad: a generated error that still agrees with the
   * reference (Dice at or above the agreement gate's threshold) is neither, and is left out of the
   * single-label model's training and evaluation.
   */
  public boolean decisive(double agreeDice) {
    return good() || diceToReference < agreeDice;
  }

  @Override
  public double[] features() {
    return features.clone();
  }
}
