package org.labelcritic.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.labelcritic.imaging.dicom.DicomTestFiles.dicom;

import ij.plugin.DICOM;
import ij.process.ImageProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.labelcritic.imaging.volume.Volume;

/** Stored bits, sign, inversion and rescale give the values the references hold. */
class DicomPixelValuesTest {
  private final DicomFileReader reader = new DicomFileReader();

  @ParameterizedTest
  @CsvSource({"12bitUnsigned_0x0F0F.dcm, 3", "12bitSigned_0x0F0F.dcm, 4"})
  void twelveBitDataWithJunkHighBitsMatchesTheReference(String file, int series) throws Exception {
    Volume v = reader.read(dicom("dcm_qa_12bit/" + file)).volume();
    DicomTestFiles.Nifti ref =
        DicomTestFiles.nifti(DicomTestFiles.resource("nifti/dcm_qa_12bit_Ref_" + series + ".nii"));
    DicomDecodeTest.assertMosaicEquals(v, ref);
  }

  @Test
  void signedTwelveBitValuesAreSignExtendedFromBit11() throws Exception {
    Volume v = reader.read(dicom("dcm_qa_12bit/12bitSigned_0x0F0F.dcm")).volume();
    int[] values = DicomTestFiles.stored(v);
    assertThat(java.util.Arrays.stream(values).min().orElseThrow()).isGreaterThanOrEqualTo(-2048);
    assertThat(java.util.Arrays.stream(values).max().orElseThrow()).isLessThanOrEqualTo(2047);
    assertThat(values).contains(-241, -1);
  }

  @Test
  void ctRescaleGivesHounsfieldUnits() throws Exception {
    DicomVolume ct = reader.read(dicom("pydicom/CT_small.dcm"));
    Volume v = ct.volume();
    assertThat(v.slope()).isEqualTo(1.0);
    assertThat(v.intercept()).isEqualTo(-1024.0);
    assertThat(v.value(0)).isEqualTo(v.voxels().stored(0) - 1024);
    assertThat(ct.info().modality()).isEqualTo("CT");
  }

  @Test
  void monochrome1IsInvertedSoThatLargerIsBrighter() throws Exception {
    Volume v = reader.read(dicom("highdicom/dx_image.dcm")).volume();
    DicomParser parser = new DicomParser(DicomReadOptions.DEFAULTS);
    PixelData.Native raw =
        (PixelData.Native) parser.parse(dicom("highdicom/dx_image.dcm")).pixels().orElseThrow();
    for (int k = 0; k < 211 * 169; k += 97) {
      assertThat(v.voxels().stored(k)).isEqualTo(255 - (raw.buffer()[raw.offset() + k] & 0xFF));
    }
  }

  @Test
  void uncompressedSignedValuesAgreeWithImageJ() throws Exception {
    Volume v = reader.read(dicom("pydicom/MR_small.dcm")).volume();
    DICOM imagej = new DICOM();
    imagej.open(dicom("pydicom/MR_small.dcm").toString());
    ImageProcessor ip = imagej.getProcessor();
    assertThat(ip.getWidth()).isEqualTo(v.nx());
    for (int k = 0; k < v.voxels().length(); k++) {
      // ImageJ keeps signed 16-bit data shifted by 32768 with a calibration function.
      assertThat(imagej.getCalibration().getCValue(ip.get(k))).isEqualTo(v.value(k));
    }
  }
}
