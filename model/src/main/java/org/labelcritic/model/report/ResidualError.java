package org.labelcritic.model.report;

import java.util.List;
import org.labelcritic.model.stats.Proportion;

/**
 * The estimated share of final labels that are still wrong, summed over groups of units that got
 * their final label the same way, each with the error rate measured for that way and its basis.
 *
 * @param groups the groups; a group whose rate could not be measured counts nothing and says so
 * @param units every unit (item and structure) of the dataset
 */
public record ResidualError(List<Group> groups, long units) {

  /**
   * One group.
   *
   * @param name e.g. "auto-accepted"
   * @param units how many units are in the group
   * @param errorRate the measured error rate (count out of total observations); total 0 when not
   *     measurable
   * @param basis how the rate was measured, in words
   */
  public record Group(String name, long units, Proportion errorRate, String basis) {
    public double expectedErrors() {
      return errorRate.total() == 0 ? 0 : units * errorRate.value();
    }

    public double[] expectedRange() {
      double[] ci = Wilson.interval(errorRate);
      return errorRate.total() == 0
          ? new double[] {0, 0}
          : new double[] {units * ci[0], units * ci[1]};
    }
  }

  public ResidualError {
    groups = List.copyOf(groups);
  }

  public double expectedErrors() {
    return groups.stream().mapToDouble(Group::expectedErrors).sum();
  }

  /** Expected wrong labels out of all units; NaN for an empty dataset. */
  public double rate() {
    return units == 0 ? Double.NaN : expectedErrors() / units;
  }

  /** {low, high} of the rate: the sum of each group's 95% Wilson bounds (conservative). */
  public double[] rateRange() {
    if (units == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double lo = 0;
    double hi = 0;
    for (Group g : groups) {
      double[] r = g.expectedRange();
      lo += r[0];
      hi += r[1];
    }
    return new double[] {lo / units, hi / units};
  }

  /** Whether some group's rate could not be measured (the estimate then leaves it out). */
  public boolean incomplete() {
    return groups.stream().anyMatch(g -> g.units() > 0 && g.errorRate().total() == 0);
  }
}
