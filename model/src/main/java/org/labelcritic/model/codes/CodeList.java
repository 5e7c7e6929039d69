package org.labelcritic.model.codes;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.Problem;
import org.labelcritic.model.csv.CsvReader;
import org.labelcritic.model.csv.CsvRecord;

/** Valid codes with their descriptions, read from a {@code code,description} CSV file. */
public final class CodeList {
  private final Map<String, String> descriptions;

  private CodeList(Map<String, String> descriptions) {
    this.descriptions = Collections.unmodifiableMap(descriptions);
  }

  public static CodeList of(Map<String, String> codes) {
    return new CodeList(new LinkedHashMap<>(codes));
  }

  /**
   * Reads a code list. Bad rows (empty code, duplicate code, broken text) are passed to {@code
   * problems} and skipped; a missing file or a wrong header is an error.
   */
  public static CodeList read(Path file, Consumer<Problem> problems) throws LabelCriticException {
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, Long> rowOf = new java.util.HashMap<>();
    try (CsvReader r = CsvReader.open(file)) {
      CsvRecord header = r.next();
      if (header == null) {
        throw LabelCriticException.inFile(file, "is empty; expected a header 'code,description'");
      }
      if (!header.ok()) {
        throw LabelCriticException.atRow(file, header.row(), null, header.problem());
      }
      List<String> h = header.fields().stream().map(s -> s.strip().toLowerCase()).toList();
      int code = h.indexOf("code");
      int desc = h.indexOf("description");
      if (code < 0 || desc < 0) {
        throw LabelCriticException.atRow(
            file, 1, null, "header must name the columns 'code,description', found " + h);
      }
      CsvRecord rec;
      while ((rec = r.next()) != null) {
        if (!rec.ok()) {
          problems.accept(Problem.atRow(file, rec.row(), null, rec.problem()));
          continue;
        }
        String c = rec.get(code).strip();
        if (c.isEmpty()) {
          problems.accept(Problem.atRow(file, rec.row(), "code", "is empty"));
          continue;
        }
        if (rowOf.containsKey(c)) {
          problems.accept(
              Problem.atRow(
                  file,
                  rec.row(),
                  "code",
                  "'" + c + "' repeats row " + rowOf.get(c) + "; skipped"));
          continue;
        }
        rowOf.put(c, rec.row());
        out.put(c, rec.get(desc).strip());
      }
    }
    return new CodeList(out);
  }

  public boolean contains(String code) {
    return descriptions.containsKey(code);
  }

  public Optional<String> description(String code) {
    return Optional.ofNullable(descriptions.get(code));
  }

  public int size() {
    return descriptions.size();
  }

  public Map<String, String> asMap() {
    return descriptions;
  }
}
