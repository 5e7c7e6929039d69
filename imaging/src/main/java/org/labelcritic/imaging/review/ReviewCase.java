package org.labelcritic.imaging.review;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.labelcritic.imaging.volume.Volume;
import org.labelcritic.model.domain.Item;
import org.labelcritic.model.domain.Structure;

/**
 * One item and structure ready to show: the scan and the candidates with their masks on its grid.
 */
public record ReviewCase(
    Item item, Structure structure, Volume scan, List<CaseCandidate> candidates) {
  public ReviewCase {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(structure, "structure");
    Objects.requireNonNull(scan, "scan");
    candidates = List.copyOf(candidates);
  }

  public Optional<CaseCandidate> candidate(long candidateId) {
    return candidates.stream().filter(c -> c.id() == candidateId).findFirst();
  }
}
