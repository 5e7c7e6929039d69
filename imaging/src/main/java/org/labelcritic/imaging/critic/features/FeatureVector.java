package org.labelcritic.imaging.critic.features;

import java.util.Arrays;
import java.util.Objects;

/**
 * Named feature values in a fixed order, never NaN or infinite: the quality model's input row.
 *
 * @param names feature names, in model-input order
 * @param values one finite value per name
 */
public record FeatureVector(String[] names, double[] values) {

  public FeatureVector {
    Objects.requireNonNull(names, "names");
    Objects.requireNonNull(values, "values");
    if (names.length != values.length) {
      throw new IllegalArgumentException(names.length + " names for " + values.length + " values");
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException("feature " + names[i] + " is " + values[i]);
      }
    }
    names = names.clone();
    values = values.clone();
  }

  @Override
  public String[] names() {
    return names.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  public int size() {
    return values.length;
  }

  /** The value of feature {@code name}. */
  public double get(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return values[i];
      }
    }
    throw new IllegalArgumentException("no feature " + name + " in " + Arrays.toString(names));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureVector f
        && Arrays.equals(names, f.names)
        && Arrays.equals(values, f.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("FeatureVector[");
    for (int i = 0; i < names.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(names[i]).append('=').append(values[i]);
    }
    return sb.append(']').toString();
  }
}
