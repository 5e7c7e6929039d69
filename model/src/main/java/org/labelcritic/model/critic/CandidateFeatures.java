package org.labelcritic.model.critic;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The single-label critic's input: one candidate's features (named, in the extractor's order), for
 * a structure that only one source labelled.
 *
 * @param structure the structure's canonical name
 * @param names feature names, e.g. {@code empty}, {@code volume_ml}, ...
 * @param values one finite value per name
 */
public record CandidateFeatures(String structure, List<String> names, double[] values) {
  public CandidateFeatures {
    Objects.requireNonNull(structure, "structure");
    names = List.copyOf(names);
    values = values.clone();
    if (names.size() != values.length) {
      throw new IllegalArgumentException(names.size() + " names for " + values.length + " values");
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException("feature " + names.get(i) + " is " + values[i]);
      }
    }
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /** The value of feature {@code name}, or NaN when there is none. */
  public double valueOf(String name) {
    int i = names.indexOf(name);
    return i < 0 ? Double.NaN : values[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CandidateFeatures c
        && structure.equals(c.structure)
        && names.equals(c.names)
        && Arrays.equals(values, c.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(structure, names, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "CandidateFeatures[" + structure + ", " + names.size() + " features]";
  }
}
