package org.labelcritic.imaging.dicom;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.labelcritic.model.LabelCriticException;

/**
 * The kept attributes of one dataset level (the top level, the shared functional groups, or one
 * frame's functional groups): raw value bytes by tag, decoded on request. Only tags in {@link
 * Tags#KEPT} ever get here.
 */
final class Attributes {
  private final Map<Integer, byte[]> values = new HashMap<>();
  private final Path file;
  private boolean bigEndian;

  Attributes(Path file) {
    this.file = file;
  }

  void put(int tag, byte[] value, boolean valueBigEndian) {
    values.putIfAbsent(tag, value);
    this.bigEndian = valueBigEndian;
  }

  boolean has(int tag) {
    return values.containsKey(tag);
  }

  /** The text value with trailing spaces and NULs removed; empty when absent. */
  Optional<String> string(int tag) {
    byte[] v = values.get(tag);
    if (v == null) {
      return Optional.empty();
    }
    String s = new String(v, StandardCharsets.ISO_8859_1);
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
      end--;
    }
    s = s.substring(0, end).strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /** An unsigned short (US) value; {@code fallback} when absent. */
  int unsignedShort(int tag, int fallback) throws LabelCriticException {
    byte[] v = values.get(tag);
    if (v == null || v.length == 0) {
      return fallback;
    }
    if (v.length < 2) {
      throw bad(tag, "holds " + v.length + " byte(s), a US value needs 2");
    }
    return bigEndian ? (v[0] & 0xFF) << 8 | v[1] & 0xFF : (v[1] & 0xFF) << 8 | v[0] & 0xFF;
  }

  /** An integer string (IS); {@code fallback} when absent or empty. */
  int integerString(int tag, int fallback) throws LabelCriticException {
    Optional<String> s = string(tag);
    if (s.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(s.get().strip());
    } catch (NumberFormatException e) {
      throw bad(tag, "'" + s.get() + "' is not an integer");
    }
  }

  /** Decimal strings (DS, backslash-separated); empty array when absent or empty. */
  double[] decimals(int tag) throws LabelCriticException {
    Optional<String> s = string(tag);
    if (s.isEmpty()) {
      return new double[0];
    }
    String[] parts = s.get().split("\\\\");
    double[] out = new double[parts.length];
    for (int n = 0; n < parts.length; n++) {
      try {
        out[n] = Double.parseDouble(parts[n].strip());
      } catch (NumberFormatException e) {
        throw bad(tag, "'" + s.get() + "' is not a list of numbers");
      }
      if (!Double.isFinite(out[n])) {
        throw bad(tag, "'" + s.get() + "' holds a non-finite number");
      }
    }
    return out;
  }

  /** Exactly {@code count} decimals, or empty when the attribute is absent. */
  Optional<double[]> decimals(int tag, int count) throws LabelCriticException {
    double[] d = decimals(tag);
    if (d.length == 0) {
      return Optional.empty();
    }
    if (d.length != count) {
      throw bad(tag, "holds " + d.length + " numbers, expected " + count);
    }
    return Optional.of(d);
  }

  /** A single decimal, or {@code fallback} when absent. */
  double decimal(int tag, double fallback) throws LabelCriticException {
    double[] d = decimals(tag);
    return d.length == 0 ? fallback : d[0];
  }

  private LabelCriticException bad(int tag, String what) {
    return LabelCriticException.inFile(file, "attribute " + Tags.text(tag) + " " + what);
  }
}
