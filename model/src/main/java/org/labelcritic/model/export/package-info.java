/**
 * Exports of what a dataset database holds: the decision log (CSV or JSON Lines), the final codes
 * (CSV), which candidate is final for a pair ({@link org.labelcritic.model.export.FinalChoices}),
 * and the provenance of exported labels. CSV cells are escaped against formula injection ({@link
 * org.labelcritic.model.export.CsvCells}); every file is written to a temporary file and moved into
 * place ({@link org.labelcritic.model.export.AtomicFiles}). Nothing here reads voxels: label files
 * are written by {@code org.labelcritic.imaging.export}.
 */
package org.labelcritic.model.export;
