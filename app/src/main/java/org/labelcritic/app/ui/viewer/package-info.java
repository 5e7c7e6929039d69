/**
 * The image viewer of the review workbench ({@link org.labelcritic.app.ui.viewer.VolumeViewer},
 * which implements {@link org.labelcritic.app.ui.ItemViewer}): three planes with a linked
 * crosshair, candidate overlays, an A|B side-by-side mode, the frontal projection, and an edit mode
 * with brush, eraser, hole filling, undo and redo. {@link
 * org.labelcritic.app.ui.viewer.ViewerViewModel} holds the state (no nodes); {@link
 * org.labelcritic.app.ui.viewer.SliceView} draws one plane into a canvas through the imaging
 * module's renderer.
 */
package org.labelcritic.app.ui.viewer;
