package org.labelcritic.imaging.dicom;

import java.nio.file.Path;
import org.labelcritic.model.LabelCriticException;

/**
 * Reads one DICOM file (single- or multi-frame, greyscale) into a volume: frames become slices,
 * ordered along the slice normal when the file gives per-frame positions.
 */
public final class DicomFileReader {
  private final DicomReadOptions options;
  private final DicomParser parser;

  public DicomFileReader() {
    this(DicomReadOptions.DEFAULTS);
  }

  public DicomFileReader(DicomReadOptions options) {
    this.options = options;
    this.parser = new DicomParser(options);
  }

  public DicomVolume read(Path file) throws LabelCriticException {
    ParsedDicom parsed = parser.parseHeader(file);
    String label = String.valueOf(file.getFileName());
    return new VolumeAssembler(options)
        .assemble(file, "DICOM " + file, Slices.of(parsed, label), 1);
  }
}
