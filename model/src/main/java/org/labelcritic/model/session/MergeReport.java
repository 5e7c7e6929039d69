package org.labelcritic.model.session;

import java.util.List;

/**
 * What a merge did.
 *
 * @param added decisions appended
 * @param alreadyPresent decisions the database had already (same uid): merging again adds nothing
 * @param sessionsAdded review sessions added
 * @param masksWritten mask files written next to the database
 * @param conflicts decisions that disagree with another reviewer's current decision on the same
 *     item and structure, or that are older than the same reviewer's current one; all are kept
 * @param skipped decisions that could not be merged, each with the reason (e.g. an unknown item)
 */
public record MergeReport(
    String file,
    String reviewer,
    int added,
    int alreadyPresent,
    int sessionsAdded,
    int masksWritten,
    List<String> conflicts,
    List<String> skipped) {
  public MergeReport {
    conflicts = List.copyOf(conflicts);
    skipped = List.copyOf(skipped);
  }
}
