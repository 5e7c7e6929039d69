package org.labelcritic.imaging.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.labelcritic.imaging.labels.TestFiles.write;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;

class CsvLabelTableReaderTest {

  @TempDir Path dir;

  @Test
  void readsValueNameTable() throws Exception {
    LabelTable t = LabelTable.read(write(dir.resolve("t.csv"), "value,name\n1,spleen\n5,liver\n"));
    assertThat(t.names()).containsExactly(Map.entry(1, "spleen"), Map.entry(5, "liver"));
  }

  @Test
  void acceptsLabelOrIdHeaderExtraColumnsAndQuotes() throws Exception {
    LabelTable a = LabelTable.read(write(dir.resolve("a.csv"), "Label , Name\n1, spleen \n"));
    LabelTable b =
        LabelTable.read(
            write(
                dir.resolve("b.csv"),
                "colour,id,name\nred,1,\"spleen, whole\"\nblue,2,\"a \"\"b\"\"\"\n"));

    assertThat(a.nameOf(1)).hasValue("spleen");
    assertThat(b.nameOf(1)).hasValue("spleen, whole");
    assertThat(b.nameOf(2)).hasValue("a \"b\"");
  }

  @Test
  void toleratesByteOrderMarkCrlfAndBlankLines() throws Exception {
    LabelTable t =
        LabelTable.read(
            write(
                dir.resolve("win.csv"), "\uFEFFvalue,name\r\n1,spleen\r\n\r\n2,kidney_right\r\n"));
    assertThat(t.names()).containsExactly(Map.entry(1, "spleen"), Map.entry(2, "kidney_right"));
  }

  @Test
  void acceptsTheSameValueAndNameTwice() throws Exception {
    LabelTable t = LabelTable.read(write(dir.resolve("t.csv"), "value,name\n1,spleen\n1,spleen\n"));
    assertThat(t.size()).isEqualTo(1);
  }

  @Test
  void refusesTextThatIsNotUtf8NamingTheRow() {
    byte[] latin1 = "value,name\n1,spleen\n2,f\u00e9mur\n".getBytes(StandardCharsets.ISO_8859_1);
    Path f = write(dir.resolve("latin1.csv"), latin1);
    assertThatThrownBy(() -> LabelTable.read(f))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContaining("row 3")
        .hasMessageContaining("not valid UTF-8");
  }

  @Test
  void refusesMissingHeaderColumns() {
    Path f = write(dir.resolve("h.csv"), "1,spleen\n2,liver\n");
    assertThatThrownBy(() -> LabelTable.read(f))
        .hasMessageContaining("row 1")
        .hasMessageContaining("header must name");
  }

  @Test
  void refusesNonIntegerValue() {
    Path f = write(dir.resolve("v.csv"), "value,name\n1,spleen\nfive,liver\n");
    assertThatThrownBy(() -> LabelTable.read(f))
        .hasMessageContaining("row 3, field 'value'")
        .hasMessageContaining("'five' is not an integer");
  }

  @Test
  void refusesOneValueWithTwoNamesNamingBothRows() {
    Path f = write(dir.resolve("d.csv"), "value,name\n1,spleen\n2,liver\n1,pancreas\n");
    assertThatThrownBy(() -> LabelTable.read(f))
        .hasMessageContaining("row 4")
        .hasMessageContaining("'pancreas'")
        .hasMessageContaining("already named 'spleen' (row 2)");
  }

  @Test
  void refusesEmptyNameShortRowEmptyFileAndOpenQuote() {
    Path empty = write(dir.resolve("e.csv"), "value,name\n1,\n");
    assertThatThrownBy(() -> LabelTable.read(empty))
        .hasMessageContaining("row 2")
        .hasMessageContaining("empty name");
    Path shortRow = write(dir.resolve("s.csv"), "value,name\n1\n");
    assertThatThrownBy(() -> LabelTable.read(shortRow))
        .hasMessageContaining("row 2")
        .hasMessageContaining("columns");
    Path nothing = write(dir.resolve("n.csv"), "");
    assertThatThrownBy(() -> LabelTable.read(nothing)).hasMessageContaining("empty");
    Path quote = write(dir.resolve("q.csv"), "value,name\n1,\"spleen\n");
    assertThatThrownBy(() -> LabelTable.read(quote))
        .hasMessageContaining("row 2")
        .hasMessageContaining("quoted");
  }

  @Test
  void refusesUnknownExtension() {
    Path f = write(dir.resolve("t.txt"), "value,name\n");
    assertThatThrownBy(() -> LabelTable.read(f)).hasMessageContaining(".json or .csv");
  }
}
