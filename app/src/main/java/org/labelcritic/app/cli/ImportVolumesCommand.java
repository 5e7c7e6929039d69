package org.labelcritic.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelcritic.imaging.importer.VolumeImportRequest;
import org.labelcritic.imaging.importer.VolumeImporter;
import org.labelcritic.imaging.labels.LabelTable;
import org.labelcritic.imaging.labels.StructureMap;
import org.labelcritic.imaging.nifti.NiftiHeaderReader;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.importing.ImportReport;
import org.labelcritic.model.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lcw import volumes}: CTs with competing label sources. */
@Command(
    name = "volumes",
    header = "Imports CT scans with the labels of several sources.",
    mixinStandardHelpOptions = true,
    description = {
      "Imports CT scans with the labels of several sources, in the AbdomenAtlas layout:",
      "  IMAGES/<case>/ct.nii.gz, and per source SRC/<case>/segmentations/<organ>.nii.gz",
      "  (or predictions/), or a multi-label map SRC/<case>/<name>.nii.gz or SRC/<case>.nii.gz.",
      "Structures are matched across sources by NAME through the structure map, never by",
      "label number. Only headers are read. A mask not on its CT's grid, a map without a",
      "label table or an unreadable file is reported and skipped; the rest imports.",
      "Importing the same files again adds nothing. Exit code 1 when something was skipped."
    })
final class ImportVolumesCommand implements Callable<Integer> {
  @Mixin DbOption db;

  @Option(
      names = "--images",
      required = true,
      paramLabel = "DIR",
      description = "Folder with one sub-folder per case holding ct.nii.gz.")
  Path images;

  @Option(
      names = "--source",
      required = true,
      paramLabel = "NAME=DIR",
      description = "A label source: its name and root folder. Repeat for each source.")
  Map<String, Path> sources = new LinkedHashMap<>();

  @Option(
      names = "--label-table",
      paramLabel = "[NAME=]FILE",
      description = {
        "A label table (JSON or CSV value,name). NAME=FILE applies to that source and wins over",
        "a table embedded in its files; a plain FILE applies to maps that embed no table."
      })
  List<String> labelTables = List.of();

  @Option(
      names = "--structure-map",
      paramLabel = "CSV",
      description = "Extra name,structure mappings; they win over the defaults.")
  Path structureMap;

  private final CliContext context;

  ImportVolumesCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws LabelCriticException {
    Map<String, LabelTable> perSource = new LinkedHashMap<>();
    LabelTable fallback = null;
    for (String spec : labelTables) {
      int eq = spec.indexOf('=');
      if (eq > 0 && sources.containsKey(spec.substring(0, eq))) {
        perSource.put(spec.substring(0, eq), LabelTable.read(Path.of(spec.substring(eq + 1))));
      } else if (eq > 0 && !java.nio.file.Files.exists(Path.of(spec))) {
        throw new LabelCriticException(
            "--label-table " + spec + ": '" + spec.substring(0, eq) + "' is not a --source name");
      } else {
        if (fallback != null) {
          throw new LabelCriticException(
              "--label-table: give at most one table without a source name");
        }
        fallback = LabelTable.read(Path.of(spec));
      }
    }
    StructureMap map = StructureMap.defaults();
    if (structureMap != null) {
      map = map.overlay(StructureMap.read(structureMap));
    }
    VolumeImportRequest request =
        new VolumeImportRequest(images, sources, perSource, fallback, map);
    TerminalProgress progress = new TerminalProgress(context.console(), "import volumes");
    ImportReport report;
    boolean existed = java.nio.file.Files.exists(db.db);
    try (Store store = Store.open(db.db)) {
      report = new VolumeImporter(store, new NiftiHeaderReader()).importVolumes(request, progress);
    } catch (LabelCriticException e) {
      CreatedDatabase.removeIfCreatedAndEmpty(db.db, existed);
      throw e;
    } finally {
      progress.finish();
    }
    return Reports.print(context.console(), report);
  }
}
