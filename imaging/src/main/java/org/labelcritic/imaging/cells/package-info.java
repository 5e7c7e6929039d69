/**
 * Reading handwritten codes from form-cell images: the cell is cut into its digits ({@link
 * org.labelcritic.imaging.cells.DigitSegmenter}), each digit is normalised the way MNIST digits are
 * and classified by a Tribuo model ({@link org.labelcritic.imaging.cells.DigitReader}), whose
 * per-class probabilities give each digit its confidence ({@link
 * org.labelcritic.imaging.cells.CodeReader}). {@link org.labelcritic.imaging.cells.DigitReaders}
 * trains the two competing models of the demo (a linear logistic model and a factorization machine)
 * deterministically from labelled digit samples.
 */
package org.labelcritic.imaging.cells;
