package org.labelcritic.imaging.critic.train;

import java.util.Objects;
import org.labelcritic.imaging.critic.errors.ErrorType;

/**
 * A training pair: a reference label and a perturbed copy, in one order.
 *
 * @param caseName the case
 * @param patient the patient (the unit held out in evaluation)
 * @param structure the structure
 * @param type the error the bad label carries; null for a pair from a reviewer's decision
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
    features = features.clone();
  }

  /** The error type's name, or {@value #REVIEWED} for a reviewer's pair. */
  public String typeName() {
    return type == null ? REVIEWED : type.name();
  }

  /** How pairs from reviewers' decisions are listed. */
  public static final String REVIEWED = "REVIEWED";

  @Override
  public double[] features() {
    return features.clone();
  }
}
