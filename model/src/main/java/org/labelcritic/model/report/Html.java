package org.labelcritic.model.report;

import java.util.Locale;

/** Escaping and number formatting for the report's HTML and SVG. */
final class Html {
  private Html() {}

  /** Escapes text for element content and quoted attribute values. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            b.append(' ');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** A share as a percentage with one decimal, or an en dash when undefined. */
  static String pct(double v) {
    return Double.isNaN(v) ? "\u2013" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  static String num(double v, int decimals) {
    return Double.isNaN(v) ? "\u2013" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
