package org.labelcritic.imaging.dicom;

import java.util.List;
import org.labelcritic.imaging.volume.Volume;

/**
 * A volume read from DICOM with its provenance and anything the reader had to assume.
 *
 * @param volume the voxels (stored values + rescale, RAS+ geometry)
 * @param info modality, transfer syntax, UIDs and pixel format; nothing patient-identifying
 * @param warnings assumptions made while reading (missing orientation, uneven spacing read anyway)
 */
public record DicomVolume(Volume volume, DicomInfo info, List<String> warnings) {

  public DicomVolume {
    warnings = List.copyOf(warnings);
  }
}
