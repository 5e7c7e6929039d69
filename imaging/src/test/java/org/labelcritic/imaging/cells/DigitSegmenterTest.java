package org.labelcritic.imaging.cells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigitSegmenterTest {
  /** A 100x40 paper cell with dark vertical bars at the given column ranges. */
  static CellPixels bars(int[]... ranges) {
    byte[] grey = new byte[100 * 40];
    Arrays.fill(grey, (byte) 240);
    for (int[] r : ranges) {
      for (int y = 8; y < 32; y++) {
        for (int x = r[0]; x < r[1]; x++) {
          grey[y * 100 + x] = (byte) 30;
        }
      }
    }
    return new CellPixels(100, 40, grey);
  }

  @Test
  void threeSeparateStrokesGiveThreeDigitsEachCentredInItsGrid() {
    List<double[]> digits =
        DigitSegmenter.digits(bars(new int[] {10, 14}, new int[] {45, 49}, new int[] {80, 84}), 3);

    assertThat(digits).hasSize(3);
    for (double[] d : digits) {
      assertThat(d).hasSize(DigitSegmenter.FEATURES);
      double centre = 0;
      double mass = 0;
      for (int i = 0; i < d.length; i++) {
        centre += d[i] * (i % DigitSegmenter.SIDE);
        mass += d[i];
      }
      assertThat(mass).isPositive();
      assertThat(centre / mass).isBetween(5.5, 7.5);
    }
  }

  @Test
  void anEmptyCellGivesZerosAndNoError() {
    List<double[]> digits = DigitSegmenter.digits(bars(), 3);

    assertThat(digits).hasSize(3).allSatisfy(d -> assertThat(d).containsOnly(0.0));
  }

  @Test
  void aCellWithOneStrokeStillGivesAFeatureVectorPerDigit() {
    assertThat(DigitSegmenter.digits(bars(new int[] {40, 60}), 3)).hasSize(3);
  }

  @Test
  void zeroDigitsIsRefused() {
    assertThatThrownBy(() -> DigitSegmenter.digits(bars(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
