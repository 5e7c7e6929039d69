package org.labelcritic.imaging.dicom;

import java.nio.file.Path;
import org.labelcritic.model.LabelCriticException;

/**
 * How one file's pixels are laid out (image pixel module), validated so that every later size is
 * known to be sane.
 *
 * @param rows pixels per column
 * @param columns pixels per row
 * @param frames number of frames (1 for a single-frame image)
 * @param samples samples per pixel (1 for greyscale)
 * @param bitsAllocated 8, 16 or 32
 * @param bitsStored significant bits per sample
 * @param highBit the most significant stored bit
 * @param signed two's complement samples (PixelRepresentation 1)
 * @param photometric PhotometricInterpretation, e.g. MONOCHROME2
 * @param floatBytes 0 for integer samples, 4 or 8 for Float / Double Float Pixel Data
 */
record PixelFormat(
    int rows,
    int columns,
    int frames,
    int samples,
    int bitsAllocated,
    int bitsStored,
    int highBit,
    boolean signed,
    String photometric,
    int floatBytes) {

  static PixelFormat of(ParsedDicom p, PixelData pixels) throws LabelCriticException {
    Path file = p.file();
    int floatBytes = pixels instanceof PixelData.Native n ? n.floatBytes() : 0;
    int rows = p.find(Tags.ROWS).unsignedShort(Tags.ROWS, 0);
    int cols = p.find(Tags.COLUMNS).unsignedShort(Tags.COLUMNS, 0);
    int frames = p.top().integerString(Tags.NUMBER_OF_FRAMES, 1);
    int samples = p.top().unsignedShort(Tags.SAMPLES_PER_PIXEL, 1);
    int allocated = p.top().unsignedShort(Tags.BITS_ALLOCATED, floatBytes * 8);
    int stored = p.top().unsignedShort(Tags.BITS_STORED, allocated);
    int high = p.top().unsignedShort(Tags.HIGH_BIT, stored - 1);
    int representation = p.top().unsignedShort(Tags.PIXEL_REPRESENTATION, 0);
    String photometric =
        p.top().string(Tags.PHOTOMETRIC_INTERPRETATION).orElse("MONOCHROME2").toUpperCase();
    if (rows < 1 || cols < 1) {
      throw LabelCriticException.inFile(
          file, "Rows x Columns is " + rows + " x " + cols + ": the image has no pixels");
    }
    if (frames < 1) {
      throw LabelCriticException.inFile(file, "NumberOfFrames is " + frames);
    }
    if (floatBytes == 0 && allocated != 8 && allocated != 16 && allocated != 32) {
      throw LabelCriticException.inFile(
          file,
          "BitsAllocated "
              + allocated
              + " is not supported (8, 16 or 32 only; 1-bit segmentations are read elsewhere)");
    }
    if (floatBytes != 0 && allocated != floatBytes * 8) {
      throw LabelCriticException.inFile(
          file, "BitsAllocated " + allocated + " does not match float pixel data");
    }
    if (stored < 1 || stored > allocated || high < stored - 1 || high >= allocated) {
      throw LabelCriticException.inFile(
          file,
          "BitsStored " + stored + " / HighBit " + high + " do not fit BitsAllocated " + allocated);
    }
    if (samples < 1 || samples > 4) {
      throw LabelCriticException.inFile(file, "SamplesPerPixel " + samples + " is not valid");
    }
    if (representation > 1) {
      throw LabelCriticException.inFile(
          file, "PixelRepresentation " + representation + " is neither 0 nor 1");
    }
    if ((long) rows * cols * samples * (allocated / 8) > Integer.MAX_VALUE - 8) {
      throw LabelCriticException.inFile(
          file, "one frame of " + cols + " x " + rows + " pixels is larger than 2 GiB");
    }
    return new PixelFormat(
        rows,
        cols,
        frames,
        samples,
        allocated,
        stored,
        high,
        representation == 1,
        photometric,
        floatBytes);
  }

  int bytesPerSample() {
    return bitsAllocated / 8;
  }

  long pixelsPerFrame() {
    return (long) rows * columns;
  }

  long frameBytes() {
    return pixelsPerFrame() * samples * bytesPerSample();
  }

  long totalBytes() {
    return frameBytes() * frames;
  }

  boolean greyscale() {
    return samples == 1 && (photometric.equals("MONOCHROME1") || photometric.equals("MONOCHROME2"));
  }

  boolean inverted() {
    return photometric.equals("MONOCHROME1");
  }

  /** "int16", "uint16", "uint8", "float32", ... as a volume will hold it. */
  String storedType() {
    if (floatBytes != 0 || bitsAllocated == 32) {
      return "float32";
    }
    return (signed ? "int" : "uint") + bitsAllocated;
  }
}
