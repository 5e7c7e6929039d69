package org.labelcritic.app.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelcritic.app.AppDirectories;
import org.labelcritic.imaging.demo.CellDemoGenerator;
import org.labelcritic.imaging.demo.CellDemoSummary;
import org.labelcritic.imaging.importer.VolumeImportRequest;
import org.labelcritic.imaging.importer.VolumeImporter;
import org.labelcritic.imaging.io.ImageIoProbe;
import org.labelcritic.imaging.labels.LabelTable;
import org.labelcritic.imaging.labels.StructureMap;
import org.labelcritic.imaging.nifti.NiftiHeaderReader;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.codes.CodeList;
import org.labelcritic.model.codes.CodeSidecars;
import org.labelcritic.model.importing.CellManifestImporter;
import org.labelcritic.model.importing.DatasetPaths;
import org.labelcritic.model.importing.ImportReport;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the demo database exist: on first start it unpacks the demo files listed in {@code
 * demo/index.txt} from the class path, builds the form-cell demo from the MNIST digit sheets, and
 * imports both. Later starts find the marker file and reuse the database as it is.
 */
public final class DemoInstaller {
  private static final Logger LOG = LoggerFactory.getLogger(DemoInstaller.class);

  /** Bump when the demo's content changes, so that existing installs are rebuilt. */
  static final String DEMO_VERSION = "2";

  public static final long CELL_SEED = 20261129L;
  static final String V1_SOURCE_TABLE = "volumes/label-tables/totalseg_v1_total.json";

  private final AppDirectories dirs;
  private final ClassLoader loader;

  public DemoInstaller(AppDirectories dirs) {
    this(dirs, DemoInstaller.class.getClassLoader());
  }

  DemoInstaller(AppDirectories dirs, ClassLoader loader) {
    this.dirs = dirs;
    this.loader = loader;
  }

  /** What an installation did. */
  public record Result(Path database, boolean installedNow, List<ImportReport> reports) {}

