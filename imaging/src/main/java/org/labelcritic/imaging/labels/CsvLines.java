package org.labelcritic.imaging.labels;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.csv.CsvReader;
import org.labelcritic.model.csv.CsvRecord;

/**
 * Label tables and structure maps read through the project's CSV reader ({@link CsvReader}: UTF-8
 * checked field by field, a byte-order mark and CRLF tolerated, RFC 4180 quoting), with cells
 * trimmed, blank lines skipped and optionally {@code #} comment lines. A malformed line refuses the
 * whole file: a half-read label table would silently mislabel structures.
 */
final class CsvLines {

  /** One non-blank, non-comment line: its 1-based line number and its cells, trimmed. */
  record Row(long line, List<String> cells) {}

  private CsvLines() {}

  static List<Row> read(Path file, boolean comments) throws LabelCriticException {
    try (CsvReader csv = CsvReader.open(file)) {
      return rows(csv, file, comments);
    }
  }

  static List<Row> read(Reader reader, Path name, boolean comments) throws LabelCriticException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[8192];
    try {
      int n;
      while ((n = reader.read(buf)) >= 0) {
        sb.append(buf, 0, n);
      }
    } catch (IOException e) {
      throw LabelCriticException.inFile(name, "cannot read: " + e, e);
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    try (CsvReader csv = CsvReader.open(new ByteArrayInputStream(bytes), name)) {
      return rows(csv, name, comments);
    }
  }

  private static List<Row> rows(CsvReader csv, Path file, boolean comments)
      throws LabelCriticException {
    List<Row> rows = new ArrayList<>();
    CsvRecord rec;
    while ((rec = csv.next()) != null) {
      if (!rec.ok()) {
        throw LabelCriticException.atRow(file, rec.row(), null, rec.problem());
      }
      List<String> cells = rec.fields().stream().map(String::strip).toList();
      boolean blank = cells.stream().allMatch(String::isEmpty);
      if (blank || (comments && cells.getFirst().startsWith("#"))) {
        continue;
      }
      rows.add(new Row(rec.row(), cells));
    }
    return rows;
  }
}
