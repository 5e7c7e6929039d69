package org.labelcritic.imaging.mask;

import java.util.Objects;
import java.util.Set;

/**
 * A structure to cut out of a multi-label map: its name and the label values that make it up (the
 * union, e.g. TotalSegmentator T716's aorta = true lumen 1 + false lumen 2).
 *
 * @param name the structure's name, the key of the resulting mask
 * @param values label values, at least one
 */
public record LabelSet(String name, Set<Integer> values) {

  public LabelSet {
    Objects.requireNonNull(name, "name");
    values = Set.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("label set '" + name + "' has no values");
    }
  }

  public static LabelSet of(String name, Integer... values) {
    return new LabelSet(name, Set.of(values));
  }
}
