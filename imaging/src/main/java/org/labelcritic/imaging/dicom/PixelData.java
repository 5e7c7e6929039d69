package org.labelcritic.imaging.dicom;

import java.nio.file.Path;
import java.util.List;

/** Where a file's pixel data lies in its (possibly inflated) byte buffer. */
sealed interface PixelData {

  /**
   * Uncompressed samples.
   *
   * @param buffer the dataset bytes
   * @param offset first byte of the value
   * @param length the declared value length (at least what the image needs; checked later)
   * @param floatBytes 0 for integer Pixel Data, 4 for Float Pixel Data, 8 for Double Float
   */
  record Native(byte[] buffer, int offset, int length, int floatBytes) implements PixelData {}

  /**
   * Uncompressed integer samples left in the file (only the header was read): frames are read
   * straight from {@code file} when the volume is filled, so the file's bytes are never held.
   *
   * @param file the file
   * @param offset first byte of the value in the file
   * @param length the declared value length (within the file: checked when parsed)
   */
  record Deferred(Path file, long offset, int length) implements PixelData {}

  /**
   * Encapsulated (compressed) pixel data, split into fragments by their item lengths.
   *
   * @param buffer the dataset bytes
   * @param basicOffsets the Basic Offset Table (empty when the encoder left it empty)
   * @param fragments the fragments in file order
   */
  record Encapsulated(byte[] buffer, long[] basicOffsets, List<Fragment> fragments)
      implements PixelData {}

  /** One fragment: an item's value inside {@code buffer}. */
  record Fragment(int offset, int length) {}
}
