/**
 * The dataset's "nutrition label": a summary of where the labels came from, what reviewers did, how
 * accurate the critic and the reviewers measured, and the residual error estimate ({@link
 * org.labelcritic.model.report.DatasetSummaries}); and its rendering as one self-contained HTML
 * file with inline SVG charts ({@link org.labelcritic.model.report.HtmlReport}). No JavaFX: SVG is
 * written as text.
 */
package org.labelcritic.model.report;
