package org.labelcritic.model.store;

/**
 * The newest verdict, decision and candidate ids: when none of them moved, the queue has not
 * changed, so a window polling for live updates can skip reloading it.
 */
public record ChangeMark(long lastVerdictId, long lastDecisionId, long lastCandidateId) {}
