package org.labelcritic.imaging.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.labelcritic.model.LabelCriticException;

/**
 * The frames of one file as raw sample bytes: a view into the file for uncompressed data, a decoded
 * copy for encapsulated data. Fragments are grouped into frames by count, by the Basic Offset
 * Table, or by where a new codestream starts.
 */
final class FrameSource {

  /** One frame's bytes from position 0, in the order the samples were stored. */
  record RawFrame(ByteBuffer data) {
    static RawFrame of(byte[] bytes, int offset, int length, boolean bigEndian) {
      return new RawFrame(
          ByteBuffer.wrap(bytes, offset, length)
              .slice()
              .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN));
    }
  }

  private final ParsedDicom parsed;
  private final PixelFormat format;
  private final PixelData pixels;
  private final List<List<PixelData.Fragment>> frames;

  FrameSource(ParsedDicom parsed, PixelData pixels, PixelFormat format)
      throws LabelCriticException {
    this.parsed = parsed;
    this.format = format;
    this.pixels = pixels;
    Path file = parsed.file();
    switch (pixels) {
      case PixelData.Deferred d -> {
        checkNative(file, parsed, d.length(), format);
        this.frames = List.of();
      }
      case PixelData.Native n -> {
        checkNative(file, parsed, n.length(), format);
        this.frames = List.of();
      }
      case PixelData.Encapsulated e -> {
        if (!parsed.syntax().encapsulated()) {
          throw LabelCriticException.inFile(
              file, "the pixel data is encapsulated but the transfer syntax is uncompressed");
        }
        this.frames = group(file, e, format.frames(), parsed.syntax());
      }
    }
  }

  private static void checkNative(Path file, ParsedDicom parsed, int length, PixelFormat format)
      throws LabelCriticException {
    if (parsed.syntax().encapsulated()) {
      throw LabelCriticException.inFile(
          file,
          "the transfer syntax is "
              + parsed.syntax().title()
              + " but the pixel data is not encapsulated");
    }
    if (length < format.totalBytes()) {
      throw LabelCriticException.inFile(
          file,
          "the pixel data holds "
              + length
              + " bytes but "
              + format.rows()
              + " rows x "
              + format.columns()
              + " columns x "
              + format.frames()
              + " frame(s) need "
              + format.totalBytes());
    }
  }

  /**
   * Frame {@code index}. A frame left in the file is mapped into {@code arena}, so that it is
   * copied once, from the page cache into the volume (a read into a buffer copied it twice); the
   * frame is valid until the arena is closed.
   */
  RawFrame frame(int index, Arena arena) throws LabelCriticException {
    if (pixels instanceof PixelData.Deferred d) {
      long at = d.offset() + index * format.frameBytes();
      long length = format.frameBytes();
      try (FileChannel ch = FileChannel.open(d.file(), StandardOpenOption.READ)) {
        if (ch.size() < at + length) {
          throw LabelCriticException.inFile(
              d.file(), "the file became shorter while its pixel data was read");
        }
        MemorySegment mapped = ch.map(FileChannel.MapMode.READ_ONLY, at, length, arena);
        return new RawFrame(
            mapped
                .asByteBuffer()
                .order(
                    parsed.syntax().bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN));
      } catch (IOException e) {
        throw LabelCriticException.inFile(
            d.file(), "cannot read the pixel data: " + e.getMessage(), e);
      }
    }
    return frame(index);
  }

  RawFrame frame(int index) throws LabelCriticException {
    Path file = parsed.file();
    if (pixels instanceof PixelData.Native n) {
      long offset = n.offset() + index * format.frameBytes();
      return RawFrame.of(
          n.buffer(), (int) offset, (int) format.frameBytes(), parsed.syntax().bigEndian());
    }
    if (!(pixels instanceof PixelData.Encapsulated e)) {
      throw new IllegalStateException("deferred pixel data needs an arena to map it into");
    }
    List<PixelData.Fragment> parts = frames.get(index);
    byte[] data;
    int off;
    int len;
    if (parts.size() == 1) {
      data = e.buffer();
      off = parts.get(0).offset();
      len = parts.get(0).length();
    } else {
      ByteArrayOutputStream joined = new ByteArrayOutputStream();
      for (PixelData.Fragment f : parts) {
        joined.write(e.buffer(), f.offset(), f.length());
      }
      data = joined.toByteArray();
      off = 0;
      len = data.length;
    }
    byte[] decoded =
        switch (parsed.syntax().codec()) {
          case RLE -> RleCodec.decode(file, data, off, len, format, index);
          case JPEG, JPEG_2000 -> {
            byte[] stream = off == 0 && len == data.length ? data : slice(data, off, len);
            yield ImageIoCodec.decode(file, stream, format, parsed.syntax(), index);
          }
          default -> throw DicomParser.unsupported(file, parsed.syntax().uid());
        };
    return RawFrame.of(decoded, 0, decoded.length, false);
  }

  private static byte[] slice(byte[] b, int off, int len) {
    byte[] out = new byte[len];
    System.arraycopy(b, off, out, 0, len);
    return out;
  }

  private static List<List<PixelData.Fragment>> group(
      Path file, PixelData.Encapsulated e, int frames, TransferSyntax ts)
      throws LabelCriticException {
    List<PixelData.Fragment> fragments = e.fragments();
    List<List<PixelData.Fragment>> out = new ArrayList<>();
    if (fragments.isEmpty()) {
      throw LabelCriticException.inFile(file, "the encapsulated pixel data has no fragments");
    }
    if (frames == 1) {
      out.add(fragments);
    } else if (fragments.size() == frames) {
      fragments.forEach(f -> out.add(List.of(f)));
    } else if (e.basicOffsets().length == frames) {
      // Offsets count from the first fragment's item tag, 8 bytes before its value.
      int base = fragments.get(0).offset() - 8;
      for (int k = 0; k < frames; k++) {
        long from = e.basicOffsets()[k];
        long to = k + 1 < frames ? e.basicOffsets()[k + 1] : Long.MAX_VALUE;
        List<PixelData.Fragment> frame = new ArrayList<>();
        for (PixelData.Fragment f : fragments) {
          long at = f.offset() - 8L - base;
          if (at >= from && at < to) {
            frame.add(f);
          }
        }
        out.add(frame);
      }
    } else if (ts.codec() != TransferSyntax.Codec.RLE) {
      for (PixelData.Fragment f : fragments) {
        if (out.isEmpty() || startsCodestream(e.buffer(), f)) {
          out.add(new ArrayList<>());
        }
        out.get(out.size() - 1).add(f);
      }
    }
    if (out.size() != frames || out.stream().anyMatch(List::isEmpty)) {
      throw LabelCriticException.inFile(
          file,
          "cannot tell which of the "
              + fragments.size()
              + " pixel data fragments belong to which of the "
              + frames
              + " frames (missing fragments or a damaged offset table)");
    }
    return out;
  }

  /** JPEG SOI, JPEG 2000 SOC+SIZ, or a JP2 signature box at the fragment's start. */
  private static boolean startsCodestream(byte[] b, PixelData.Fragment f) {
    int p = f.offset();
    if (f.length() < 4) {
      return false;
    }
    int b0 = b[p] & 0xFF;
    int b1 = b[p + 1] & 0xFF;
    int b2 = b[p + 2] & 0xFF;
    int b3 = b[p + 3] & 0xFF;
    boolean jpeg = b0 == 0xFF && b1 == 0xD8;
    boolean j2k = b0 == 0xFF && b1 == 0x4F && b2 == 0xFF && b3 == 0x51;
    boolean jp2 =
        f.length() >= 8
            && b0 == 0
            && b1 == 0
            && b2 == 0
            && b3 == 0x0C
            && b[p + 4] == 'j'
            && b[p + 5] == 'P';
    return jpeg || j2k || jp2;
  }
}
