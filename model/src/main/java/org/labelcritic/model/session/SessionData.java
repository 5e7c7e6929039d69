package org.labelcritic.model.session;

import java.util.List;

/**
 * The content of one session file.
 *
 * @param fileUid a fresh id for this export
 * @param datasetUid the dataset the decisions belong to; a merge into another dataset is refused
 * @param schemaVersion the schema version of the database it was exported from
 */
public record SessionData(
    String fileUid,
    String datasetUid,
    String datasetName,
    int schemaVersion,
    String reviewer,
    String exportedAt,
    List<PortableSession> sessions,
    List<PortableCandidate> candidates,
    List<PortableDecision> decisions) {
  public SessionData {
    sessions = List.copyOf(sessions);
    candidates = List.copyOf(candidates);
    decisions = List.copyOf(decisions);
  }
}
