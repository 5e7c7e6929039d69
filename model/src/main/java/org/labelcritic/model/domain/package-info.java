/**
 * The concepts of the design as immutable values: items, structures, sources, candidates, verdicts,
 * decisions, reviewers and sessions. Database ids are plain {@code long}s; nothing here knows how
 * it is stored.
 */
package org.labelcritic.model.domain;
