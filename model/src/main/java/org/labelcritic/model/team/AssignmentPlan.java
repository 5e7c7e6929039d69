package org.labelcritic.model.team;

import java.time.Instant;
import java.util.Map;

/**
 * An assignment as stored: its settings, seed and, per reviewer, how many items of each role.
 *
 * @param id the plan's id; the newest plan is the one in force
 */
public record AssignmentPlan(
    long id,
    AssignmentSettings settings,
    String seed,
    Instant createdAt,
    Map<String, Map<AssignmentRole, Long>> counts) {}
