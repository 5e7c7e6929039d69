package org.labelcritic.imaging.labels;

import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a {@link StructureMap} found in one {@link LabelTable}: for each structure the label values
 * that make it up (several when a model splits a structure, as TotalSegmentator's aortic dissection
 * model splits the aorta into true and false lumen), and the labels it ignored.
 *
 * @param structures structure name to its label values
 * @param unmapped labels whose name the map does not know, value to name
 */
public record StructureMatch(
    SortedMap<String, SortedSet<Integer>> structures, SortedMap<Integer, String> unmapped) {

  public StructureMatch {
    TreeMap<String, SortedSet<Integer>> copy = new TreeMap<>();
    structures.forEach((k, v) -> copy.put(k, Collections.unmodifiableSortedSet(new TreeSet<>(v))));
    structures = Collections.unmodifiableSortedMap(copy);
    unmapped = Collections.unmodifiableSortedMap(new TreeMap<>(unmapped));
  }

  public int unmappedCount() {
    return unmapped.size();
  }
}
