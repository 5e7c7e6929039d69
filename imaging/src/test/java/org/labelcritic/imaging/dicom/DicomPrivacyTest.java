package org.labelcritic.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Patient-identifying attributes never reach the reader's results or messages. */
class DicomPrivacyTest {
  private static final List<String> SECRETS =
      List.of("DOE^JANE", "PID-4711", "19700101", "ACC-0815", "St Example Hospital");

  private static DicomTestWriter withIdentity(DicomTestWriter w) {
    return w.text(0x00100010, "PN", "DOE^JANE")
        .text(0x00100020, "LO", "PID-4711")
        .text(0x00100030, "DA", "19700101")
        .text(0x00080050, "SH", "ACC-0815")
        .text(0x00080080, "LO", "St Example Hospital");
  }

  @Test
  void resultTypesHaveNoPatientFields() {
    for (Class<?> type : List.of(DicomVolume.class, DicomInfo.class, DicomSummary.class)) {
      for (RecordComponent c : type.getRecordComponents()) {
        assertThat(c.getName().toLowerCase())
            .doesNotContain(
                "patient", "birth", "accession", "institution", "physician", "operator");
      }
    }
    assertThat(Tags.KEPT)
        .doesNotContain(0x00100010, 0x00100020, 0x00100030, 0x00080050, 0x00080080);
  }

  @Test
  void identifyingValuesDoNotAppearInAnythingTheReaderReturns(@TempDir Path tmp) throws Exception {
    Path file =
        withIdentity(new DicomTestWriter().slice(4, 4, 0, true))
            .pixels(new short[16])
            .write(tmp.resolve("id.dcm"));
    DicomVolume v = new DicomFileReader().read(file);
    String everything =
        v.toString()
            + v.info()
            + DicomSummary.of(v).lines()
            + v.warnings()
            + Arrays.toString(new Object[] {v.volume().description()});
    for (String secret : SECRETS) {
      assertThat(everything).doesNotContain(secret);
    }
  }

  @Test
  void identifyingValuesDoNotAppearInErrors(@TempDir Path tmp) throws Exception {
    Path file =
        withIdentity(new DicomTestWriter().slice(4, 4, 0, true))
            .pixels(new short[4])
            .write(tmp.resolve("short.dcm"));
    assertThatThrownBy(() -> new DicomFileReader().read(file))
        .satisfies(
            e -> {
              for (String secret : SECRETS) {
                assertThat(e.getMessage()).doesNotContain(secret);
              }
            });
  }
}
