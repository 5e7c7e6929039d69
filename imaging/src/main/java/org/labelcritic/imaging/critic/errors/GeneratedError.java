package org.labelcritic.imaging.critic.errors;

import java.util.Objects;
import org.labelcritic.imaging.mask.BinaryMask;

/**
 * A good mask perturbed one way: the training material of the critic.
 *
 * @param type how the mask was perturbed
 * @param severity the severity asked for, 0..1 (see {@link ErrorType} for its physical size)
 * @param mask the perturbed mask
 * @param diceToOriginal Dice between {@code mask} and the good mask ({@code MaskMetrics.dice})
 * @param detail what was done, for logs and provenance (e.g. "eroded 7.0 mm")
 */
public record GeneratedError(
    ErrorType type, double severity, BinaryMask mask, double diceToOriginal, String detail) {

  public GeneratedError {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(mask, "mask");
    Objects.requireNonNull(detail, "detail");
  }
}
