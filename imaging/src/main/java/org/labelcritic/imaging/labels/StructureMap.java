package org.labelcritic.imaging.labels;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.labelcritic.model.LabelCriticException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps label names from any source to the canonical structure names the workbench reviews, and
 * thereby decides which structures are imported: a label whose name is not in the map is ignored
 * (and counted). Matching is by name only, never by label number, because model versions number the
 * same organ differently (TotalSegmentator v1 aorta = 7, v2 aorta = 52).
 *
 * <p>Names are compared case-insensitively after trimming, with inner whitespace read as an
 * underscore ("Right Kidney" = "right_kidney"). Structure names are lower case. Every structure
 * name also matches itself, so a map need not list "liver,liver".
 *
 * <p>CSV format: a required header {@code name,structure}, then one row per name; {@code #} starts
 * a comment line. Several names may map to one structure.
 */
public final class StructureMap {

  /** Classpath location of the bundled default map (in the resources module). */
  public static final String DEFAULT_RESOURCE = "/org/labelcritic/resources/structure-map.csv";

  private static final Logger LOG = LoggerFactory.getLogger(StructureMap.class);

  private final Map<String, String> byName;
  private final SortedSet<String> structures;

  private StructureMap(Map<String, String> byName) {
    this.byName = Map.copyOf(byName);
    this.structures = Collections.unmodifiableSortedSet(new TreeSet<>(byName.values()));
  }

  /** The bundled default map, loaded through this class's class loader. */
  public static StructureMap defaults() throws LabelCriticException {
    return defaults(StructureMap.class.getClassLoader());
  }

  /** The bundled default map as {@code loader} sees it (for tests and plug-in class loaders). */
  public static StructureMap defaults(ClassLoader loader) throws LabelCriticException {
    String resource = DEFAULT_RESOURCE.substring(1);
    Path name = Path.of(resource);
    InputStream in = loader.getResourceAsStream(resource);
    if (in == null) {
      throw LabelCriticException.inFile(
          name,
          "the default structure map is not on the classpath (is the labelcritic-resources"
              + " jar missing from the installation?)");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parse(reader, name);
    } catch (IOException e) {
      throw LabelCriticException.inFile(name, "cannot read the default structure map: " + e, e);
    }
  }

  /** Reads a structure map CSV file (UTF-8). */
  public static StructureMap read(Path file) throws LabelCriticException {
    return fromRows(CsvLines.read(file, true), file);
  }

  /**
   * Parses a structure map CSV from {@code reader}; {@code nameForMessages} is the file name errors
   * will show.
   */
  public static StructureMap parse(Reader reader, Path nameForMessages)
      throws LabelCriticException {
    return fromRows(CsvLines.read(reader, nameForMessages, true), nameForMessages);
  }

  private static StructureMap fromRows(List<CsvLines.Row> rows, Path file)
      throws LabelCriticException {
    if (rows.isEmpty()) {
      throw LabelCriticException.inFile(
          file, "the file is empty: expected a header 'name,structure'");
    }
    CsvLines.Row header = rows.getFirst();
    List<String> h = header.cells().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
    if (!h.equals(List.of("name", "structure"))) {
      throw LabelCriticException.atRow(
          file,
          header.line(),
          null,
          "the first line must be the header 'name,structure', found '"
              + String.join(",", header.cells())
              + "'");
    }
    Map<String, String> byName = new LinkedHashMap<>();
    Map<String, Long> rowOf = new HashMap<>();
    for (CsvLines.Row row : rows.subList(1, rows.size())) {
      List<String> cells = row.cells();
      if (cells.size() != 2) {
        throw LabelCriticException.atRow(
            file, row.line(), null, "expected 2 columns 'name,structure', found " + cells.size());
      }
      String name = normalise(cells.get(0));
      String structure = normalise(cells.get(1));
      if (name.isEmpty()) {
        throw LabelCriticException.atRow(file, row.line(), "name", "the name is empty");
      }
      if (structure.isEmpty()) {
        throw LabelCriticException.atRow(
            file, row.line(), "structure", "the structure for '" + cells.get(0) + "' is empty");
      }
      String previous = byName.putIfAbsent(name, structure);
      if (previous != null && !previous.equals(structure)) {
        throw LabelCriticException.atRow(
            file,
            row.line(),
            "name",
            "'"
                + cells.get(0)
                + "' is mapped to '"
                + structure
                + "' but row "
                + rowOf.get(name)
                + " maps it to '"
                + previous
                + "'");
      }
      rowOf.putIfAbsent(name, row.line());
    }
    return new StructureMap(byName);
  }

  /** Lower case, trimmed, inner whitespace as one underscore. */
  static String normalise(String name) {
    return name.strip().replaceAll("\\s+", "_").toLowerCase(Locale.ROOT);
  }

  /** This map with {@code user}'s entries added; where both name the same label, the user wins. */
  public StructureMap overlay(StructureMap user) {
    Map<String, String> merged = new HashMap<>(byName);
    merged.putAll(user.byName);
    return new StructureMap(merged);
  }

  /** The canonical structure for a label name, or empty when the map does not know the name. */
  public Optional<String> structureFor(String labelName) {
    String n = normalise(labelName);
    String s = byName.get(n);
    if (s == null && structures.contains(n)) {
      s = n;
    }
    return Optional.ofNullable(s);
  }

  /** All canonical structure names this map can produce. */
  public SortedSet<String> structures() {
    return structures;
  }

  /**
   * Structure to the label values of {@code table} that make it up; unmapped labels are left out.
   */
  public Map<String, SortedSet<Integer>> structuresIn(LabelTable table) {
    return match(table).structures();
  }

  /** Maps every label of {@code table}, keeping the ones it could not map for reporting. */
  public StructureMatch match(LabelTable table) {
    SortedMap<String, SortedSet<Integer>> found = new TreeMap<>();
    SortedMap<Integer, String> unmapped = new TreeMap<>();
    table
        .names()
        .forEach(
            (value, name) ->
                structureFor(name)
                    .ifPresentOrElse(
                        s -> found.computeIfAbsent(s, k -> new TreeSet<>()).add(value),
                        () -> unmapped.put(value, name)));
    LOG.debug(
        "{} labels mapped to {} structures, {} unmapped",
        table.size() - unmapped.size(),
        found.size(),
        unmapped.size());
    return new StructureMatch(found, unmapped);
  }

  @Override
  public String toString() {
    return "StructureMap[" + byName.size() + " names -> " + structures.size() + " structures]";
  }
}
