package org.labelcritic.imaging.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.imaging.fuzz.FuzzRun.Seed;
import org.labelcritic.imaging.io.ImageIoProbe;
import org.labelcritic.model.Problem;
import org.labelcritic.model.codes.CodeList;
import org.labelcritic.model.importing.CellManifestImporter;
import org.labelcritic.model.importing.ImportReport;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.Store;

/**
 * Mutated form-cell manifests imported into a real store (the CSV reader, the row checks and the
 * writer), and mutated code lists. Bad rows are reported and skipped, so most inputs import; the
 * database must stay sound throughout.
 */
class ManifestFuzzTest {
  static final String NAME = "fuzz-input";

  @TempDir Path dir;

  @Test
  void everyMutatedManifestImportsOrIsRefusedClearly() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.createDirectories(data.resolve("cells"));
    BufferedImage cell = new BufferedImage(100, 40, BufferedImage.TYPE_BYTE_GRAY);
    ImageIO.write(cell, "png", data.resolve("cells/c1.png").toFile());
    ImageIO.write(
        new BufferedImage(600, 500, BufferedImage.TYPE_BYTE_GRAY),
        "png",
        data.resolve("page.png").toFile());
    Path manifest = data.resolve(NAME + ".csv");
    List<Seed> seeds = List.of(new Seed("manifest.csv", Corpus.bytes("fuzz/seeds/manifest.csv")));
    try (Store store = Store.open(dir.resolve("db/fuzz.db"))) {
      CellManifestImporter importer =
          new CellManifestImporter(
              store, new ImageIoProbe(), CodeList.of(Map.of("412", "clerk", "099", "farmer")));
      FuzzRun.Target target =
          (seed, input) -> {
            Files.write(manifest, input);
            ImportReport report = importer.importManifest(manifest, Progress.none());
            report.problems().forEach(ManifestFuzzTest::assertNamesAFile);
          };

      FuzzRun.Result r =
          new FuzzRun("cell-manifest", seeds, true, NAME).run(FuzzRun.INPUTS, target);

      assertThat(r.findings()).as(r.summary()).isEmpty();
      assertThat(r.read()).isPositive();
      assertThat(store.integrityCheck()).isEqualTo("ok");
    }
  }

  @Test
  void everyMutatedCodeListIsReadOrRefusedClearly() throws Exception {
    Path file = dir.resolve(NAME + ".csv");
    List<Seed> seeds = List.of(new Seed("codes.csv", Corpus.bytes("fuzz/seeds/codes.csv")));
    FuzzRun.Target target =
        (seed, input) -> {
          Files.write(file, input);
          CodeList.read(file, ManifestFuzzTest::assertNamesAFile);
        };

    FuzzRun.Result r = new FuzzRun("code-list", seeds, true, NAME).run(FuzzRun.INPUTS, target);

    assertThat(r.findings()).as(r.summary()).isEmpty();
    assertThat(r.read()).isPositive();
    assertThat(r.refused()).isPositive();
  }

  /** A reported bad row names its file and says what is wrong. */
  private static void assertNamesAFile(Problem p) {
    assertThat(p.file()).isNotNull();
    assertThat(p.what()).isNotBlank();
  }
}
