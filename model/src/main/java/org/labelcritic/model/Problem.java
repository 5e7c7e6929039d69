package org.labelcritic.model;

import java.nio.file.Path;

/**
 * One thing that went wrong with one input: the file (may be null for settings), the 1-based row (0
 * when not row-based), the field or column (may be null), and what is wrong.
 *
 * @param file the file the problem is in, or null
 * @param row the 1-based data row (header is row 1 for CSV files), or 0 when not applicable
 * @param field the column, header field or setting name, or null
 * @param what what is wrong, in words a user can act on
 */
public record Problem(Path file, long row, String field, String what) {

  public static Problem of(Path file, String what) {
    return new Problem(file, 0, null, what);
  }

  public static Problem atRow(Path file, long row, String field, String what) {
    return new Problem(file, row, field, what);
  }

  /** "file: row 12, field 'code': what is wrong" with the parts that are known. */
  public String message() {
    StringBuilder sb = new StringBuilder();
    if (file != null) {
      sb.append(file);
    }
    if (row > 0) {
      sb.append(sb.isEmpty() ? "" : ": ").append("row ").append(row);
    }
    if (field != null) {
      sb.append(sb.isEmpty() ? "" : row > 0 ? ", " : ": ")
          .append("field '")
          .append(field)
          .append("'");
    }
    if (!sb.isEmpty()) {
      sb.append(": ");
    }
    return sb.append(what).toString();
  }

  @Override
  public String toString() {
    return message();
  }
}
