package org.labelcritic.imaging.dicom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.labelcritic.model.LabelCriticException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one file into memory (after checking its size) and parses it: optional preamble and file
 * meta information, the transfer syntax (guessed from the first element when the meta lacks it), an
 * inflated dataset for Deflated Explicit VR, then the dataset itself.
 */
final class DicomParser {
  private static final Logger LOG = LoggerFactory.getLogger(DicomParser.class);

  /** Starts the message of a file that is not DICOM at all (a series reader skips those). */
  static final String NOT_DICOM = "not a DICOM file";

  /** Bytes read to find the header of a file whose pixel data is left in place. */
  private static final int PREFIX = 16 * 1024;

  private final DicomReadOptions options;

  DicomParser(DicomReadOptions options) {
    this.options = options;
  }

  ParsedDicom parse(Path file) throws LabelCriticException {
    long size;
    byte[] bytes;
    try {
      size = Files.size(file);
      if (size > options.maxFileBytes()) {
        throw LabelCriticException.inFile(
            file,
            "the file is "
                + size
                + " bytes, more than the limit of "
                + options.maxFileBytes()
                + " bytes for one DICOM file");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw LabelCriticException.inFile(file, "cannot read the file: " + e.getMessage(), e);
    }
    return parse(file, bytes);
  }

  /**
   * Parses the header from the first bytes of the file and leaves large uncompressed pixel data in
   * the file ({@link PixelData.Deferred}); compressed, deflated or unusual files are read whole.
   */
  ParsedDicom parseHeader(Path file) throws LabelCriticException {
    long size;
    byte[] head;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      size = ch.size();
      if (size <= PREFIX || size > options.maxFileBytes()) {
        return parse(file);
      }
      head = new byte[PREFIX];
      ByteBuffer buf = ByteBuffer.wrap(head);
      while (buf.hasRemaining() && ch.read(buf) >= 0) {
        // read the whole prefix
      }
    } catch (IOException e) {
      throw LabelCriticException.inFile(file, "cannot read the file: " + e.getMessage(), e);
    }
    try {
      ParsedDicom prefix = parse(file, head, size);
      if (prefix.syntax().codec() == TransferSyntax.Codec.NATIVE
          && !prefix.syntax().deflatedDataset()
          && prefix.pixels().orElse(null) instanceof PixelData.Deferred) {
        return prefix;
      }
    } catch (LabelCriticException e) {
      // The header is longer than the prefix, or the file is damaged: the whole read decides.
      LOG.debug("{}: header not within the first {} bytes ({})", file, PREFIX, e.getMessage());
    }
    return parse(file);
  }

  ParsedDicom parse(Path file, byte[] bytes) throws LabelCriticException {
    return parse(file, bytes, -1);
  }

