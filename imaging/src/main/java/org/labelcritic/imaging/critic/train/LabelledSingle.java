package org.labelcritic.imaging.critic.train;

import java.util.Objects;
import org.labelcritic.imaging.critic.errors.ErrorType;

/**
 * A single candidate for the single-label quality model: a reference label (good) or a perturbed
 * one.
 *
 * @param caseName the case
 * @param patient the patient
 * @param structure the structure
 * @param type the error, or null for a reference label
 * @param features candidate features in {@code FeatureExtractor.CANDIDATE_NAMES} order
 */
public record LabelledSingle(
    String caseName, String patient, String structure, ErrorType type, double[] features) {

  public LabelledSingle {
    Objects.requireNonNull(caseName, "caseName");
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(structure, "structure");
    features = features.clone();
  }

  public boolean good() {
    return type == null;
  }

  @Override
  public double[] features() {
    return features.clone();
  }
}
