/**
 * What the review workbench shows for one item and structure, read from the store and the files it
 * refers to: the scan as a volume and each candidate's mask on the scan's grid ({@link
 * org.labelcritic.imaging.review.ReviewCaseLoader}, with a cache of recent cases and prefetch), and
 * the saving of a reviewer's edited mask as a new candidate ({@link
 * org.labelcritic.imaging.review.EditSaver}). No JavaFX here: the app's viewer calls these on its
 * executor.
 */
package org.labelcritic.imaging.review;
