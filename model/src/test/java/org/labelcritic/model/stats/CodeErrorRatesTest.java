package org.labelcritic.model.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodeErrorRatesTest {

  @Test
  void fixedBandsArePowersOfTen() {
    assertThat(FrequencyBands.DEFAULT.bands())
        .extracting(FrequencyBands.Band::label)
        .containsExactly("0-9", "10-99", "100-999", "1000+");
    assertThat(FrequencyBands.DEFAULT.bandOf(0)).isZero();
    assertThat(FrequencyBands.DEFAULT.bandOf(10)).isEqualTo(1);
    assertThat(FrequencyBands.DEFAULT.bandOf(999)).isEqualTo(2);
    assertThat(FrequencyBands.DEFAULT.bandOf(1_000_000)).isEqualTo(3);
  }

  @Test
  void errorRatesArePerBand() {
    CodeErrorRates r = new CodeErrorRates(FrequencyBands.DEFAULT);
    r.add(new CodeCheck(3, true));
    r.add(new CodeCheck(5, false));
    r.add(new CodeCheck(5000, false));

    assertThat(r.rates())
        .extracting(CodeErrorRates.BandRate::errors)
        .containsExactly(
            new Proportion(1, 2), Proportion.NONE, Proportion.NONE, new Proportion(0, 1));
  }

  @Test
  void quantileBandsSplitTheObservationsEvenly() {
    long[] f = {1, 2, 3, 4, 10, 20, 30, 40};
    FrequencyBands b = FrequencyBands.quantiles(f, 2);

    assertThat(b.bands())
        .containsExactly(
            new FrequencyBands.Band(0, 10), new FrequencyBands.Band(10, Long.MAX_VALUE));
  }

  @Test
  void tiedQuantilesMergeAndNoDataGivesOneBand() {
    assertThat(FrequencyBands.quantiles(new long[] {5, 5, 5, 5}, 4).bands()).hasSize(2);
    assertThat(FrequencyBands.quantiles(new long[0], 4).bands()).hasSize(1);
  }

  @Test
  void badBoundsAreRejected() {
    assertThatThrownBy(() -> FrequencyBands.fixed(1, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FrequencyBands.fixed(0, 10, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
