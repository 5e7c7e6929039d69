package org.labelcritic.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.labelcritic.model.LabelCriticException;

/**
 * Every damaged real file and every forged header ends in a correct read or a clear error naming
 * the file, quickly and without allocating what a header merely claims.
 */
class DicomBrokenFilesTest {
  private static final Duration LIMIT = Duration.ofSeconds(20);
  private final DicomFileReader reader = new DicomFileReader();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "JPEG-lossy.dcm | precision 12",
        "JPEG2000-embedded-sequence-delimiter.dcm | cannot decode JPEG 2000 frame 1",
        "JPEGLossless_1s_1f_i_16_16_bad.dcm | OK 512x512x1",
        "MR_truncated.dcm | pixel data is truncated: it declares 8192 bytes but only 8130 remain",
        "SC_rgb_jpeg.dcm | colour images are not read",
        "UN_sequence.dcm | the file has no pixel data",
        "badVR.dcm | attribute (0028,0008) '1A' is not an integer",
        "bad_sequence.dcm | OK 512x512x1",
        "emri_small_jpeg_2k_lossless_too_short.dcm | ends before its sequence delimiter",
        "explicit_VR-UN.dcm | OK 512x512x1",
        "meta_missing_tsyntax.dcm | Rows x Columns is 0 x 0",
        "no_meta.dcm | not a DICOM file",
        "rtplan_truncated.dcm | declares 976 bytes but only 711 remain",
      })
  void damagedRealFileEndsInAReadOrAClearError(String name, String expected) {
    Path file = DicomTestFiles.dicom("broken/" + name);
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          if (expected.startsWith("OK ")) {
            DicomVolume v = reader.read(file);
            assertThat(v.volume().geometry().dimsText()).isEqualTo(expected.substring(3));
          } else {
            assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(LabelCriticException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(expected);
          }
        });
  }

  @Test
  void hugeDimensionsWithLittleDataAreRefusedBeforeAllocating(@TempDir Path tmp) throws Exception {
    Path file =
        new DicomTestWriter()
            .slice(30000, 30000, 0, true)
            .text(Tags.NUMBER_OF_FRAMES, "IS", "60000")
            .pixels(new short[16])
            .write(tmp.resolve("huge.dcm"));
    assertThatThrownBy(() -> reader.read(file))
        .hasMessageContaining(
            "the pixel data holds 32 bytes but 30000 rows x 30000 columns x 60000 frame(s)");
  }

  @Test
  void encapsulatedVolumeOverTheLimitIsRefusedBeforeDecoding(@TempDir Path tmp) throws Exception {
    ByteArrayOutputStream px = new ByteArrayOutputStream();
    DicomTestWriter.writeHeader(px, Tags.PIXEL_DATA, "OB", 0xFFFFFFFFL);
    px.writeBytes(DicomTestWriter.item(Tags.ITEM, 0));
    for (int frame = 0; frame < 2; frame++) {
      px.writeBytes(DicomTestWriter.item(Tags.ITEM, 64));
      px.writeBytes(new byte[64]);
    }
    px.writeBytes(DicomTestWriter.item(Tags.SEQUENCE_DELIMITER, 0));
    Path file =
        new DicomTestWriter()
            .syntax(TransferSyntax.RLE_LOSSLESS.uid())
            .slice(30000, 30000, 0, true)
            .text(Tags.NUMBER_OF_FRAMES, "IS", "2")
            .verbatim(Tags.PIXEL_DATA, px.toByteArray())
            .write(tmp.resolve("bomb.dcm"));
    assertThatThrownBy(() -> reader.read(file))
        .hasMessageContaining("would need 3600000000 bytes, more than the limit");
  }

  @Test
  void frameLargerThanTwoGibibytesIsRefused(@TempDir Path tmp) throws Exception {
    Path file =
        new DicomTestWriter()
            .slice(65535, 65535, 0, true)
            .pixels(new short[16])
            .write(tmp.resolve("wide.dcm"));
    assertThatThrownBy(() -> reader.read(file))
        .hasMessageContaining("one frame of 65535 x 65535 pixels is larger than 2 GiB");
  }

  @Test
  void configuredVolumeLimitIsHonoured() {
    DicomFileReader small = new DicomFileReader(DicomReadOptions.DEFAULTS.withMaxVoxelBytes(1000));
    assertThatThrownBy(() -> small.read(DicomTestFiles.dicom("pydicom/CT_small.dcm")))
        .hasMessageContaining("more than the limit of 1000 bytes");
  }

  @Test
  void fileLargerThanTheFileLimitIsNotRead() {
    DicomFileReader small =
        new DicomFileReader(
            new DicomReadOptions(1000, 1L << 30, DicomReadOptions.UnevenSpacing.REFUSE));
    assertThatThrownBy(() -> small.read(DicomTestFiles.dicom("pydicom/CT_small.dcm")))
        .hasMessageContaining("more than the limit of 1000 bytes for one DICOM file");
  }

  @Test
  void forgedElementLengthPastTheEndIsReported(@TempDir Path tmp) throws Exception {
    Path file =
        new DicomTestWriter()
            .slice(4, 4, 0, true)
            .raw(0x00081030, "LO", new byte[4], 4)
            .raw(0x00091010, "UT", new byte[8], 0x7FFFFFF0L)
            .write(tmp.resolve("forged.dcm"));
    assertThatThrownBy(() -> reader.read(file))
        .hasMessageContaining("element (0009,1010)")
        .hasMessageContaining("declares 2147483632 bytes");
  }

  @Test
  void sequencesNestedTooDeepAreRefused(@TempDir Path tmp) throws Exception {
    ByteArrayOutputStream nest = new ByteArrayOutputStream();
    int depth = 40;
    for (int k = 0; k < depth; k++) {
      DicomTestWriter.writeHeader(nest, 0x00091001, "SQ", 0xFFFFFFFFL);
      nest.writeBytes(DicomTestWriter.item(Tags.ITEM, 0xFFFFFFFFL));
    }
    for (int k = 0; k < depth; k++) {
      nest.writeBytes(DicomTestWriter.item(Tags.ITEM_DELIMITER, 0));
      nest.writeBytes(DicomTestWriter.item(Tags.SEQUENCE_DELIMITER, 0));
    }
    Path file =
        new DicomTestWriter()
            .slice(4, 4, 0, true)
            .verbatim(0x00091001, nest.toByteArray())
            .pixels(new short[16])
            .write(tmp.resolve("deep.dcm"));
    assertThatThrownBy(() -> reader.read(file)).hasMessageContaining("nested more than 16 deep");
  }

  @Test
  void fragmentLongerThanTheFileIsReported(@TempDir Path tmp) throws Exception {
    ByteArrayOutputStream px = new ByteArrayOutputStream();
    DicomTestWriter.writeHeader(px, Tags.PIXEL_DATA, "OB", 0xFFFFFFFFL);
    px.writeBytes(DicomTestWriter.item(Tags.ITEM, 0));
    px.writeBytes(DicomTestWriter.item(Tags.ITEM, 1_000_000));
    px.writeBytes(new byte[100]);
    Path file =
        new DicomTestWriter()
            .syntax(TransferSyntax.JPEG_2000_LOSSLESS.uid())
            .slice(4, 4, 0, true)
            .verbatim(Tags.PIXEL_DATA, px.toByteArray())
            .write(tmp.resolve("fragment.dcm"));
    assertThatThrownBy(() -> reader.read(file))
        .hasMessageContaining("declares 1000000 bytes but only 100 remain");
  }

  @Test
  void unknownTransferSyntaxIsRefusedByUid(@TempDir Path tmp) throws Exception {
    Path file =
        new DicomTestWriter()
            .syntax("1.2.3.999")
            .slice(4, 4, 0, true)
            .pixels(new short[16])
            .write(tmp.resolve("odd.dcm"));
    assertThatThrownBy(() -> reader.read(file))
        .hasMessageContaining("unsupported transfer syntax 1.2.3.999 (unknown) in odd.dcm");
  }
}
