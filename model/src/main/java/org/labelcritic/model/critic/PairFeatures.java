package org.labelcritic.model.critic;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The pairwise critics' input for one structure: the pair features (named, in the extractor's
 * order) and what the rules need of the two masks.
 *
 * @param structure the structure's canonical name
 * @param names feature names, e.g. {@code d_volume_ml}, ..., {@code dice_ab}
 * @param values one finite value per name
 * @param emptyA whether candidate A's mask is empty
 * @param emptyB whether candidate B's mask is empty
 * @param diceAb Dice between the two masks (1 when both are empty)
 * @param expected whether the structure is expected in the field of view
 */
public record PairFeatures(
    String structure,
    List<String> names,
    double[] values,
    boolean emptyA,
    boolean emptyB,
    double diceAb,
    Presence expected) {

  /** Whether a structure is expected in the scan's field of view. */
  public enum Presence {
    EXPECTED,
    NOT_EXPECTED,
    UNKNOWN
  }

  public PairFeatures {
    Objects.requireNonNull(structure, "structure");
    Objects.requireNonNull(expected, "expected");
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
    if (!(diceAb >= 0 && diceAb <= 1)) {
      throw new IllegalArgumentException("Dice must be in 0..1, was " + diceAb);
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
    return o instanceof PairFeatures p
        && structure.equals(p.structure)
        && names.equals(p.names)
        && Arrays.equals(values, p.values)
        && emptyA == p.emptyA
        && emptyB == p.emptyB
        && Double.compare(diceAb, p.diceAb) == 0
        && expected == p.expected;
  }

  @Override
  public int hashCode() {
    return Objects.hash(structure, names, Arrays.hashCode(values), emptyA, emptyB, diceAb);
  }

  @Override
  public String toString() {
    return "PairFeatures[" + structure + ", " + names.size() + " features, dice " + diceAb + "]";
  }
}
