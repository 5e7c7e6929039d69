package org.labelcritic.imaging.labels;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.labelcritic.imaging.nifti.NiftiHeader;
import org.labelcritic.model.LabelCriticException;

/**
 * An immutable table from label value (the voxel value in a label map) to label name, as one source
 * wrote it. Names are kept as written (trimmed); matching them to structures is the job of {@link
 * StructureMap}.
 *
 * @param names value to name, sorted by value
 */
public record LabelTable(SortedMap<Integer, String> names) {

  public LabelTable {
    for (Map.Entry<Integer, String> e : names.entrySet()) {
      if (e.getKey() == null || e.getValue() == null || e.getValue().isBlank()) {
        throw new IllegalArgumentException("label " + e.getKey() + " has no name");
      }
    }
    names = Collections.unmodifiableSortedMap(new TreeMap<>(names));
  }

  public static LabelTable of(Map<Integer, String> names) {
    return new LabelTable(new TreeMap<>(names));
  }

  public Optional<String> nameOf(int value) {
    return Optional.ofNullable(names.get(value));
  }

  public int size() {
    return names.size();
  }

  public boolean isEmpty() {
    return names.isEmpty();
  }

  /** Reads a {@code .json} or {@code .csv} label table, chosen by the file name's ending. */
  public static LabelTable read(Path file) throws LabelCriticException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return JsonLabelTableReader.read(file);
    }
    if (name.endsWith(".csv")) {
      return CsvLabelTableReader.read(file);
    }
    throw LabelCriticException.inFile(
        file, "unknown label table format: expected a .json or .csv file");
  }

  /**
   * The label table embedded in a NIfTI header extension the way TotalSegmentator writes it
   * (CaretExtension XML with a LabelTable), or empty when the header carries none.
   */
  public static Optional<LabelTable> fromNiftiExtensions(NiftiHeader header)
      throws LabelCriticException {
    return CaretXmlLabelTableReader.fromExtensions(header);
  }
}
