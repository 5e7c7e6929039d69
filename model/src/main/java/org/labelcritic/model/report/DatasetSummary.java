package org.labelcritic.model.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.labelcritic.model.stats.AgreementSummary;
import org.labelcritic.model.stats.CriticAccuracy;
import org.labelcritic.model.stats.DecisionTimes;
import org.labelcritic.model.stats.OutcomeRates;
import org.labelcritic.model.stats.Proportion;

/**
 * Everything the report and the dashboard show, read at one moment.
 *
 * @param changeMarker the last decision id and audit row id when it was read: equal markers mean
 *     nothing changed in between
 * @param labelsBySource candidates per source name (model labels and reviewer edits)
 * @param units item and structure pairs (lines of the review queue)
 * @param reviewed units whose latest human decision accepts, edits or flags
 * @param accepted of those, accepted unchanged
 * @param edited of those, edited
 * @param flagged of those, flagged
 * @param autoAccepted units adopted by the automatic adopter and not decided by a person
 * @param agreementByStructure agreement per structure name (units decided by two or more people)
 * @param goldByReviewer each reviewer's accuracy on gold items
 * @param timeline the critic's cumulative accuracy over time, per structure and pooled
 */
public record DatasetSummary(
    String datasetName,
    String datasetUid,
    Instant readAt,
    String changeMarker,
    Map<String, Long> labelsBySource,
    long units,
    long reviewed,
    long accepted,
    long edited,
    long flagged,
    long autoAccepted,
    CriticAccuracy criticAccuracy,
    OutcomeRates outcomes,
    AgreementSummary agreement,
    int overlapUnits,
    Map<String, AgreementSummary> agreementByStructure,
    Map<String, Proportion> goldByReviewer,
    Proportion goldPooled,
    DecisionTimes times,
    List<TimelinePoint> timeline,
    ResidualError residualError) {
  /** The name of the pooled series. */
  public static final String POOLED = "(all)";

  public long unreviewed() {
    return Math.max(0, units - reviewed - autoAccepted);
  }
}
