package org.labelcritic.imaging.cells;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DigitReadersTest {
  /** Digit d lights pixel block d (and noise): a separable toy problem. */
  static List<DigitReaders.Sample> toy(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<DigitReaders.Sample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int d = i % 10;
      double[] f = new double[DigitSegmenter.FEATURES];
      for (int k = 0; k < f.length; k++) {
        f[k] = 0.1 * rng.nextDouble();
      }
      for (int k = d * 19; k < d * 19 + 19; k++) {
        f[k] = 0.8 + 0.2 * rng.nextDouble();
      }
      out.add(new DigitReaders.Sample(f, d));
    }
    return out;
  }

  @Test
  void bothModelsLearnAToyProblemAndGiveProbabilities() {
    List<DigitReaders.Sample> train = toy(400, 1);
    for (DigitReader r :
        List.of(DigitReaders.logistic(train, 7), DigitReaders.factorizationMachine(train, 7))) {
      CodeReader reader = new CodeReader(r, 3);
      List<DigitReaders.Sample> test = toy(30, 2);
      CodeReading reading =
          reader.read(
              List.of(test.get(4).features(), test.get(2).features(), test.get(9).features()));

      assertThat(reading.code()).as(r.name()).isEqualTo("429");
      assertThat(reading.digitConfidences()).allSatisfy(c -> assertThat(c).isBetween(0.5, 1.0));
      double sum = 0;
      for (double p : r.probabilities(test.get(0).features())) {
        sum += p;
      }
      assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void theSameSeedGivesTheSameProbabilities() {
    List<DigitReaders.Sample> train = toy(200, 3);
    double[] f = toy(1, 4).getFirst().features();

    assertThat(DigitReaders.factorizationMachine(train, 11).probabilities(f))
        .containsExactly(DigitReaders.factorizationMachine(train, 11).probabilities(f));
  }
}
