package org.labelcritic.imaging.labels;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.labelcritic.model.LabelCriticException;

/**
 * Reads a label table from CSV with a header naming a value column ({@code value}, {@code label} or
 * {@code id}) and a {@code name} column; other columns (colours, notes) are ignored.
 */
public final class CsvLabelTableReader {

  private static final Set<String> VALUE_COLUMNS = Set.of("value", "label", "id");

  private CsvLabelTableReader() {}

  public static LabelTable read(Path file) throws LabelCriticException {
    return fromRows(CsvLines.read(file, false), file);
  }

  static LabelTable fromRows(List<CsvLines.Row> rows, Path file) throws LabelCriticException {
    if (rows.isEmpty()) {
      throw LabelCriticException.inFile(file, "the file is empty: expected a header 'value,name'");
    }
    CsvLines.Row header = rows.getFirst();
    int valueCol = -1;
    int nameCol = -1;
    for (int i = 0; i < header.cells().size(); i++) {
      String h = header.cells().get(i).toLowerCase(Locale.ROOT);
      if (valueCol < 0 && VALUE_COLUMNS.contains(h)) {
        valueCol = i;
      } else if (nameCol < 0 && h.equals("name")) {
        nameCol = i;
      }
    }
    if (valueCol < 0 || nameCol < 0) {
      throw LabelCriticException.atRow(
          file,
          header.line(),
          null,
          "the header must name a 'value' (or 'label' or 'id') column and a 'name' column; found: "
              + String.join(",", header.cells()));
    }
    String valueField = header.cells().get(valueCol);
    LabelTableBuilder builder = new LabelTableBuilder(file);
    for (CsvLines.Row row : rows.subList(1, rows.size())) {
      int needed = Math.max(valueCol, nameCol) + 1;
      if (row.cells().size() < needed) {
        throw LabelCriticException.atRow(
            file,
            row.line(),
            null,
            "expected at least " + needed + " columns, found " + row.cells().size());
      }
      int value =
          LabelTableBuilder.parseValue(file, row.cells().get(valueCol), row.line(), valueField);
      builder.add(value, row.cells().get(nameCol), row.line(), "name");
    }
    return builder.build();
  }
}
