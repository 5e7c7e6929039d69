/**
 * Form-cell review (census codes): the one-cell review view ({@link
 * org.labelcritic.app.ui.cells.CellReviewPane}, {@link
 * org.labelcritic.app.ui.cells.CellReviewViewModel}) and the grid mode of cells with the same
 * predicted code ({@link org.labelcritic.app.ui.cells.CellGridPane}, {@link
 * org.labelcritic.app.ui.cells.CellGridViewModel}). Both walk the cells the published rule routes
 * to review, least likely first, and commit each decision to the store before moving on.
 */
package org.labelcritic.app.ui.cells;
