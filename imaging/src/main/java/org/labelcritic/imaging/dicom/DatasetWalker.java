package org.labelcritic.imaging.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.labelcritic.model.LabelCriticException;

/**
 * Walks the elements of a dataset held in memory. Every length is checked against the bytes that
 * remain before it is used, sequences nest at most {@link #MAX_DEPTH} deep, and encapsulated pixel
 * data is split by its item lengths (never by scanning for delimiters). Only {@link Tags#KEPT}
 * values are copied out.
 */
final class DatasetWalker {
  static final int MAX_DEPTH = 16;
  private static final long UNDEFINED = 0xFFFFFFFFL;
  private static final Set<String> VRS =
      Set.of(
          "AE", "AS", "AT", "CS", "DA", "DS", "DT", "FL", "FD", "IS", "LO", "LT", "OB", "OD", "OF",
          "OL", "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN",
          "UR", "US", "UT", "UV");
  private static final Set<String> LONG_VRS =
      Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");

  /** Where the values met at a level go. */
  private enum Level {
    TOP,
    SHARED,
    FRAME,
    SKIP
  }

  private final Path file;
  private final byte[] b;
  private final int limit;
  private boolean big;
  private boolean explicit;
  private int pos;
  final Attributes top;
  final Attributes shared;
  final List<Attributes> perFrame = new ArrayList<>();
  PixelData pixels;
  private long fileSize = -1;

  DatasetWalker(Path file, byte[] bytes, int limit, boolean explicit, boolean big) {
    this.file = file;
    this.b = bytes;
    this.limit = limit;
    this.explicit = explicit;
    this.big = big;
    this.top = new Attributes(file);
    this.shared = new Attributes(file);
  }

  /** True when the two bytes at {@code at} spell a DICOM value representation. */
  static boolean isVr(byte[] bytes, int at) {
    return at + 1 < bytes.length
        && VRS.contains(new String(new char[] {(char) bytes[at], (char) bytes[at + 1]}));
  }

  /** True when the VR at {@code at} is one with a reserved field and a 32-bit length. */
  static boolean hasLongLength(byte[] bytes, int at) {
    return isVr(bytes, at)
        && LONG_VRS.contains(new String(new char[] {(char) bytes[at], (char) bytes[at + 1]}));
  }

  /**
   * Walks a prefix of a file of {@code size} bytes: uncompressed pixel data reaching past the
   * prefix becomes {@link PixelData.Deferred} (checked against the file size) and ends the walk.
   */
  void walkPrefix(int start, long size) throws LabelCriticException {
    fileSize = size;
    walk(start);
  }

  void walk(int start) throws LabelCriticException {
    pos = start;
    dataset(limit, 0, Level.TOP, top);
  }

  /** Reads elements up to {@code end}; returns true when it stopped at an item delimiter. */
  private boolean dataset(int end, int depth, Level level, Attributes target)
      throws LabelCriticException {
    while (pos < end) {
      if (end - pos < 8) {
        if (depth == 0 && allZero(pos, end)) {
          pos = end;
          break;
        }
        throw bad("the file ends inside an element header at offset " + pos + " (truncated?)");
      }
      int tag = tag(pos);
      if (tag == Tags.ITEM_DELIMITER) {
        pos += 8;
        return true;
      }
      if ((tag >>> 16) == 0xFFFE) {
        throw bad("unexpected " + Tags.text(tag) + " at offset " + pos + " (damaged sequence?)");
      }
      String vr = null;
      long len;
      int header = 8;
      if (explicit) {
        if (!isVr(b, pos + 4)) {
          throw bad("element " + Tags.text(tag) + " at offset " + pos + " has no valid VR");
        }
        vr = new String(new char[] {(char) b[pos + 4], (char) b[pos + 5]});
        if (LONG_VRS.contains(vr)) {
          if (end - pos < 12) {
            throw bad("the file ends inside the header of " + Tags.text(tag) + " (truncated?)");
          }
          len = u32(pos + 8);
          header = 12;
        } else {
          len = u16(pos + 6);
        }
      } else {
        len = u32(pos + 4);
      }
      int value = pos + header;
      if (len == UNDEFINED) {
        pos = value;
        if (tag == Tags.PIXEL_DATA) {
          PixelData p = encapsulated();
          if (depth == 0) {
            pixels = p;
          }
        } else if (vr == null || vr.equals("SQ") || vr.equals("UN")) {
          // An undefined-length UN is a sequence encoded implicit VR little endian (PS3.5 6.2.2).
          sequence(tag, -1, depth, level, target, "UN".equals(vr));
        } else {
          throw bad("element " + Tags.text(tag) + " (VR " + vr + ") has an undefined length");
        }
        continue;
      }
      if (len > end - value && depth == 0 && tag == Tags.PIXEL_DATA && fileSize >= 0) {
        if (len > fileSize - value) {
          throw bad(
              "pixel data is truncated: it declares "
                  + len
                  + " bytes but only "
                  + (fileSize - value)
                  + " remain");
        }
        pixels = new PixelData.Deferred(file, value, (int) len);
        pos = end;
        break;
      }
      if (len > end - value) {
        if (tag == Tags.PIXEL_DATA) {
          throw bad(
              "pixel data is truncated: it declares "
                  + len
                  + " bytes but only "
                  + (end - value)
                  + " remain");
        }
        throw bad(
            "element "
                + Tags.text(tag)
                + " at offset "
                + pos
                + " declares "
                + len
                + " bytes but only "
                + Math.max(0, end - value)
                + " remain (truncated or damaged file)");
      }
      int valueEnd = value + (int) len;
      if (depth == 0 && (tag == Tags.PIXEL_DATA || tag == Tags.FLOAT_PIXEL_DATA)) {
        pixels = new PixelData.Native(b, value, (int) len, tag == Tags.PIXEL_DATA ? 0 : 4);
      } else if (depth == 0 && tag == Tags.DOUBLE_PIXEL_DATA) {
        pixels = new PixelData.Native(b, value, (int) len, 8);
      } else if (("SQ".equals(vr) || vr == null) && childLevel(tag, level) != Level.SKIP) {
        pos = value;
        sequence(tag, valueEnd, depth, level, target, false);
      } else if (level != Level.SKIP && Tags.KEPT.contains(tag)) {
        target.put(tag, Arrays.copyOfRange(b, value, valueEnd), big);
      }
      pos = valueEnd;
    }
    return false;
  }

