package org.labelcritic.app.ui.cells;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.labelcritic.imaging.demo.CellDemoGenerator;
import org.labelcritic.imaging.io.ImageIoProbe;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.codes.CodeList;
import org.labelcritic.model.codes.CodeSidecars;
import org.labelcritic.model.importing.CellManifestImporter;
import org.labelcritic.model.importing.ImportReport;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.Store;

/**
 * The first cells of the real form-cell demo in a fresh database: images composed from the MNIST
 * digits, the shipped transcriptions of the two Tribuo models imported through the manifest
 * importer, and the code list and training codes beside the database.
 */
final class DemoCells {
  /** Relative to the app module, Surefire's working directory. */
  static final Path DEMO = Path.of("../resources/demo/cells");

  static final long SEED = 20_261_129L;

  private DemoCells() {}

  private static Path images;

  /**
   * The demo's images, composed once per test run (which cells sit on pages depends on the number
   * of cells, so the shipped transcriptions need all of them) and removed when the JVM exits.
   */
  static synchronized Path images() throws LabelCriticException, IOException {
    if (images == null) {
      Path dir = Files.createTempDirectory("lcw-demo-cells");
      CellDemoGenerator.composeImages(
          DEMO.resolve("mnist-digits"), dir, CellDemoGenerator.DEFAULT_CELLS, SEED);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try (var walk = Files.walk(dir)) {
                      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                      }
                    } catch (IOException e) {
                      // a temporary folder left behind is harmless
                    }
                  }));
      images = dir;
    }
    return images;
  }

  static Store create(Path dir, int cells) throws LabelCriticException, IOException {
    Path files = images();
    Path generated = DEMO.resolve("generated");
    List<String> lines = Files.readAllLines(generated.resolve("manifest.csv"));
    List<String> kept = new ArrayList<>(List.of(lines.getFirst()));
    for (String line : lines.subList(1, lines.size())) {
      int n = Integer.parseInt(line.substring("cell-".length(), line.indexOf(',')));
      if (n <= cells) {
        kept.add(line);
      }
    }
    Path manifest = Files.createTempFile(files, "manifest-" + cells + "-", ".csv");
    Files.write(manifest, kept, StandardCharsets.UTF_8);
    Path db = dir.resolve("census.db");
    Files.copy(generated.resolve("codes.csv"), CodeSidecars.codeListFile(db));
    Files.copy(generated.resolve("seen-codes.txt"), CodeSidecars.seenCodesFile(db));
    Store store = Store.open(db, "census");
    ImportReport report =
        new CellManifestImporter(
                store, new ImageIoProbe(), CodeList.read(generated.resolve("codes.csv"), p -> {}))
            .importManifest(manifest, Progress.none());
    if (!report.clean()) {
      throw new IllegalStateException(report.summary());
    }
    return store;
  }
}
