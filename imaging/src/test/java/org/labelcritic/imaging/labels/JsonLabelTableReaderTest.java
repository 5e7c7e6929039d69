package org.labelcritic.imaging.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.labelcritic.imaging.labels.TestFiles.resource;
import static org.labelcritic.imaging.labels.TestFiles.write;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;

class JsonLabelTableReaderTest {

  @TempDir Path dir;

  @Test
  void readsTotalSegmentatorV1AndV2TablesWithTheirDifferentNumbering() throws Exception {
    LabelTable v1 = LabelTable.read(resource("labels/labels_totalseg_v1_total.json"));
    LabelTable v2 = LabelTable.read(resource("labels/labels_totalseg_v2_total.json"));

    assertThat(v1.size()).isEqualTo(104);
    assertThat(v1.nameOf(7)).hasValue("aorta");
    assertThat(v1.nameOf(10)).hasValue("pancreas");
    assertThat(v1.nameOf(104)).hasValue("urinary_bladder");
    assertThat(v2.size()).isEqualTo(117);
    assertThat(v2.nameOf(52)).hasValue("aorta");
    assertThat(v2.nameOf(7)).hasValue("pancreas");
    assertThat(v2.nameOf(63)).hasValue("inferior_vena_cava");
  }

  @Test
  void readsPlainObjectListAndListUnderLabels() throws Exception {
    LabelTable plain =
        LabelTable.read(write(dir.resolve("a.json"), "{\"1\": \"spleen\", \"5\": \"liver\"}"));
    LabelTable list =
        LabelTable.read(
            write(
                dir.resolve("b.json"),
                "[{\"value\": 1, \"name\": \"spleen\"}, {\"value\": 5, \"name\": \"liver\"}]"));
    LabelTable nested =
        LabelTable.read(
            write(
                dir.resolve("c.json"),
                "{\"labels\": [{\"value\": \"1\", \"name\": \"spleen\"},"
                    + " {\"value\": 5, \"name\": \"liver\"}], \"version\": 2}"));

    assertThat(plain.names()).containsExactly(entry(1, "spleen"), entry(5, "liver"));
    assertThat(list).isEqualTo(plain);
    assertThat(nested).isEqualTo(plain);
  }

  @Test
  void toleratesByteOrderMark() throws Exception {
    LabelTable t =
        LabelTable.read(write(dir.resolve("bom.json"), "\uFEFF{\"2\": \"kidney_right\"}"));
    assertThat(t.nameOf(2)).hasValue("kidney_right");
  }

  @Test
  void refusesUnparsableJsonNamingTheLine() {
    Path f = write(dir.resolve("bad.json"), "{\n\"1\": \"spleen\",\n\"2\": \n}");
    assertThatThrownBy(() -> LabelTable.read(f))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContaining("row 4")
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void refusesEmptyFile() {
    Path f = write(dir.resolve("empty.json"), "");
    assertThatThrownBy(() -> LabelTable.read(f)).hasMessageContaining("empty");
  }

  @Test
  void refusesNonIntegerKeysAndValues() {
    Path key =
        write(dir.resolve("key.json"), "{\"labels\": {\"1\": \"spleen\", \"x2\": \"liver\"}}");
    assertThatThrownBy(() -> LabelTable.read(key))
        .hasMessageContaining(key.toString())
        .hasMessageContaining("field 'labels.x2'")
        .hasMessageContaining("not an integer");
    Path value = write(dir.resolve("value.json"), "[{\"value\": 1.5, \"name\": \"spleen\"}]");
    assertThatThrownBy(() -> LabelTable.read(value))
        .hasMessageContaining("field '[0].value'")
        .hasMessageContaining("not an integer");
  }

  @Test
  void refusesDuplicateKeys() {
    Path f = write(dir.resolve("dup.json"), "{\"1\": \"spleen\", \"1\": \"liver\"}");
    assertThatThrownBy(() -> LabelTable.read(f))
        .hasMessageContaining(f.toString())
        .hasMessageContaining("Duplicate field '1'");
  }

  @Test
  void refusesOneValueWithTwoNames() {
    Path f = write(dir.resolve("dupvalue.json"), "{\"1\": \"spleen\", \"01\": \"liver\"}");
    assertThatThrownBy(() -> LabelTable.read(f))
        .hasMessageContaining("field '01'")
        .hasMessageContaining("'liver'")
        .hasMessageContaining("'spleen'");
  }

  @Test
  void refusesEmptyAndNonTextNames() {
    Path empty = write(dir.resolve("e.json"), "{\"1\": \"  \"}");
    assertThatThrownBy(() -> LabelTable.read(empty))
        .hasMessageContaining("field '1'")
        .hasMessageContaining("empty name");
    Path number = write(dir.resolve("n.json"), "{\"1\": 3}");
    assertThatThrownBy(() -> LabelTable.read(number)).hasMessageContaining("must be a text");
  }

  private static java.util.Map.Entry<Integer, String> entry(int k, String v) {
    return java.util.Map.entry(k, v);
  }
}
