package org.labelcritic.imaging.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.labelcritic.imaging.labels.TestFiles.resource;
import static org.labelcritic.imaging.labels.TestFiles.write;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.imaging.nifti.NiftiExtension;
import org.labelcritic.imaging.nifti.NiftiHeader;
import org.labelcritic.imaging.nifti.NiftiHeaderReader;
import org.labelcritic.model.LabelCriticException;

class EmbeddedLabelTableTest {

  @TempDir Path dir;

  private final NiftiHeaderReader reader = new NiftiHeaderReader();

  private NiftiHeader header(String name) throws LabelCriticException {
    return reader.read(resource(name));
  }

  /** A real header with its extensions replaced, so XML cases need no NIfTI writer. */
  private NiftiHeader withXml(String xml) throws LabelCriticException {
    NiftiHeader h = header("ct-seg/totalseg-aorta-crop/seg_T716_aorta_true_false_lumen.nii.gz");
    byte[] padded = Arrays.copyOf(xml.getBytes(StandardCharsets.UTF_8), xml.length() + 7);
    return new NiftiHeader(
        h.file(),
        h.fileSize(),
        h.gzipped(),
        h.gzipSizeMod32(),
        h.version(),
        h.byteOrder(),
        h.headerSize(),
        h.dim(),
        h.pixdim(),
        h.dataType(),
        h.voxOffset(),
        h.sclSlope(),
        h.sclInter(),
        h.intent(),
        h.descrip(),
        h.qformCode(),
        h.sformCode(),
        h.quaternion(),
        h.sform(),
        h.affine(),
        List.of(new NiftiExtension(0, padded)));
  }

  private static String caret(String labels) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CaretExtension><VolumeInformation Index=\"0\">"
        + "<LabelTable>\n"
        + labels
        + "\n</LabelTable></VolumeInformation></CaretExtension>";
  }

  @Test
  void readsTheLumenTableOfTheAorticDissectionModel() throws Exception {
    LabelTable t =
        LabelTable.fromNiftiExtensions(
                header("ct-seg/totalseg-aorta-crop/seg_T716_aorta_true_false_lumen.nii.gz"))
            .orElseThrow();

    assertThat(t.names())
        .containsExactly(Map.entry(1, "aorta_true_lumen"), Map.entry(2, "aorta_false_lumen"));
  }

  @Test
  void readsTheRenalArteriesTableWithItsOddAortaName() throws Exception {
    LabelTable t =
        LabelTable.fromNiftiExtensions(
                header("ct-seg/totalseg-aorta-crop/seg_T710_renal_arteries.nii.gz"))
            .orElseThrow();

    assertThat(t.nameOf(1)).hasValue("celiac_trunk");
    assertThat(t.nameOf(4)).hasValue("organ_aorta_T264");
  }

  @Test
  void embeddedV2TablesEqualThePublishedV2Json() throws Exception {
    LabelTable json = LabelTable.read(resource("labels/labels_totalseg_v2_total.json"));

    for (String mask :
        List.of(
            "ct-seg/totalseg-example-ct-sm/seg_totalseg_v2_total_fast_3mm.nii.gz",
            "ct-seg/totalseg-example-dicom/seg_totalseg_v2_total_fast_3mm.nii.gz")) {
      assertThat(LabelTable.fromNiftiExtensions(header(mask))).as(mask).hasValue(json);
    }
  }

  @Test
  void isEmptyForBinaryMasksAndCommentExtensions() throws Exception {
    assertThat(
            LabelTable.fromNiftiExtensions(
                header(
                    "ct-seg/totalseg-example-ct-sm/segmentations_totalseg_v2_fast/liver.nii.gz")))
        .isEmpty();
    assertThat(LabelTable.fromNiftiExtensions(header("nifti/example4d.nii.gz"))).isEmpty();
  }

  @Test
  void refusesMalformedXmlNamingFileExtensionAndLine() throws Exception {
    NiftiHeader h = withXml(caret("<Label Key=\"1\"><![CDATA[spleen]]></Lable>"));
    assertThatThrownBy(() -> LabelTable.fromNiftiExtensions(h))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining(h.file().toString())
        .hasMessageContaining("row 3")
        .hasMessageContaining("header extension 1 (ecode 0)")
        .hasMessageContaining("not well-formed XML");
  }

  @Test
  void refusesBadKeysDuplicatesAndEmptyNames() throws Exception {
    NiftiHeader badKey = withXml(caret("<Label Key=\"one\"><![CDATA[spleen]]></Label>"));
    assertThatThrownBy(() -> LabelTable.fromNiftiExtensions(badKey))
        .hasMessageContaining("Key=\"one\"")
        .hasMessageContaining("not an integer");
    NiftiHeader dup =
        withXml(
            caret(
                "<Label Key=\"1\"><![CDATA[spleen]]></Label><Label Key=\"1\"><![CDATA[liver]]></Label>"));
    assertThatThrownBy(() -> LabelTable.fromNiftiExtensions(dup))
        .hasMessageContaining("'liver'")
        .hasMessageContaining("'spleen'");
    NiftiHeader empty = withXml(caret("<Label Key=\"3\"><![CDATA[ ]]></Label>"));
    assertThatThrownBy(() -> LabelTable.fromNiftiExtensions(empty))
        .hasMessageContaining("empty name");
  }

  @Test
  void neverReadsALocalFileThroughAnExternalEntity() throws Exception {
    Path secret = write(dir.resolve("secret.txt"), "TOP-SECRET-42");
    String uri = secret.toUri().toString();
    NiftiHeader entity =
        withXml(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE c [<!ENTITY xxe SYSTEM \""
                + uri
                + "\">]>\n<CaretExtension><LabelTable><Label Key=\"1\">&xxe;</Label>"
                + "</LabelTable></CaretExtension>");
    NiftiHeader dtd =
        withXml(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE c SYSTEM \""
                + uri
                + "\">\n<CaretExtension><LabelTable/></CaretExtension>");

    for (NiftiHeader h : List.of(entity, dtd)) {
      assertThatThrownBy(() -> LabelTable.fromNiftiExtensions(h))
          .isInstanceOf(LabelCriticException.class)
          .hasMessageContaining("DOCTYPE")
          .message()
          .doesNotContain("TOP-SECRET-42");
    }
  }
}
