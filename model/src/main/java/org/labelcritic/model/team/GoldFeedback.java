package org.labelcritic.model.team;

import org.labelcritic.model.stats.GoldAnswer;

/**
 * The immediate feedback on a decision on a gold item.
 *
 * @param correct whether the decision matched the known answer
 * @param expected the known answer
 */
public record GoldFeedback(boolean correct, GoldAnswer expected) {}
