package org.labelcritic.model.codes;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.Problem;
import org.labelcritic.model.csv.CsvReader;
import org.labelcritic.model.csv.CsvRecord;

/**
 * The true codes of a dataset's cells ({@code item_id,code}), kept apart from the database: only
 * statistics and the simulated reviewer read it, never the review view.
 */
public final class TruthFile {
  private TruthFile() {}

  /** Item id to true code. Bad rows go to {@code problems} and are skipped. */
  public static Map<String, String> read(Path file, Consumer<Problem> problems)
      throws LabelCriticException {
    Map<String, String> out = new LinkedHashMap<>();
    try (CsvReader r = CsvReader.open(file)) {
      CsvRecord header = r.next();
      if (header == null) {
        throw LabelCriticException.inFile(file, "is empty; expected a header 'item_id,code'");
      }
      if (!header.ok()) {
        throw LabelCriticException.atRow(file, header.row(), null, header.problem());
      }
      List<String> h = header.fields().stream().map(s -> s.strip().toLowerCase()).toList();
      int item = h.indexOf("item_id");
      int code = h.indexOf("code");
      if (item < 0 || code < 0) {
        throw LabelCriticException.atRow(
            file,
            header.row(),
            null,
            "the header lacks the column "
                + (item < 0 ? "'item_id'" : "'code'")
                + (item < 0 && code < 0 ? " and 'code'" : "")
                + "; expected 'item_id,code', found '"
                + String.join(",", header.fields())
                + "'");
      }
      CsvRecord rec;
      while ((rec = r.next()) != null) {
        if (!rec.ok()) {
          problems.accept(Problem.atRow(file, rec.row(), null, rec.problem()));
          continue;
        }
        String id = rec.get(item).strip();
        String c = rec.get(code).strip();
        if (id.isEmpty() || c.isEmpty()) {
          problems.accept(
              Problem.atRow(file, rec.row(), id.isEmpty() ? "item_id" : "code", "is empty"));
          continue;
        }
        if (out.putIfAbsent(id, c) != null) {
          problems.accept(
              Problem.atRow(file, rec.row(), "item_id", "'" + id + "' repeats; skipped"));
        }
      }
    }
    return out;
  }
}