  private static Level childLevel(int tag, Level level) {
    if (level == Level.TOP && tag == Tags.SHARED_FUNCTIONAL_GROUPS) {
      return Level.SHARED;
    }
    if (level == Level.TOP && tag == Tags.PER_FRAME_FUNCTIONAL_GROUPS) {
      return Level.FRAME;
    }
    if ((level == Level.SHARED || level == Level.FRAME)
        && Tags.FUNCTIONAL_GROUP_SEQUENCES.contains(tag)) {
      return level;
    }
    return Level.SKIP;
  }

  /** Reads the items of a sequence; {@code end} is -1 for an undefined length. */
  private void sequence(
      int tag, int end, int depth, Level level, Attributes target, boolean implicitLittle)
      throws LabelCriticException {
    if (depth >= MAX_DEPTH) {
      throw bad("sequences are nested more than " + MAX_DEPTH + " deep at offset " + pos);
    }
    Level child = childLevel(tag, level);
    boolean savedExplicit = explicit;
    boolean savedBig = big;
    if (implicitLittle) {
      explicit = false;
      big = false;
    }
    int stop = end < 0 ? limit : end;
    try {
      while (end < 0 || pos < end) {
        if (stop - pos < 8) {
          throw bad("sequence " + Tags.text(tag) + " ends before its delimiter (truncated?)");
        }
        int t = tag(pos);
        long len = u32(pos + 4);
        pos += 8;
        if (t == Tags.SEQUENCE_DELIMITER) {
          break;
        }
        if (t != Tags.ITEM) {
          throw bad(
              "sequence " + Tags.text(tag) + " holds " + Tags.text(t) + " where an item belongs");
        }
        Attributes itemTarget = target;
        if (child == Level.FRAME && level == Level.TOP) {
          itemTarget = new Attributes(file);
          perFrame.add(itemTarget);
        } else if (child == Level.SHARED && level == Level.TOP) {
          itemTarget = shared;
        }
        if (len == UNDEFINED) {
          if (!dataset(stop, depth + 1, child, itemTarget)) {
            throw bad("an item of " + Tags.text(tag) + " has no item delimiter (truncated?)");
          }
        } else {
          if (len > stop - pos) {
            throw bad("an item of " + Tags.text(tag) + " declares " + len + " bytes past its end");
          }
          int itemEnd = pos + (int) len;
          dataset(itemEnd, depth + 1, child, itemTarget);
          pos = itemEnd;
        }
      }
    } finally {
      explicit = savedExplicit;
      big = savedBig;
    }
  }

  private PixelData encapsulated() throws LabelCriticException {
    long[] offsets = null;
    List<PixelData.Fragment> fragments = new ArrayList<>();
    while (true) {
      if (limit - pos < 8) {
        throw bad("encapsulated pixel data ends before its sequence delimiter (truncated file)");
      }
      int t = tag(pos);
      long len = u32(pos + 4);
      pos += 8;
      if (t == Tags.SEQUENCE_DELIMITER) {
        break;
      }
      if (t != Tags.ITEM) {
        throw bad("unexpected " + Tags.text(t) + " inside encapsulated pixel data at " + (pos - 8));
      }
      if (len > limit - pos) {
        throw bad(
            "a pixel data fragment at offset "
                + (pos - 8)
                + " declares "
                + len
                + " bytes but only "
                + (limit - pos)
                + " remain (truncated file)");
      }
      if (offsets == null) {
        offsets = new long[(int) len / 4];
        for (int n = 0; n < offsets.length; n++) {
          offsets[n] = u32(pos + 4 * n);
        }
      } else {
        fragments.add(new PixelData.Fragment(pos, (int) len));
      }
      pos += (int) len;
    }
    return new PixelData.Encapsulated(b, offsets == null ? new long[0] : offsets, fragments);
  }

  private boolean allZero(int from, int to) {
    for (int n = from; n < to; n++) {
      if (b[n] != 0) {
        return false;
      }
    }
    return true;
  }

  private int u16(int at) {
    return big ? (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF : (b[at + 1] & 0xFF) << 8 | b[at] & 0xFF;
  }

  private long u32(int at) {
    long lo = u16(big ? at + 2 : at);
    long hi = u16(big ? at : at + 2);
    return hi << 16 | lo;
  }

  private int tag(int at) {
    return u16(at) << 16 | u16(at + 2);
  }

  private LabelCriticException bad(String what) {
    return LabelCriticException.inFile(file, what);
  }
}
