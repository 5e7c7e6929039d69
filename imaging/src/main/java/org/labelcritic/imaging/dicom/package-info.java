/**
 * DICOM reading: single files ({@link org.labelcritic.imaging.dicom.DicomFileReader}) and one
 * series per folder ({@link org.labelcritic.imaging.dicom.DicomSeriesReader}) into {@link
 * org.labelcritic.imaging.volume.Volume}s with a RAS+ world affine and rescale to physical units.
 *
 * <p>Why an own element parser rather than ImageJ's {@code ij.plugin.DICOM}: ImageJ's reader cannot
 * read deflated datasets, UN sequences of undefined length, or split encapsulated frames by their
 * fragment lengths; it loads every attribute (patient name included) into its info text; and it
 * allocates what a header asks for without a limit. This parser keeps only a whitelist of
 * attributes ({@code Tags.KEPT}: no patient, institution or accession attributes), checks every
 * length against the bytes present and every allocation against {@link
 * org.labelcritic.imaging.dicom.DicomReadOptions}. Compressed frames go to ImageIO codecs
 * (TwelveMonkeys JPEG, jai-imageio JPEG 2000); RLE is decoded here. JPEG-LS and HTJ2K have no
 * pure-Java codec among the dependencies and are refused with their UID and name. Colour images are
 * refused (volumes for review are greyscale). Uneven slice spacing is refused by default.
 *
 * <p>Uncompressed files are parsed from their first 16 KiB and their frames read straight from the
 * file into the volume, so a series costs one pass over its bytes (see {@code
 * DicomSeriesLoadBenchmark} in the tests).
 */
package org.labelcritic.imaging.dicom;
