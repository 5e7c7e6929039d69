package org.labelcritic.imaging.labels;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.labelcritic.model.LabelCriticException;

/**
 * The small CSV dialect of label tables and structure maps: UTF-8 (a byte-order mark is tolerated,
 * other encodings are refused with the line of the first bad byte), LF or CRLF line ends, comma
 * separated, fields optionally in double quotes with "" for a quote inside, blank lines skipped,
 * optionally {@code #} comment lines.
 */
final class CsvLines {

  /** One non-blank, non-comment line: its 1-based line number and its cells, trimmed. */
  record Row(long line, List<String> cells) {}

  private CsvLines() {}

  static List<Row> read(Path file, boolean comments) throws LabelCriticException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw LabelCriticException.inFile(file, "cannot read the file: " + e, e);
    }
    return parse(decodeUtf8(bytes, file), file, comments);
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
    return parse(sb.toString(), name, comments);
  }

  private static String decodeUtf8(byte[] bytes, Path file) throws LabelCriticException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int bad = in.position();
      long line = 1;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw LabelCriticException.atRow(
          file,
          line,
          null,
          String.format(
              "not UTF-8 text: byte 0x%02X at offset %d (save the file as UTF-8)",
              bytes[bad] & 0xff, bad));
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  static List<Row> parse(String text, Path file, boolean comments) throws LabelCriticException {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<Row> rows = new ArrayList<>();
    String[] lines = t.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line =
          lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      String stripped = line.strip();
      if (stripped.isEmpty() || (comments && stripped.startsWith("#"))) {
        continue;
      }
      rows.add(new Row(i + 1, split(line, file, i + 1)));
    }
    return rows;
  }

  private static List<String> split(String line, Path file, long lineNo)
      throws LabelCriticException {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"' && cell.toString().isBlank()) {
        cell.setLength(0);
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw LabelCriticException.atRow(file, lineNo, null, "a quoted field is not closed");
    }
    cells.add(cell.toString().strip());
    return cells;
  }
}
