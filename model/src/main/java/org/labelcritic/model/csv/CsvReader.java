package org.labelcritic.model.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.labelcritic.model.LabelCriticException;

/**
 * Reads records from a CSV file. Parsing works on bytes: the structural characters (comma, quote,
 * CR, LF) are ASCII and never occur inside a UTF-8 multi-byte sequence, so each field's bytes can
 * be found first and then decoded strictly. A malformed record is returned with a problem and the
 * reader goes on with the next line.
 */
public final class CsvReader implements AutoCloseable {
  private static final int BUFFER = 1 << 16;

  private final Path file;
  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final byte[] buf = new byte[BUFFER];
  private int pos;
  private int len;
  private long line = 1;
  private boolean first = true;
  private byte[] field = new byte[256];
  private int fieldLen;

  private CsvReader(Path file, InputStream in) {
    this.file = file;
    this.in = in;
  }

  public static CsvReader open(Path file) throws LabelCriticException {
    if (Files.isDirectory(file)) {
      throw LabelCriticException.inFile(file, "is a folder, not a CSV file");
    }
    try {
      return new CsvReader(file, Files.newInputStream(file));
    } catch (NoSuchFileException e) {
      throw LabelCriticException.inFile(file, "file not found", e);
    } catch (IOException e) {
      throw LabelCriticException.inFile(file, "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads from a stream (a class-path resource, text already in memory); {@code name} is used in
   * messages. The reader owns the stream and closes it.
   */
  public static CsvReader open(InputStream in, Path name) {
    return new CsvReader(name, in);
  }

  public Path file() {
    return file;
  }

  /** The next record, or null at the end of the file. Blank lines are skipped. */
  public CsvRecord next() throws LabelCriticException {
    try {
      if (first) {
        first = false;
        skipBom();
      }
      while (true) {
        int c = peek();
        if (c < 0) {
          return null;
        }
        if (c == '\n' || c == '\r') {
          consumeNewline();
          continue;
        }
        return readRecord();
      }
    } catch (IOException e) {
      throw LabelCriticException.inFile(
          file, "cannot read (row " + line + "): " + e.getMessage(), e);
    }
  }

  private CsvRecord readRecord() throws IOException {
    long startRow = line;
    List<String> fields = new ArrayList<>(12);
    String problem = null;
    while (true) {
      fieldLen = 0;
      int c = peek();
      boolean quoted = c == '"';
      if (quoted) {
        pos++;
        String q = readQuoted(startRow);
        if (q != null && problem == null) {
          problem = q;
        }
      } else {
        while ((c = peek()) >= 0 && c != ',' && c != '\n' && c != '\r') {
          append((byte) c);
          pos++;
        }
      }
      if (problem == null) {
        try {
          fields.add(decode());
        } catch (CharacterCodingException e) {
          problem =
              "field " + (fields.size() + 1) + " is not valid UTF-8 text (save the file as UTF-8)";
        }
      }
      c = peek();
      if (c == ',') {
        pos++;
        continue;
      }
      if (c == '\r' || c == '\n') {
        consumeNewline();
      } else if (c >= 0 && problem == null) {
        problem = "unexpected text after a closing quote in field " + (fields.size() + 1);
        skipToLineEnd();
      }
      return problem == null
          ? new CsvRecord(startRow, fields, null)
          : new CsvRecord(startRow, List.of(), problem);
    }
  }

  /** Reads a quoted field (opening quote consumed); returns a problem text or null. */
  private String readQuoted(long startRow) throws IOException {
    while (true) {
      int c = peek();
      if (c < 0) {
        return "a quoted field opened in row " + startRow + " is never closed";
      }
      pos++;
      if (c == '"') {
        if (peek() == '"') {
          pos++;
          append((byte) '"');
        } else {
          int n = peek();
          if (n >= 0 && n != ',' && n != '\r' && n != '\n') {
            skipToLineEnd();
            return "unexpected text after a closing quote";
          }
          return null;
        }
      } else {
        if (c == '\n') {
          line++;
        }
        append((byte) c);
      }
    }
  }

  private String decode() throws CharacterCodingException {
    if (fieldLen == 0) {
      return "";
    }
    boolean ascii = true;
    for (int i = 0; i < fieldLen; i++) {
      if (field[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(field, 0, fieldLen, StandardCharsets.ISO_8859_1);
    }
    CharBuffer cb = decoder.reset().decode(ByteBuffer.wrap(field, 0, fieldLen));
    return cb.toString();
  }

  private void append(byte b) {
    if (fieldLen == field.length) {
      field = java.util.Arrays.copyOf(field, field.length * 2);
    }
    field[fieldLen++] = b;
  }

  private void consumeNewline() throws IOException {
    int c = peek();
    if (c == '\r') {
      pos++;
      if (peek() == '\n') {
        pos++;
      }
    } else if (c == '\n') {
      pos++;
    }
    line++;
  }

  private void skipToLineEnd() throws IOException {
    int c;
    while ((c = peek()) >= 0 && c != '\n' && c != '\r') {
      pos++;
    }
  }

  private void skipBom() throws IOException {
    if (peek() == 0xEF) {
      fill(3);
      if (len - pos >= 3 && (buf[pos + 1] & 0xFF) == 0xBB && (buf[pos + 2] & 0xFF) == 0xBF) {
        pos += 3;
      }
    }
  }

  private int peek() throws IOException {
    if (pos >= len && !fill(1)) {
      return -1;
    }
    return buf[pos] & 0xFF;
  }

  /** Makes at least {@code need} bytes available if the file has them. */
  private boolean fill(int need) throws IOException {
    if (len - pos >= need) {
      return true;
    }
    int keep = len - pos;
    System.arraycopy(buf, pos, buf, 0, keep);
    pos = 0;
    len = keep;
    while (len < need) {
      int n = in.read(buf, len, buf.length - len);
      if (n < 0) {
        return len > 0;
      }
      len += n;
    }
    return true;
  }

  @Override
  public void close() throws LabelCriticException {
    try {
      in.close();
    } catch (IOException e) {
      throw LabelCriticException.inFile(file, "cannot close: " + e.getMessage(), e);
    }
  }
}
