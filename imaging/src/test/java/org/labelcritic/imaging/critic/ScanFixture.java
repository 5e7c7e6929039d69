package org.labelcritic.imaging.critic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.labelcritic.imaging.importer.VolumeImportRequest;
import org.labelcritic.imaging.importer.VolumeImporter;
import org.labelcritic.imaging.labels.StructureMap;
import org.labelcritic.imaging.nifti.NiftiHeaderReader;
import org.labelcritic.model.importing.ImportReport;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.Store;

/** The demo's small CT with three of its real label sources, copied and imported for a test. */
public final class ScanFixture {
  static final Path DEMO = Path.of("../resources/demo/volumes");
  static final String CASE = "example-ct-sm";

  private ScanFixture() {}

  /**
   * Copies the case's CT and three of its sources and imports them; the fast model's spleen mask is
   * left out, so the spleen has one candidate.
   */
  public static Path importCase(Path dir) throws Exception {
    Path root = dir.resolve("data");
    copyTree(DEMO.resolve("images/" + CASE), root.resolve("images/" + CASE));
    Map<String, Path> sources = new LinkedHashMap<>();
    for (String s : List.of("ts-v2-total-1.5mm", "ts-v2-fast", "ts-v2-roi-liver")) {
      copyTree(
          DEMO.resolve("sources/" + s + "/" + CASE), root.resolve("sources/" + s + "/" + CASE));
      sources.put(s, root.resolve("sources/" + s));
    }
    Files.delete(fastMask(dir, "spleen"));
    Path db = dir.resolve("case.db");
    try (Store store = Store.open(db)) {
      ImportReport r =
          new VolumeImporter(store, new NiftiHeaderReader())
              .importVolumes(
                  new VolumeImportRequest(
                      root.resolve("images"),
                      sources,
                      Map.of(),
                      null,
                      StructureMap.read(
                          Path.of(
                              "../resources/src/main/resources/org/labelcritic/resources/structure-map.csv"))),
                  Progress.none());
      assertThat(r.problems()).isEmpty();
    }
    return db;
  }

  static Path fastMask(Path dir, String structure) {
    return dir.resolve(
        "data/sources/ts-v2-fast/" + CASE + "/segmentations/" + structure + ".nii.gz");
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path t = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else {
          Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
