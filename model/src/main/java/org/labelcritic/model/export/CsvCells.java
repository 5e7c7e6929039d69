package org.labelcritic.model.export;

import java.util.List;

/** CSV lines for spreadsheets: RFC 4180 quoting, and cells that cannot run as formulas. */
public final class CsvCells {
  private CsvCells() {}

  /** One line of cells, ending in CRLF (RFC 4180). */
  public static String line(List<String> cells) {
    StringBuilder sb = new StringBuilder();
    for (String f : cells) {
      if (!sb.isEmpty()) {
        sb.append(',');
      }
      sb.append(cell(f));
    }
    return sb.append("\r\n").toString();
  }

  /**
   * One CSV cell: text a spreadsheet would evaluate (starting with = + - @, or a tab or carriage
   * return that hides one) gets a leading apostrophe (OWASP's advice on CSV injection); then
   * quoting per RFC 4180. Null is an empty cell.
   */
  public static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      v = '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
