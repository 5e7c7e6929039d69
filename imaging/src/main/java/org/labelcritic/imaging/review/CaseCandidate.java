package org.labelcritic.imaging.review;

import java.util.Objects;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.model.Problem;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.Source;

/**
 * One candidate of a case as the viewer needs it: the candidate, its source, and its mask on the
 * scan's grid, or the problem that kept the mask from being read (then the mask is empty).
 */
public record CaseCandidate(Candidate candidate, Source source, BinaryMask mask, Problem problem) {
  public CaseCandidate {
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(mask, "mask");
  }

  public long id() {
    return candidate.id();
  }

  /** The source's name, with the revision for a reviewer's edit ("ana r2"). */
  public String label() {
    return candidate.revision() > 0 ? source.name() + " r" + candidate.revision() : source.name();
  }
}
