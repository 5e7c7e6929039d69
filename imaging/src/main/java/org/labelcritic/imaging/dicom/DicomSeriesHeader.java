package org.labelcritic.imaging.dicom;

import java.util.List;
import org.labelcritic.imaging.volume.Geometry;

/**
 * What the headers of a DICOM series say, without its pixels: the grid (RAS+ affine), the transfer
 * syntax and modality, how many files, and warnings (skipped files, uneven spacing read anyway).
 */
public record DicomSeriesHeader(
    Geometry geometry,
    TransferSyntax transferSyntax,
    String modality,
    int files,
    List<String> warnings) {
  public DicomSeriesHeader {
    warnings = List.copyOf(warnings);
  }
}
