package org.labelcritic.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.labelcritic.imaging.dicom.DicomTestFiles.dicom;
import static org.labelcritic.imaging.dicom.DicomTestFiles.stored;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.labelcritic.imaging.volume.Volume;
import org.labelcritic.model.LabelCriticException;

/** One image in many transfer syntaxes decodes to the same values; refused syntaxes say so. */
class DicomDecodeTest {
  private final DicomFileReader reader = new DicomFileReader();

  private Volume read(String relative) throws LabelCriticException {
    return reader.read(dicom(relative)).volume();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.dcm", "3.dcm", "4.dcm", "5.dcm", "6.dcm", "9.dcm"})
  void mosaicDecodesIdenticallyFromEverySupportedSyntax(String name) throws Exception {
    Volume reference = read("dcm_qa_ts/1.dcm");
    Volume other = read("dcm_qa_ts/" + name);
    assertThat(other.geometry().dimsText()).isEqualTo("384x384x1");
    assertThat(stored(other)).isEqualTo(stored(reference));
  }

  @Test
  void mosaicTilesEqualTheReferenceNifti() throws Exception {
    Volume mosaic = read("dcm_qa_ts/1.dcm");
    DicomTestFiles.Nifti ref =
        DicomTestFiles.nifti(DicomTestFiles.resource("nifti/dcm_qa_ts_Ref_1.nii"));
    assertMosaicEquals(mosaic, ref);
  }

  /** 6x6 tiles of 64x64, 35 used; dcm2niix writes each tile with its rows flipped. */
  static void assertMosaicEquals(Volume mosaic, DicomTestFiles.Nifti ref) {
    assertThat(ref.header().dim()).startsWith(3L, 64L, 64L, 35L);
    int mismatches = 0;
    for (int t = 0; t < 35; t++) {
      for (int y = 0; y < 64; y++) {
        for (int x = 0; x < 64; x++) {
          int fromDicom = (int) mosaic.voxels().stored(((t / 6) * 64 + y) * 384 + (t % 6) * 64 + x);
          if (ref.int16(x + 64 * ((63 - y) + 64L * t)) != fromDicom) {
            mismatches++;
          }
        }
      }
    }
    assertThat(mismatches).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"dcm_qa_ts/7.dcm", "dcm_qa_ts/8.dcm", "pydicom/MR_small_jpeg_ls_lossless.dcm"})
  void jpegLsIsRefusedWithItsUidAndName(String relative) {
    Path file = dicom(relative);
    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining(
            "unsupported transfer syntax 1.2.840.10008.1.2.4.80 (JPEG-LS Lossless) in "
                + file.getFileName());
  }

  @Test
  void jpegLsNearLosslessAndHtj2kAreRefused() {
    assertThatThrownBy(() -> read("pydicom/JPEGLSNearLossless_16.dcm"))
        .hasMessageContaining("1.2.840.10008.1.2.4.81 (JPEG-LS Near-Lossless)");
    assertThatThrownBy(() -> read("pydicom-data/HTJ2KLossless_08_RGB.dcm"))
        .hasMessageContaining(
            "unsupported transfer syntax 1.2.840.10008.1.2.4.201 (HTJ2K Lossless)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "MR_small_implicit.dcm",
        "MR_small_bigendian.dcm",
        "MR_small_RLE.dcm",
        "MR_small_padded.dcm",
        "MR_small_jp2klossless.dcm"
      })
  void mrSmallDecodesIdenticallyFromEveryVariant(String name) throws Exception {
    Volume reference = read("pydicom/MR_small.dcm");
    Volume other = read("pydicom/" + name);
    assertThat(other.geometry()).isEqualTo(reference.geometry());
    assertThat(stored(other)).isEqualTo(stored(reference));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "emri_small_RLE.dcm",
        "emri_small_big_endian.dcm",
        "emri_small_jpeg_2k_lossless.dcm"
      })
  void multiFrameEnhancedMrDecodesIdenticallyFromEveryVariant(String name) throws Exception {
    Volume reference = read("pydicom-data/emri_small.dcm");
    assertThat(reference.geometry().dimsText()).isEqualTo("64x64x10");
    assertThat(stored(read("pydicom-data/" + name))).isEqualTo(stored(reference));
  }

  @Test
  void rleColourFramesDecodeToTheUncompressedBytes() throws Exception {
    DicomParser parser = new DicomParser(DicomReadOptions.DEFAULTS);
    ParsedDicom rle = parser.parse(dicom("pydicom/SC_rgb_rle.dcm"));
    ParsedDicom raw = parser.parse(DicomTestFiles.dicom("pydicom-data/SC_rgb.dcm"));
    PixelData rlePixels = rle.pixels().orElseThrow();
    PixelFormat format = PixelFormat.of(rle, rlePixels);
    FrameSource.RawFrame decoded = new FrameSource(rle, rlePixels, format).frame(0);
    PixelData.Native n = (PixelData.Native) raw.pixels().orElseThrow();
    byte[] expected = java.util.Arrays.copyOfRange(n.buffer(), n.offset(), n.offset() + 30000);
    byte[] actual = new byte[30000];
    decoded.data().get(0, actual);
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void rtDoseMultiFrameDecodesIdenticallyFromRleWithGridFrameOffsets() throws Exception {
    DicomVolume dose = reader.read(dicom("pydicom/rtdose.dcm"));
    DicomVolume rle = reader.read(dicom("pydicom/rtdose_rle.dcm"));
    assertThat(dose.volume().geometry().dimsText()).isEqualTo("10x10x15");
    assertThat(dose.volume().geometry().sz())
        .isEqualTo(5.0, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(stored(rle.volume())).isEqualTo(stored(dose.volume()));
    assertThat(dose.warnings()).isEmpty();
  }

  @Test
  void jpegBaselineLosslessAndJpeg2000Decode() throws Exception {
    Volume baseline = read("pylibjpeg-data/JPEGBaseline_1s_1f_u_08_08.dcm");
    assertThat(baseline.voxels()).isInstanceOf(Volume.Voxels.Bytes.class);
    Volume lossless57 = read("pylibjpeg-data/JPEGLossless_1s_1f_u_16_12.dcm");
    assertThat(java.util.Arrays.stream(stored(lossless57)).max().orElseThrow()).isLessThan(4096);
    assertThat(lossless57.slope()).isEqualTo(3.774114);
    Volume lossy91 = read("pydicom/JPEG2000.dcm");
    assertThat(lossy91.geometry().dimsText()).isEqualTo("256x1024x1");
  }

  @Test
  void twelveBitLossyJpegIsRefusedClearly() {
    assertThatThrownBy(() -> read("pydicom/JPGExtended.dcm"))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("JPGExtended.dcm")
        .hasMessageContaining("cannot decode JPEG Extended (Process 2 & 4) frame 1")
        .hasMessageContaining("precision 12");
  }

  @Test
  void deflatedDatasetIsInflatedAndRead() throws Exception {
    DicomVolume v = reader.read(dicom("pydicom/image_dfl.dcm"));
    assertThat(v.info().transferSyntax())
        .isEqualTo(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
    assertThat(v.volume().geometry().dimsText()).isEqualTo("512x512x1");
    assertThat(java.util.Arrays.stream(stored(v.volume())).distinct().count()).isGreaterThan(10);
  }

  @Test
  void colourImagesAreRefused() {
    assertThatThrownBy(() -> read("pydicom-data/SC_rgb.dcm"))
        .hasMessageContaining("colour images are not read (PhotometricInterpretation RGB");
  }
}
