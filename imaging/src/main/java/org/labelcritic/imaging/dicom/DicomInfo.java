package org.labelcritic.imaging.dicom;

import java.util.List;

/**
 * What a review needs to know about where a volume came from, and nothing that identifies the
 * patient: no names, IDs, dates of birth, accession numbers or institutions are ever read into it.
 *
 * @param modality e.g. "CT", "MR"; empty when the file does not say
 * @param transferSyntax the syntax the pixel data was decoded from (of the first file)
 * @param seriesInstanceUid empty when the files leave it empty
 * @param sopInstanceUids one per slice file, in volume order (empty strings where absent)
 * @param photometric MONOCHROME1 or MONOCHROME2 (MONOCHROME1 values are inverted on reading)
 * @param bitsAllocated bits per stored sample
 * @param bitsStored significant bits per sample
 * @param signed two's complement samples
 * @param rescaleSlope the common RescaleSlope (1 when slices differed and values were rescaled)
 * @param rescaleIntercept the common RescaleIntercept (0 when slices differed)
 * @param files files read
 * @param slices slices in the volume
 */
public record DicomInfo(
    String modality,
    TransferSyntax transferSyntax,
    String seriesInstanceUid,
    List<String> sopInstanceUids,
    String photometric,
    int bitsAllocated,
    int bitsStored,
    boolean signed,
    double rescaleSlope,
    double rescaleIntercept,
    int files,
    int slices) {

  public DicomInfo {
    sopInstanceUids = List.copyOf(sopInstanceUids);
  }
}
