package org.labelcritic.model.store;

import java.util.List;
import java.util.Map;

/**
 * Counts that describe a dataset database, for {@code lcw status} and the status bar.
 *
 * @param itemsByKind number of items per kind
 * @param structures per structure: items that have a candidate for it, and candidates
 * @param sources per source: candidates
 * @param verdictsByOutcome verdicts per outcome
 * @param verdictsByCritic verdicts per "critic model-version"
 * @param decisions all decisions ever appended (the audit trail)
 * @param queueByStatus item-structure pairs per review status
 */
public record StatusReport(
    String datasetName,
    String datasetUid,
    int schemaVersion,
    Map<String, Long> itemsByKind,
    List<StructureCount> structures,
    List<SourceCount> sources,
    Map<String, Long> verdictsByOutcome,
    Map<String, Long> verdictsByCritic,
    long decisions,
    Map<String, Long> queueByStatus,
    long reviewers,
    long sessions) {

  public record StructureCount(String name, long items, long candidates) {}

  public record SourceCount(String name, String kind, String version, long candidates) {}

  public long items() {
    return itemsByKind.values().stream().mapToLong(Long::longValue).sum();
  }

  public long candidates() {
    return sources.stream().mapToLong(SourceCount::candidates).sum();
  }
}
