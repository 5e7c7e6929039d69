package org.labelcritic.imaging.cells;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reads an n-digit code from a cell image with one {@link DigitReader}. */
public final class CodeReader {
  private final DigitReader reader;
  private final int digits;

  public CodeReader(DigitReader reader, int digits) {
    this.reader = Objects.requireNonNull(reader, "reader");
    if (digits < 1) {
      throw new IllegalArgumentException("at least one digit expected, not " + digits);
    }
    this.digits = digits;
  }

  public String source() {
    return reader.name();
  }

  public CodeReading read(CellPixels cell) {
    return read(DigitSegmenter.digits(cell, digits));
  }

  /** Reads already segmented digits (so that several readers share one segmentation). */
  public CodeReading read(List<double[]> segmented) {
    StringBuilder code = new StringBuilder(segmented.size());
    List<Double> confidences = new ArrayList<>(segmented.size());
    for (double[] features : segmented) {
      double[] p = reader.probabilities(features);
      int best = 0;
      for (int d = 1; d < p.length; d++) {
        if (p[d] > p[best]) {
          best = d;
        }
      }
      code.append(best);
      confidences.add(CodeReading.round4(p[best]));
    }
    return new CodeReading(reader.name(), code.toString(), confidences);
  }
}
