package org.labelcritic.imaging.labels;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.labelcritic.model.LabelCriticException;

/**
 * Collects entries for one {@link LabelTable} and refuses the mistakes every format can make: an
 * empty name, or one value given two different names. The same value repeated with the same name is
 * accepted, since it changes nothing.
 */
final class LabelTableBuilder {

  private final Path file;
  private final TreeMap<Integer, String> names = new TreeMap<>();
  private final Map<Integer, String> whereDefined = new HashMap<>();

  LabelTableBuilder(Path file) {
    this.file = file;
  }

  /**
   * @param row 1-based row or line of the entry, 0 when the format has none
   * @param field where in the row or document the entry is, for messages
   */
  void add(int value, String rawName, long row, String field) throws LabelCriticException {
    String name = rawName == null ? "" : rawName.strip();
    if (name.isEmpty()) {
      throw LabelCriticException.atRow(file, row, field, "label " + value + " has an empty name");
    }
    String previous = names.get(value);
    if (previous != null && !previous.equals(name)) {
      throw LabelCriticException.atRow(
          file,
          row,
          field,
          "label "
              + value
              + " is named '"
              + name
              + "' but was already named '"
              + previous
              + "' ("
              + whereDefined.get(value)
              + ")");
    }
    names.put(value, name);
    whereDefined.putIfAbsent(value, row > 0 ? "row " + row : field);
  }

  static int parseValue(Path file, String text, long row, String field)
      throws LabelCriticException {
    String t = text == null ? "" : text.strip();
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException e) {
      throw LabelCriticException.atRow(
          file, row, field, "'" + t + "' is not an integer label value");
    }
  }

  LabelTable build() {
    return new LabelTable(names);
  }
}
