package org.labelcritic.imaging.critic.features;

import java.util.List;
import java.util.Objects;
import org.labelcritic.imaging.mask.BinaryMask;

/**
 * One candidate mask and its context on the scan.
 *
 * @param structure the structure's canonical name, for the organ priors
 * @param mask the candidate's mask, on the CT's grid
 * @param sameSourceOthers the same source's masks of the other structures of this scan
 * @param otherSources the other sources' masks of this structure (not this candidate)
 */
public record CandidateInput(
    String structure,
    BinaryMask mask,
    List<BinaryMask> sameSourceOthers,
    List<BinaryMask> otherSources) {

  public CandidateInput {
    Objects.requireNonNull(structure, "structure");
    Objects.requireNonNull(mask, "mask");
    sameSourceOthers = List.copyOf(sameSourceOthers);
    otherSources = List.copyOf(otherSources);
  }

  /** A candidate seen alone: no other structures, no other sources. */
  public static CandidateInput alone(String structure, BinaryMask mask) {
    return new CandidateInput(structure, mask, List.of(), List.of());
  }
}
