package org.labelcritic.model.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Error rate by code-frequency band: of the codes reviewers accepted or corrected, the share they
 * corrected, per band of how common the code the source read is. Rare codes are expected to fail
 * more often. Which decisions count as checks is {@code StatsQueries}' rule: current accepts and
 * edits on code candidates; flags say nothing about the code and are left out.
 */
public final class CodeErrorRates {

  /** One band's error rate. */
  public record BandRate(FrequencyBands.Band band, Proportion errors) {}

  private final FrequencyBands bands;
  private final Proportion[] errors;

  public CodeErrorRates(FrequencyBands bands) {
    this.bands = bands;
    this.errors = new Proportion[bands.bands().size()];
    Arrays.fill(errors, Proportion.NONE);
  }

  public void add(CodeCheck c) {
    int i = bands.bandOf(c.frequency());
    errors[i] = errors[i].plus(c.error());
  }

  /** Every band, rare first, including bands with no checks (their value is NaN). */
  public List<BandRate> rates() {
    List<FrequencyBands.Band> all = bands.bands();
    List<BandRate> out = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      out.add(new BandRate(all.get(i), errors[i]));
    }
    return out;
  }
}
