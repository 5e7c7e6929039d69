package org.labelcritic.model.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;

class CsvReaderTest {
  @TempDir Path dir;

  List<CsvRecord> read(byte[] bytes) throws Exception {
    Path f = dir.resolve("t.csv");
    Files.write(f, bytes);
    List<CsvRecord> out = new ArrayList<>();
    try (CsvReader r = CsvReader.open(f)) {
      CsvRecord rec;
      while ((rec = r.next()) != null) {
        out.add(rec);
      }
    }
    return out;
  }

  List<CsvRecord> read(String text) throws Exception {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsQuotedFieldsWithCommasQuotesAndNewlines() throws Exception {
    List<CsvRecord> r = read("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n");
    assertThat(r).hasSize(3);
    assertThat(r.get(1).fields()).containsExactly("x, y", "say \"hi\"", "two\nlines");
    assertThat(r.get(2).row()).isEqualTo(4);
    assertThat(r.get(2).fields()).containsExactly("last", "", "");
  }

  @Test
  void toleratesByteOrderMarkWindowsLineEndingsAndBlankLines() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(bom);
    b.write("id,name\r\n\r\n1,é\r\n".getBytes(StandardCharsets.UTF_8));
    List<CsvRecord> r = read(b.toByteArray());
    assertThat(r)
        .extracting(CsvRecord::fields)
        .containsExactly(List.of("id", "name"), List.of("1", "é"));
    assertThat(r.get(1).row()).isEqualTo(3);
  }

  @Test
  void aRowWithInvalidUtf8IsReportedWithItsRowAndTheNextRowsAreRead() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write("id,name\n1,ok\n2,".getBytes(StandardCharsets.UTF_8));
    b.write(new byte[] {(byte) 0xC3, (byte) 0x28});
    b.write("\n3,fine\n".getBytes(StandardCharsets.UTF_8));
    List<CsvRecord> r = read(b.toByteArray());
    assertThat(r).hasSize(4);
    assertThat(r.get(2).ok()).isFalse();
    assertThat(r.get(2).row()).isEqualTo(3);
    assertThat(r.get(2).problem()).contains("field 2").contains("UTF-8");
    assertThat(r.get(3).fields()).containsExactly("3", "fine");
  }

  @Test
  void anUnclosedQuoteIsAProblemNotAHang() throws Exception {
    List<CsvRecord> r = read("a,b\n1,\"never closed\n2,3\n");
    assertThat(r.getLast().ok()).isFalse();
    assertThat(r.getLast().problem()).contains("never closed").contains("row 2");
  }

  @Test
  void textAfterAClosingQuoteIsAProblem() throws Exception {
    List<CsvRecord> r = read("a,b\n\"x\"y,2\n3,4\n");
    assertThat(r.get(1).ok()).isFalse();
    assertThat(r.get(2).fields()).containsExactly("3", "4");
  }

  @Test
  void aMissingFileNamesTheFile() {
    Path missing = dir.resolve("nope.csv");
    assertThatThrownBy(() -> CsvReader.open(missing))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("not found");
  }

  @Test
  void longFieldsAcrossBufferBoundariesAreReadWhole() throws Exception {
    String big = "x".repeat(200_000);
    List<CsvRecord> r = read("a\n" + big + "\n");
    assertThat(r.get(1).get(0)).hasSize(200_000);
  }
}
