package org.labelcritic.model.stats;

/**
 * A count out of a total, e.g. 17 agreeing decisions out of 20.
 *
 * @param count how many observations had the property
 * @param total how many observations there were
 */
public record Proportion(long count, long total) {
  public static final Proportion NONE = new Proportion(0, 0);

  public Proportion {
    if (count < 0 || total < count) {
      throw new IllegalArgumentException("need 0 <= count <= total, was " + count + "/" + total);
    }
  }

  /** count / total, or NaN when there is nothing to divide by. */
  public double value() {
    return total == 0 ? Double.NaN : (double) count / total;
  }

  /** This proportion with one more observation. */
  public Proportion plus(boolean hit) {
    return new Proportion(count + (hit ? 1 : 0), total + 1);
  }

  public Proportion plus(Proportion other) {
    return new Proportion(count + other.count, total + other.total);
  }
}
