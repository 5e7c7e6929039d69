package org.labelcritic.imaging.critic.features;

import java.util.Objects;

/**
 * What a structure usually looks like on CT, for the features' z-scores.
 *
 * @param structure canonical structure name (as in the structure map, e.g. "kidney_left")
 * @param volumeMl typical volume, mL
 * @param volumeSdMl its spread (one standard deviation), mL; positive
 * @param huMean typical mean HU inside the structure
 * @param huMeanSd spread of that mean between scans (contrast phase, fat, ...); positive
 * @param huSpread typical standard deviation of HU inside the structure
 * @param huSpreadSd spread of that standard deviation between scans; positive
 * @param leftFraction expected share of the structure on the patient's left (1 for a left kidney, 0
 *     for the liver), or NaN when there is no expectation
 */
public record OrganPrior(
    String structure,
    double volumeMl,
    double volumeSdMl,
    double huMean,
    double huMeanSd,
    double huSpread,
    double huSpreadSd,
    double leftFraction) {

  public OrganPrior {
    Objects.requireNonNull(structure, "structure");
    if (!(volumeSdMl > 0 && huMeanSd > 0 && huSpreadSd > 0)) {
      throw new IllegalArgumentException("prior spreads must be positive: " + structure);
    }
    if (!Double.isNaN(leftFraction) && !(leftFraction >= 0 && leftFraction <= 1)) {
      throw new IllegalArgumentException("left fraction must be 0..1 or NaN: " + structure);
    }
  }
}