  /** The demo database, installing it first when needed. */
  public Result ensureInstalled(Progress progress) throws LabelCriticException {
    Path marker = dirs.demoFiles().resolve(".installed-v" + DEMO_VERSION);
    if (Files.isRegularFile(marker) && Files.isRegularFile(dirs.demoDatabase())) {
      return new Result(dirs.demoDatabase(), false, List.of());
    }
    LOG.info("Installing the demo dataset into {}", dirs.dataDir());
    // A database left by an older demo version would mix old and new cells: start afresh.
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      try {
        Files.deleteIfExists(Path.of(dirs.demoDatabase() + suffix));
      } catch (IOException e) {
        throw LabelCriticException.inFile(dirs.demoDatabase(), "cannot replace the old demo", e);
      }
    }
    progress.message("Unpacking the demo files");
    unpack(dirs.demoFiles());
    Path demo = dirs.demoFiles();
    progress.message("Composing form cells from handwritten digits");
    // The transcriptions (manifest, truth, code list) are shipped; only the images are composed
    // here, byte for byte as lcw demo cells --rebuild writes them, without training the models.
    Path cells = demo.resolve("cells/generated");
    CellDemoGenerator.composeImages(
        demo.resolve("cells/mnist-digits"), cells, CellDemoGenerator.DEFAULT_CELLS, CELL_SEED);
    copy(cells.resolve("codes.csv"), CodeSidecars.codeListFile(dirs.demoDatabase()));
    copy(cells.resolve("seen-codes.txt"), CodeSidecars.seenCodesFile(dirs.demoDatabase()));
    List<ImportReport> reports = new ArrayList<>();
    try (Store store = Store.open(dirs.demoDatabase(), "LabelCritic demo")) {
      progress.message("Importing the CT scans and their labels");
      reports.add(
          new VolumeImporter(store, new NiftiHeaderReader())
              .importVolumes(volumeRequest(demo), progress));
      progress.message("Importing the form cells");
      ImportReport codeProblems = new ImportReport("codes");
      CodeList codes = CodeList.read(cells.resolve("codes.csv"), codeProblems::problem);
      reports.add(
          new CellManifestImporter(store, new ImageIoProbe(), codes)
              .importManifest(cells.resolve("manifest.csv"), progress));
    }
    for (ImportReport r : reports) {
      if (!r.clean()) {
        throw new LabelCriticException(
            "the bundled demo did not import cleanly: "
                + r.summary()
                + (r.problems().isEmpty() ? "" : "; first problem: " + r.problems().getFirst()));
      }
    }
    try {
      Files.writeString(marker, "demo version " + DEMO_VERSION + "\n");
    } catch (IOException e) {
      throw LabelCriticException.inFile(marker, "cannot write: " + e.getMessage(), e);
    }
    return new Result(dirs.demoDatabase(), true, reports);
  }

  /**
   * Rebuilds the form-cell demo from the bundled MNIST digit sheets into {@code out}: trains the
   * two transcription models and writes the images, manifest, truth, code list and training codes.
   */
  public CellDemoSummary rebuildCells(Path out, int cells, long seed) throws LabelCriticException {
    Path sheets;
    try {
      sheets = Files.createTempDirectory("lcw-mnist");
    } catch (IOException e) {
      throw new LabelCriticException("cannot create a temporary folder: " + e.getMessage());
    }
    try {
      for (int d = 0; d < 10; d++) {
        String name = "digit-" + d + ".png";
        try (InputStream in = loader.getResourceAsStream("demo/cells/mnist-digits/" + name)) {
          if (in == null) {
            throw new LabelCriticException(
                "demo file missing from this installation: demo/cells/mnist-digits/" + name);
          }
          Files.copy(in, sheets.resolve(name));
        } catch (IOException e) {
          throw LabelCriticException.inFile(sheets.resolve(name), "cannot unpack", e);
        }
      }
      return CellDemoGenerator.generate(sheets, out, cells, seed);
    } finally {
      try (var files = Files.list(sheets)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
        Files.deleteIfExists(sheets);
      } catch (IOException e) {
        LOG.warn("Could not remove the temporary folder {}", sheets, e);
      }
    }
  }

  private static void copy(Path from, Path to) throws LabelCriticException {
    try {
      Files.createDirectories(to.getParent());
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw LabelCriticException.inFile(to, "cannot write: " + e.getMessage(), e);
    }
  }

  /** The import request for the unpacked demo's volumes: every source folder is a source. */
  static VolumeImportRequest volumeRequest(Path demo) throws LabelCriticException {
    Path volumes = demo.resolve("volumes");
    Map<String, Path> sources = new LinkedHashMap<>();
    try (var s = Files.list(volumes.resolve("sources"))) {
      s.filter(Files::isDirectory)
          .sorted()
          .forEach(p -> sources.put(p.getFileName().toString(), p));
    } catch (IOException e) {
      throw LabelCriticException.inFile(volumes, "cannot list the demo sources", e);
    }
    LabelTable v1 = LabelTable.read(demo.resolve(V1_SOURCE_TABLE));
    Map<String, LabelTable> tables = new LinkedHashMap<>();
    for (String name : sources.keySet()) {
      if (name.startsWith("ts-v1-")) {
        tables.put(name, v1);
      }
    }
    return new VolumeImportRequest(
        volumes.resolve("images"), sources, tables, null, StructureMap.defaults());
  }

  /** Copies every file named in demo/index.txt from the class path into {@code target}. */
  void unpack(Path target) throws LabelCriticException {
    List<String> names = new ArrayList<>();
    try (InputStream in = loader.getResourceAsStream("demo/index.txt")) {
      if (in == null) {
        throw new LabelCriticException(
            "the demo files are missing from this installation (no demo/index.txt on the class"
                + " path); rebuild with ./lcw or reinstall");
      }
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (!line.isBlank()) {
            names.add(line.strip());
          }
        }
      }
    } catch (IOException e) {
      throw new LabelCriticException("cannot read the demo index: " + e.getMessage());
    }
    for (String name : names) {
      Path out;
      try {
        out = DatasetPaths.resolveInside(target, name);
      } catch (IllegalArgumentException bad) {
        throw new LabelCriticException("demo/index.txt: " + bad.getMessage());
      }
      try (InputStream in = loader.getResourceAsStream("demo/" + name)) {
        if (in == null) {
          throw new LabelCriticException("demo file listed but missing: demo/" + name);
        }
        Files.createDirectories(out.getParent());
        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw LabelCriticException.inFile(out, "cannot unpack: " + e.getMessage(), e);
      }
    }
    LOG.info("Unpacked {} demo files into {}", names.size(), target);
  }
}
