package org.labelcritic.model.report;

import java.time.Instant;

/**
 * The critic's cumulative accuracy on one structure (or pooled) after the decisions made up to a
 * time.
 *
 * @param structure the structure's name, or {@link DatasetSummary#POOLED}
 * @param comparisons this series' decisions counted so far (the verdict preferred one of the two
 *     candidates)
 * @param order the comparisons counted so far over all structures: a common time axis
 */
public record TimelinePoint(
    Instant at, String structure, double accuracy, long comparisons, long order) {}
