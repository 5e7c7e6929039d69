package org.labelcritic.model.stats;

import java.util.Optional;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.Verdict;

/**
 * A reviewer's current decision, resolved for the statistics (the store's {@code StatsQueries}
 * makes them).
 *
 * @param unit the item's external id and the structure's name, e.g. {@code case-7/liver}
 * @param finalCandidate the candidate accepted or made by the edit; null for a flag
 * @param verdict the verdict the reviewer saw (its {@code verdict_id}), else the latest verdict on
 *     the item and structure, if any
 * @param category the nominal category compared for agreement, see {@link DecisionCategory}
 * @param source the source the decision is charged to (see {@link OutcomeRates})
 * @param sourceCandidate the candidate of that source, if one could be named
 */
public record CurrentDecision(
    long itemId,
    long structureId,
    String unit,
    String structure,
    String reviewer,
    DecisionAction action,
    Candidate finalCandidate,
    Optional<Verdict> verdict,
    String category,
    String source,
    Optional<Candidate> sourceCandidate) {}
