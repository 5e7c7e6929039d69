package org.labelcritic.model.stats;

/**
 * A reviewed code for {@link CodeErrorRates}.
 *
 * @param frequency how often the candidate's code occurs (training data or dataset counts)
 * @param error whether the reviewer corrected it
 */
public record CodeCheck(long frequency, boolean error) {
  public CodeCheck {
    if (frequency < 0) {
      throw new IllegalArgumentException("a frequency cannot be negative: " + frequency);
    }
  }
}
