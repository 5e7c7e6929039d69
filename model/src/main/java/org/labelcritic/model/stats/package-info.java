/**
 * Review statistics: critic accuracy against reviewers, accept/correct/flag rates, inter-reviewer
 * agreement (percent agreement, Cohen's and Fleiss' kappa, Krippendorff's alpha), Dice between
 * reviewers' final masks, gold-item accuracy, time per decision and code error rates by frequency
 * band.
 *
 * <p>Each statistic is an accumulator: observations (small input records) are added one at a time
 * and the result can be read at any time, so a dashboard can keep it live. The classes are pure
 * Java and know nothing of the store; {@code org.labelcritic.model.store.StatsQueries} reads a
 * dataset into them. Undefined values (no observations, a single category) are {@code NaN}, never
 * an exception.
 */
package org.labelcritic.model.stats;
