package org.labelcritic.imaging.export;

import java.util.List;
import org.labelcritic.model.Problem;

/**
 * What a label export did.
 *
 * @param cases case folders written (each with its provenance file)
 * @param written label files written
 * @param flagged structures not written because they are flagged
 * @param undecided structures not written because no label is final
 * @param problems structures skipped because their mask file is missing, changed or unreadable;
 *     each names the file
 * @param cancelled whether the export stopped early at the user's request
 */
public record LabelExportReport(
    int cases, int written, int flagged, int undecided, List<Problem> problems, boolean cancelled) {
  public LabelExportReport {
    problems = List.copyOf(problems);
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }
}
