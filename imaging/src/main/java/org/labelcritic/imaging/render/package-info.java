/**
 * Rendering into plain ARGB {@code int[]} buffers, with no JavaFX: axial, coronal and sagittal
 * slices with window/level and label overlays, and the frontal projection of the published Label
 * Critic protocol. The app copies these buffers into a {@code WritableImage}.
 *
 * <p>Display conventions (radiological): the patient's right is on the image's left; axial slices
 * have anterior at the top, coronal and sagittal slices have superior at the top, and sagittal
 * slices have anterior on the left. Output pixels are square in millimetres, so anisotropic voxels
 * keep their true aspect.
 */
package org.labelcritic.imaging.render;
