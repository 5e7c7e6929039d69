package org.labelcritic.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The inspection summary of a real CT series. */
class DicomSummaryTest {

  @Test
  void summarisesTheRealCtSeries() throws Exception {
    DicomSummary s =
        DicomSummary.of(new DicomSeriesReader().load(DicomTestFiles.series("totalseg_ct_dicom")));
    assertThat(s.kind()).isEqualTo("DICOM series");
    assertThat(s.orientation()).isEqualTo("LPS");
    assertThat(s.datatype()).isEqualTo("uint16");
    assertThat(s.min()).isEqualTo(-1024.0);
    assertThat(s.slices()).isEqualTo(20);
    assertThat(s.lines())
        .contains(
            "dims: 512x512x20",
            "spacing: 0.9766 x 0.9766 x 2.000 mm",
            "transfer syntax: 1.2.840.10008.1.2.4.90 (JPEG 2000 Lossless Only)",
            "modality: CT");
  }

  @Test
  void multiFrameFileIsSummarisedAsSuch() throws Exception {
    DicomSummary s =
        DicomSummary.of(new DicomFileReader().read(DicomTestFiles.dicom("pydicom/rtdose.dcm")));
    assertThat(s.kind()).isEqualTo("DICOM multi-frame file");
    assertThat(s.nz()).isEqualTo(15);
    assertThat(s.datatype()).isEqualTo("float32");
  }
}
