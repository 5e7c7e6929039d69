package org.labelcritic.imaging.critic.train;

import java.util.Objects;
import org.labelcritic.imaging.critic.errors.ErrorType;

/**
 * A training pair: a reference label and a perturbed copy, in one order.
 *
 * @param caseName the case
 * @param patient the patient (the unit held out in evaluation)
 * @param structure the structure
 * @param type the error the bad label carries
 * @param severity the error's severity
 * @param diceAb Dice between the two labels
 * @param features pair features in {@code FeatureExtractor.PAIR_NAMES} order
 * @param aBetter whether A is the reference (the label to prefer)
 */
public record LabelledPair(
    String caseName,
    String patient,
    String structure,
    ErrorType type,
    double severity,
    double diceAb,
    double[] features,
    boolean aBetter) {

  public LabelledPair {
    Objects.requireNonNull(caseName, "caseName");
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(structure, "structure");
    Objects.requireNonNull(type, "type");
    features = features.clone();
  }

  @Override
  public double[] features() {
    return features.clone();
  }
}
