package org.labelcritic.imaging.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.labelcritic.imaging.labels.LabelTable;
import org.labelcritic.imaging.labels.StructureMap;
import org.labelcritic.model.LabelCriticException;

/**
 * The volume demo ({@code resources/demo/volumes}) as the importer tests use it: read in place, or
 * partly copied into a temporary folder so that a test can break one file and keep the rest real.
 */
final class DemoVolumes {
  /** Relative to the imaging module, which is Surefire's working directory. */
  static final Path ROOT = Path.of("../resources/demo/volumes");

  static final Path STRUCTURE_MAP =
      Path.of("../resources/src/main/resources/org/labelcritic/resources/structure-map.csv");

  static final Path V1_TABLE = ROOT.resolve("label-tables/totalseg_v1_total.json");

  /** The 12 sources of the demo, in the order its README imports them. */
  static final List<String> SOURCES =
      List.of(
          "ts-v2-total-1.5mm",
          "ts-v2-fast",
          "ts-v2-fast-bodyseg",
          "ts-v2.1-1.5mm-2023-10",
          "ts-v2-roi-liver",
          "ts-v1-fast-3mm",
          "ts-v1-1.5mm",
          "ts-v2-fast-forcesplit",
          "ts-total",
          "ts-T264",
          "ts-T710-renal-arteries",
          "ts-T716-aorta-lumen");

  /** The sources whose maps use v1 numbering and embed no table. */
  static final List<String> V1_SOURCES = List.of("ts-v1-fast-3mm", "ts-v1-1.5mm");

  private DemoVolumes() {}

  static StructureMap structureMap() throws LabelCriticException {
    return StructureMap.read(STRUCTURE_MAP);
  }

  /** The README's import of the whole demo under {@code root}, with the v1 table for v1 sources. */
  static VolumeImportRequest request(Path root) throws LabelCriticException {
    return request(root.resolve("images"), sourcesUnder(root, SOURCES), true);
  }

  static VolumeImportRequest request(Path images, Map<String, Path> sources, boolean v1Tables)
      throws LabelCriticException {
    Map<String, LabelTable> tables = new LinkedHashMap<>();
    if (v1Tables) {
      LabelTable v1 = LabelTable.read(V1_TABLE);
      for (String s : V1_SOURCES) {
        if (sources.containsKey(s)) {
          tables.put(s, v1);
        }
      }
    }
    return new VolumeImportRequest(images, sources, tables, null, structureMap());
  }

  static Map<String, Path> sourcesUnder(Path root, List<String> names) {
    Map<String, Path> out = new LinkedHashMap<>();
    for (String s : names) {
      out.put(s, root.resolve("sources").resolve(s));
    }
    return out;
  }

  /**
   * Copies the CTs of {@code cases} and, for each of {@code sources}, its files for those cases,
   * from the demo into {@code dest} (same layout: {@code images/}, {@code sources/}).
   */
  static Path copy(Path dest, List<String> cases, List<String> sources) {
    for (String c : cases) {
      copyTree(ROOT.resolve("images").resolve(c), dest.resolve("images").resolve(c));
      for (String s : sources) {
        Path from = ROOT.resolve("sources").resolve(s).resolve(c);
        if (Files.isDirectory(from)) {
          copyTree(from, dest.resolve("sources").resolve(s).resolve(c));
        }
      }
    }
    try {
      for (String s : sources) {
        Files.createDirectories(dest.resolve("sources").resolve(s));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dest;
  }

  static void copyTree(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
