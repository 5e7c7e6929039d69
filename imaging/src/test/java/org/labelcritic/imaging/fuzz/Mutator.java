package org.labelcritic.imaging.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded mutations of a valid input: bit flips, byte insertion and deletion, truncation, header
 * fields overwritten with boundary values (0, -1, 1, the signed maximum and minimum), chunk
 * duplication, and for text formats tokens that parsers trip on, once or repeated up to 65,536
 * times (deep nesting, endless quotes). One to three mutations are stacked per input. The same seed
 * gives the same input, so a failure is reproduced by its index.
 */
final class Mutator {
  /** A binary header field: where it is, how wide, and in which byte order. */
  record Field(int offset, int width, boolean bigEndian) {}

  /** Tokens for text formats: quotes, separators, markup, numbers at the edges of their types. */
  static final List<String> TEXT_TOKENS =
      List.of(
          "\"",
          "\"\"",
          ",",
          ";",
          "\n",
          "\r",
          "\r\n",
          "\t",
          "\u0000",
          "\uFEFF",
          "\uFFFD",
          "{",
          "}",
          "[",
          "]",
          ":",
          "<",
          ">",
          "</",
          "<!--",
          "&amp;",
          "&#0;",
          "<![CDATA[",
          "<a>",
          "<Label Key=\"1\">",
          "{\"a\":",
          "&a;",
          "0",
          "-1",
          "1e309",
          "-0",
          "NaN",
          "Infinity",
          "2147483647",
          "2147483648",
          "-2147483649",
          "9223372036854775807",
          "99999999999999999999999",
          "0x7f",
          "null",
          "true",
          "=cmd|' /C calc'!A0",
          "../../etc/passwd",
          "é",
          "\uD83D\uDE00");

  private final SplittableRandom random;
  private final List<Field> fields;
  private final boolean text;

  Mutator(long seed, List<Field> fields, boolean text) {
    this.random = new SplittableRandom(seed);
    this.fields = fields;
    this.text = text;
  }

  /** One mutated copy of {@code seed}; the seed itself is not changed. */
  byte[] mutate(byte[] seed) {
    byte[] b = seed.clone();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      b = once(b);
    }
    return b;
  }

  private byte[] once(byte[] b) {
    int ops = text ? 9 : 7;
    return switch (random.nextInt(ops)) {
      case 0 -> flipBits(b);
      case 1 -> insert(b, randomBytes(1 + random.nextInt(32)));
      case 2 -> delete(b);
      case 3 -> truncate(b);
      case 4, 5 -> overwriteField(b);
      case 6 -> duplicateChunk(b);
      case 7 -> insert(b, token());
      default -> insert(b, repeated());
    };
  }

  private byte[] flipBits(byte[] b) {
    if (b.length == 0) {
      return b;
    }
    int flips = 1 + random.nextInt(8);
    for (int i = 0; i < flips; i++) {
      int at = random.nextInt(b.length);
      b[at] ^= (byte) (1 << random.nextInt(8));
    }
    return b;
  }

  private byte[] insert(byte[] b, byte[] what) {
    int at = random.nextInt(b.length + 1);
    byte[] out = new byte[b.length + what.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(what, 0, out, at, what.length);
    System.arraycopy(b, at, out, at + what.length, b.length - at);
    return out;
  }

  private byte[] delete(byte[] b) {
    if (b.length == 0) {
      return b;
    }
    int at = random.nextInt(b.length);
    int len = Math.min(b.length - at, 1 + random.nextInt(64));
    byte[] out = new byte[b.length - len];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(b, at + len, out, at, b.length - at - len);
    return out;
  }

  private byte[] truncate(byte[] b) {
    return Arrays.copyOf(b, b.length == 0 ? 0 : random.nextInt(b.length));
  }

  /** A known header field (or, for text and unknown layouts, any place) set to a boundary value. */
  private byte[] overwriteField(byte[] b) {
    if (text) {
      return replaceNumber(b);
    }
    Field f;
    if (!fields.isEmpty() && random.nextInt(4) != 0) {
      f = fields.get(random.nextInt(fields.size()));
    } else {
      int width = 1 << random.nextInt(4);
      f = new Field(random.nextInt(Math.max(1, b.length)), width, random.nextBoolean());
    }
    if (f.offset() + f.width() > b.length) {
      return b;
    }
    long v =
        switch (random.nextInt(7)) {
          case 0 -> 0;
          case 1 -> -1;
          case 2 -> 1;
          case 3 -> (1L << (8 * f.width() - 1)) - 1; // signed maximum of the width
          case 4 -> 1L << (8 * f.width() - 1); // signed minimum
          case 5 -> 1L << (8 * f.width() - 2); // half the range
          default -> random.nextLong();
        };
    for (int i = 0; i < f.width(); i++) {
      int shift = 8 * (f.bigEndian() ? f.width() - 1 - i : i);
      b[f.offset() + i] = (byte) (v >>> shift);
    }
    return b;
  }

  /** In text: the first run of digits after a random position replaced by a boundary number. */
  private byte[] replaceNumber(byte[] b) {
    int start = b.length == 0 ? 0 : random.nextInt(b.length);
    int i = start;
    while (i < b.length && (b[i] < '0' || b[i] > '9')) {
      i++;
    }
    if (i == b.length) {
      return insert(b, token());
    }
    int end = i;
    while (end < b.length && b[end] >= '0' && b[end] <= '9') {
      end++;
    }
    byte[] number =
        List.of("0", "-1", "2147483648", "-9223372036854775809", "1e309", "NaN", "", "00000001")
            .get(random.nextInt(8))
            .getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[b.length - (end - i) + number.length];
    System.arraycopy(b, 0, out, 0, i);
    System.arraycopy(number, 0, out, i, number.length);
    System.arraycopy(b, end, out, i + number.length, b.length - end);
    return out;
  }

  /** A random chunk copied in again, once or a few times in a row, at a random place. */
  private byte[] duplicateChunk(byte[] b) {
    if (b.length == 0) {
      return b;
    }
    int from = random.nextInt(b.length);
    int len = Math.min(b.length - from, 1 + random.nextInt(Math.min(b.length, 512)));
    int times = 1 + random.nextInt(4);
    byte[] chunk = new byte[len * times];
    for (int t = 0; t < times; t++) {
      System.arraycopy(b, from, chunk, t * len, len);
    }
    return insert(b, chunk);
  }

  private byte[] randomBytes(int n) {
    byte[] r = new byte[n];
    for (int i = 0; i < n; i++) {
      r[i] = (byte) random.nextInt(256);
    }
    return r;
  }

  /** One short token many times over: deep nesting, endless quotes, huge fields. */
  private byte[] repeated() {
    byte[] t = token();
    int times = 1 << (4 + random.nextInt(13)); // 16 .. 65,536
    byte[] out = new byte[t.length * times];
    for (int i = 0; i < times; i++) {
      System.arraycopy(t, 0, out, i * t.length, t.length);
    }
    return out;
  }

  private byte[] token() {
    return TEXT_TOKENS.get(random.nextInt(TEXT_TOKENS.size())).getBytes(StandardCharsets.UTF_8);
  }
}
