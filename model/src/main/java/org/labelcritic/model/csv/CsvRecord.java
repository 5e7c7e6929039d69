package org.labelcritic.model.csv;

import java.util.List;

/**
 * One record of a CSV file.
 *
 * @param row the 1-based line number where the record starts (the header is row 1)
 * @param fields the decoded fields; empty when {@code problem} is set
 * @param problem what is wrong with this record (bad UTF-8, a broken quote), or null
 */
public record CsvRecord(long row, List<String> fields, String problem) {
  public boolean ok() {
    return problem == null;
  }

  /** The field at {@code i}, or "" when the record is shorter. */
  public String get(int i) {
    return i < fields.size() ? fields.get(i) : "";
  }
}
