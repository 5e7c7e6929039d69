package org.labelcritic.model.stats;

import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Candidate;

/**
 * Dice between two mask candidates. The imaging module supplies it (it reads the mask files); the
 * model only calls it, so it stays free of voxels.
 */
@FunctionalInterface
public interface MaskDice {
  /**
   * @return Dice in 0..1 (1 when both masks are empty)
   * @throws LabelCriticException when a mask cannot be read
   */
  double dice(Candidate a, Candidate b) throws LabelCriticException;
}