  private ParsedDicom parse(Path file, byte[] bytes, long prefixOf) throws LabelCriticException {
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B) {
      throw LabelCriticException.inFile(
          file, NOT_DICOM + ": it is gzip-compressed; decompress it first");
    }
    int pos;
    if (bytes.length >= 132 && marker(bytes, 128)) {
      pos = 132;
    } else if (bytes.length >= 4 && marker(bytes, 0)) {
      pos = 4;
    } else {
      pos = 0;
    }
    boolean hasMeta = bytes.length >= pos + 8 && bytes[pos] == 2 && bytes[pos + 1] == 0;
    String metaUid = null;
    if (hasMeta) {
      int metaEnd = metaEnd(bytes, pos);
      DatasetWalker meta = new DatasetWalker(file, bytes, metaEnd, true, false);
      meta.walk(pos);
      metaUid = meta.top.string(Tags.TRANSFER_SYNTAX_UID).orElse(null);
      pos = metaEnd;
    } else if (pos == 0 && !startsLikeDataset(bytes)) {
      throw LabelCriticException.inFile(
          file,
          NOT_DICOM
              + ": no 'DICM' marker, no file meta information, and the data does not"
              + " start with a group 0008 element");
    }
    final String uid = metaUid;
    TransferSyntax syntax;
    if (uid != null) {
      syntax = TransferSyntax.of(uid).orElseThrow(() -> unsupported(file, uid));
      if (syntax.codec() == TransferSyntax.Codec.UNSUPPORTED) {
        throw unsupported(file, uid);
      }
    } else {
      syntax = guess(bytes, pos);
      LOG.warn("{}: no transfer syntax in the file meta; the data reads as {}", file, syntax);
    }
    byte[] data = bytes;
    int start = pos;
    if (syntax.deflatedDataset()) {
      data = inflate(file, bytes, pos);
      start = 0;
    }
    boolean explicit = syntax.explicitVr();
    if (explicit && data.length >= start + 6 && !DatasetWalker.isVr(data, start + 4)) {
      // Some writers declare an explicit syntax and then write implicit VR (pydicom's
      // SC_rgb_jpeg.dcm); the first element shows which one it really is.
      LOG.warn("{}: declares {} but the dataset is implicit VR", file, syntax.title());
      explicit = false;
    }
    DatasetWalker walker = new DatasetWalker(file, data, data.length, explicit, syntax.bigEndian());
    if (prefixOf >= 0 && data == bytes) {
      walker.walkPrefix(start, prefixOf);
    } else {
      walker.walk(start);
    }
    return new ParsedDicom(
        file,
        syntax,
        walker.top,
        walker.shared,
        walker.perFrame,
        Optional.ofNullable(walker.pixels));
  }

  static LabelCriticException unsupported(Path file, String uid) {
    return LabelCriticException.inFile(
        file,
        "unsupported transfer syntax "
            + TransferSyntax.describe(uid)
            + " in "
            + file.getFileName()
            + ": no decoder for it is available here; convert the file to an uncompressed,"
            + " JPEG, JPEG 2000 or RLE transfer syntax first");
  }

  private static boolean marker(byte[] b, int at) {
    return b[at] == 'D' && b[at + 1] == 'I' && b[at + 2] == 'C' && b[at + 3] == 'M';
  }

  /** The end of group 0002: explicit VR little endian elements until another group starts. */
  private static int metaEnd(byte[] b, int pos) {
    int p = pos;
    while (p + 8 <= b.length && b[p] == 2 && b[p + 1] == 0) {
      boolean longVr = p + 12 <= b.length && DatasetWalker.hasLongLength(b, p + 4);
      long len =
          longVr
              ? (b[p + 8] & 0xFFL)
                  | (b[p + 9] & 0xFFL) << 8
                  | (b[p + 10] & 0xFFL) << 16
                  | (b[p + 11] & 0xFFL) << 24
              : (b[p + 6] & 0xFF) | (b[p + 7] & 0xFF) << 8;
      long next = p + (longVr ? 12 : 8) + len;
      if (next > b.length) {
        return b.length;
      }
      p = (int) next;
    }
    return p;
  }

  /** A dataset without meta must start with a group 0008 element in either byte order. */
  private static boolean startsLikeDataset(byte[] b) {
    return b.length >= 8 && (b[0] == 8 && b[1] == 0 || b[0] == 0 && b[1] == 8);
  }

  private static TransferSyntax guess(byte[] b, int pos) {
    boolean big = pos + 1 < b.length && b[pos] == 0 && b[pos + 1] != 0;
    boolean explicit = DatasetWalker.isVr(b, pos + 4);
    if (big) {
      return TransferSyntax.EXPLICIT_VR_BIG_ENDIAN;
    }
    return explicit
        ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN
        : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
  }

  private byte[] inflate(Path file, byte[] b, int from) throws LabelCriticException {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(b, from, b.length - from);
      byte[] out =
          new byte[(int) Math.min(options.maxFileBytes(), Math.max(1024L, (b.length - from) * 4L))];
      int n = 0;
      while (!inflater.finished()) {
        if (n == out.length) {
          long grown = Math.min((long) out.length * 2, options.maxFileBytes());
          if (grown <= out.length) {
            throw LabelCriticException.inFile(
                file,
                "the deflated dataset inflates to more than the limit of "
                    + options.maxFileBytes()
                    + " bytes");
          }
          out = Arrays.copyOf(out, (int) grown);
        }
        int got = inflater.inflate(out, n, out.length - n);
        if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        n += got;
      }
      return Arrays.copyOf(out, n);
    } catch (DataFormatException e) {
      throw LabelCriticException.inFile(
          file, "the deflated dataset is damaged: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }
}
