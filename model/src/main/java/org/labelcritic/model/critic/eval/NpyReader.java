package org.labelcritic.model.critic.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.labelcritic.model.LabelCriticException;

/**
 * A strict reader of NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0): little-endian
 * {@code <u2} (uint16) and {@code <f8} (float64), C order. Anything else (another dtype, Fortran
 * order, a truncated file, a malformed header) is an error that says what was found.
 */
public final class NpyReader {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private NpyReader() {}

  public static NpyArray read(Path file) throws LabelCriticException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw LabelCriticException.inFile(file, "does not exist");
    } catch (IOException e) {
      throw LabelCriticException.inFile(file, "cannot be read: " + e.getMessage(), e);
    }
    try {
      return parse(bytes);
    } catch (IllegalArgumentException e) {
      throw LabelCriticException.inFile(
          file, "is not a .npy file this reader accepts: " + e.getMessage());
    }
  }

  public static NpyArray read(InputStream in) throws IOException {
    return parse(in.readAllBytes());
  }

  /** Parses a whole {@code .npy} file; throws IllegalArgumentException saying what is wrong. */
  static NpyArray parse(byte[] b) {
    if (b.length < 10) {
      throw new IllegalArgumentException("too short for a .npy header (" + b.length + " bytes)");
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (b[i] != MAGIC[i]) {
        throw new IllegalArgumentException("no \\x93NUMPY magic at the start");
      }
    }
    int major = b[6] & 0xff;
    ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    int headerLen;
    int headerStart;
    if (major == 1) {
      headerLen = buf.getShort(8) & 0xffff;
      headerStart = 10;
    } else if (major == 2 || major == 3) {
      if (b.length < 12) {
        throw new IllegalArgumentException("too short for a version " + major + " header");
      }
      long len = buf.getInt(8) & 0xffffffffL;
      if (len > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("header length " + len + " is too large");
      }
      headerLen = (int) len;
      headerStart = 12;
    } else {
      throw new IllegalArgumentException("format version " + major + "." + (b[7] & 0xff));
    }
    int dataStart = headerStart + headerLen;
    if (dataStart > b.length) {
      throw new IllegalArgumentException(
          "header says " + headerLen + " bytes but the file ends before");
    }
    String header =
        new String(
            b,
            headerStart,
            headerLen,
            major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    String h = header.strip();
    if (!h.startsWith("{") || !h.endsWith("}")) {
      throw new IllegalArgumentException("header is not a dictionary: " + h);
    }
    String descr = find(DESCR, h, "descr");
    String fortran = find(FORTRAN, h, "fortran_order");
    int[] shape = shape(find(SHAPE, h, "shape"));
    if (fortran.equals("True")) {
      throw new IllegalArgumentException("Fortran order is not supported; save with C order");
    }
    int width =
        switch (descr) {
          case "<u2" -> 2;
          case "<f8" -> 8;
          default ->
              throw new IllegalArgumentException(
                  "dtype '" + descr + "' is not supported (only '<u2' and '<f8')");
        };
    long count = 1;
    for (int s : shape) {
      count *= s;
    }
    long expected = count * width;
    long actual = b.length - dataStart;
    if (actual != expected) {
      throw new IllegalArgumentException(
          "shape "
              + java.util.Arrays.toString(shape)
              + " of "
              + descr
              + " needs "
              + expected
              + " data bytes, the file has "
              + actual);
    }
    double[] values = new double[(int) count];
    for (int i = 0; i < values.length; i++) {
      int at = dataStart + i * width;
      values[i] = width == 2 ? buf.getShort(at) & 0xffff : buf.getDouble(at);
    }
    return new NpyArray(descr, shape, values);
  }

  private static String find(Pattern p, String header, String key) {
    Matcher m = p.matcher(header);
    if (!m.find()) {
      throw new IllegalArgumentException("header has no valid '" + key + "': " + header);
    }
    return m.group(1);
  }

  private static int[] shape(String text) {
    List<Integer> dims = new ArrayList<>();
    for (String part : text.split(",")) {
      String s = part.strip();
      if (s.isEmpty()) {
        continue;
      }
      try {
        int d = Integer.parseInt(s);
        if (d < 0) {
          throw new IllegalArgumentException("negative dimension in shape (" + text + ")");
        }
        dims.add(d);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("shape (" + text + ") is not a tuple of integers");
      }
    }
    long count = 1;
    for (int d : dims) {
      count *= d;
      if (count > Integer.MAX_VALUE / 8) {
        throw new IllegalArgumentException("shape (" + text + ") is too large");
      }
    }
    return dims.stream().mapToInt(Integer::intValue).toArray();
  }
}
