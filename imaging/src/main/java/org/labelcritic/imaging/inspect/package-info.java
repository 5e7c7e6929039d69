/**
 * What {@code lcw inspect} prints: for a NIfTI file, a DICOM file or a DICOM series folder, what
 * was read (kind, dims, spacing, orientation, datatype, value range, transfer syntax, label values
 * with names) or the error.
 */
package org.labelcritic.imaging.inspect;
