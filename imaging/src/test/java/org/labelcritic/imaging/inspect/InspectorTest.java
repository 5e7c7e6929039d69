package org.labelcritic.imaging.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;

class InspectorTest {
  static final Path RES = Path.of("src/test/resources");

  @TempDir Path dir;

  static String text(List<String> lines) {
    return String.join("\n", lines);
  }

  @Test
  void aCtNiftiShowsDimsSpacingOrientationTypeAndRange() throws Exception {
    String t =
        text(new Inspector().inspect(RES.resolve("ct-seg/totalseg-example-ct-sm/ct.nii.gz")));
    assertThat(t)
        .contains("NIfTI-1 (gzip)")
        .contains("122x101x30")
        .contains("3.000 x 3.000 x 3.000 mm")
        .contains("orientation: RAS")
        .contains("int16")
        .contains("value range: -1100 .. 1207")
        .doesNotContain("labels");
  }

  @Test
  void aLabelMapListsItsValuesWithTheirEmbeddedNames() throws Exception {
    String t =
        text(
            new Inspector()
                .inspect(
                    RES.resolve(
                        "ct-seg/totalseg-example-ct-sm/seg_totalseg_v2_total_fast_3mm.nii.gz")));
    assertThat(t)
        .contains("names from the embedded label table")
        .containsPattern("1  spleen\\s+9,630 voxels")
        .containsPattern("5  liver\\s+39,350 voxels");
  }

  @Test
  void aFourDimensionalFileSaysOnlyTheFirstVolumeIsRead() throws Exception {
    String t = text(new Inspector().inspect(RES.resolve("nifti/example4d.nii.gz")));
    assertThat(t).contains("4-D: 2 volumes; the first is read");
  }

  @Test
  void aDicomFileAndASeriesShowTheirTransferSyntax() throws Exception {
    String series = text(new Inspector().inspect(RES.resolve("dicom-series/totalseg_ct_dicom")));
    assertThat(series).contains("1.2.840.10008.1.2.4.90").contains("512").contains("20");
    Path one;
    try (var s = Files.list(RES.resolve("dicom-series/dcmqi_ct_23x38x3"))) {
      one = s.sorted().findFirst().orElseThrow();
    }
    assertThat(text(new Inspector().inspect(one))).contains("1.2.840.10008.1.2");
  }

  @Test
  void brokenOrUnknownInputIsAClearError() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.nii.gz"), "hello");
    assertThatThrownBy(() -> new Inspector().inspect(text))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("notes.nii.gz");
    Path gz = dir.resolve("x.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("DICM is not here".getBytes());
    }
    assertThatThrownBy(() -> new Inspector().inspect(gz)).hasMessageContaining("gunzip it first");
    assertThatThrownBy(() -> new Inspector().inspect(dir.resolve("missing")))
        .hasMessageContaining("no such file or folder");
  }
}
