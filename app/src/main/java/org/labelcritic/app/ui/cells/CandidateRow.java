package org.labelcritic.app.ui.cells;

/**
 * One candidate as the review view lists it.
 *
 * @param number the key that picks it (1-9)
 * @param digits the per-digit confidences, formatted
 * @param lowDigit true when a digit's confidence is at or below the routing threshold
 * @param best true for the critic's most likely candidate
 */
public record CandidateRow(
    int number,
    String code,
    String description,
    String digits,
    String overall,
    String source,
    String pCorrect,
    boolean lowDigit,
    boolean best) {}
