/**
 * Reviewer teams: how items are dealt into reviewers' queues (overlap for agreement, gold items for
 * scoring), deterministically from the dataset and the reviewers' names. Pure functions; the
 * store's {@code Assignments} keeps the result.
 */
package org.labelcritic.model.team;
