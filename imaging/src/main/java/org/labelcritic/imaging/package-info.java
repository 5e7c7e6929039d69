/**
 * The imaging module: reading volumes and images (ImageJ for DICOM and image maths), masks and mask
 * metrics, overlay and projection rendering into plain pixel buffers, critic features, and the
 * importers that read image headers. Imports no JavaFX.
 */
package org.labelcritic.imaging;
