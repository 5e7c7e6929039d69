package org.labelcritic.model.critic;

import java.util.List;
import java.util.Objects;
import org.labelcritic.model.codes.CodeList;
import org.labelcritic.model.domain.CandidateLabel;

/**
 * What the code critic looks at: the candidate codes of one cell (one per source, in a stable
 * order: the verdict's A and B are positions in this list), the code list and the code frequencies.
 *
 * @param codeList the official code list, or null when there is none (validity is then not scored)
 */
public record CodeItem(
    List<CandidateLabel.Code> candidates, CodeList codeList, CodeFrequencies frequencies) {
  public CodeItem {
    candidates = List.copyOf(candidates);
    Objects.requireNonNull(frequencies, "frequencies");
  }
}
