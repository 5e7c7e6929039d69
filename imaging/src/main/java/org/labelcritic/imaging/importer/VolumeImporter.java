package org.labelcritic.imaging.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.labelcritic.imaging.dicom.DicomSeriesHeader;
import org.labelcritic.imaging.dicom.DicomSeriesReader;
import org.labelcritic.imaging.labels.LabelTable;
import org.labelcritic.imaging.labels.StructureMatch;
import org.labelcritic.imaging.nifti.NiftiHeader;
import org.labelcritic.imaging.nifti.NiftiHeaderReader;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.imaging.volume.VoxelMapping;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.Problem;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.importing.FileDigests;
import org.labelcritic.model.importing.ImportReport;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.ImportWriter;
import org.labelcritic.model.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports CTs and their competing label sources (DESIGN.md "Inputs"). Only headers are read, so
 * importing is fast; each case (the CT and every candidate of every source) is written in one
 * transaction. A bad file is reported (which file, what is wrong) and skipped; the rest imports.
 * Importing the same files again adds nothing.
 */
public final class VolumeImporter {
  private static final Logger LOG = LoggerFactory.getLogger(VolumeImporter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Store store;
  private final NiftiHeaderReader headers;
  private final DicomSeriesReader dicom = new DicomSeriesReader();

  public VolumeImporter(Store store, NiftiHeaderReader headers) {
    this.store = store;
    this.headers = headers;
  }

  public ImportReport importVolumes(VolumeImportRequest request, Progress progress)
      throws LabelCriticException {
    ImportReport report = new ImportReport("volumes " + request.images());
    for (Map.Entry<String, Path> s : request.sources().entrySet()) {
      if (!Files.isDirectory(s.getValue())) {
        throw LabelCriticException.inFile(
            s.getValue(), "folder of label source '" + s.getKey() + "' not found (--source)");
      }
    }
    List<Path> cases = CaseScan.caseFolders(request.images());
    if (cases.isEmpty()) {
      report.problem(
          Problem.of(
              request.images(), "no case folders found (expected <case>/ct.nii.gz under it)"));
    }
    Map<String, Long> sourceIds = new LinkedHashMap<>();
    for (String name : request.sources().keySet()) {
      sourceIds.put(name, store.sourceId(name, SourceKind.MODEL, ""));
    }
    int done = 0;
    for (Path caseFolder : cases) {
      if (progress.isCancelled()) {
        report.markCancelled();
        break;
      }
      progress.message("Importing " + caseFolder.getFileName());
      importCase(caseFolder, request, sourceIds, report);
      progress.update(++done, cases.size());
    }
    LOG.info("{}", report.summary());
    return report;
  }

  private void importCase(
      Path caseFolder,
      VolumeImportRequest request,
      Map<String, Long> sourceIds,
      ImportReport report)
      throws LabelCriticException {
    String caseName = caseFolder.getFileName().toString();
    Optional<Path> ct = CaseScan.ctOf(caseFolder);
    if (ct.isEmpty()) {
      report.problem(
          Problem.of(
              caseFolder, "has no ct.nii.gz, ct.nii or ct/ (DICOM series folder); case skipped"));
      report.count("cases skipped");
      return;
    }
    CtHeader ctHeader;
    try {
      ctHeader = readCt(ct.get(), report);
    } catch (LabelCriticException e) {
      report.problem(e.problem());
      report.count("cases skipped");
      return;
    }
    FileRef ctRef = ctHeader.ref();
    Geometry grid = ctHeader.geometry();
    List<Found> found = new ArrayList<>();
    for (Map.Entry<String, Path> source : request.sources().entrySet()) {
      Path dir = source.getValue().resolve(caseName);
      List<Found> fromSource = new ArrayList<>();
      for (String folder : CaseScan.MASK_FOLDERS) {
        for (Path mask : CaseScan.niftiFiles(dir.resolve(folder))) {
          binaryMask(source.getKey(), mask, grid, request, fromSource, report);
        }
      }
      List<Path> maps = new ArrayList<>(CaseScan.niftiFiles(dir));
      // AbdomenAtlas keeps the CT beside segmentations/ in the same tree: it is no label map.
      maps.removeIf(CaseScan::isCt);
      Path flat = source.getValue().resolve(caseName + ".nii.gz");
      if (Files.isRegularFile(flat)) {
        maps.add(flat);
      }
      for (Path map : maps) {
        multiLabelMap(source.getKey(), map, grid, request, fromSource, report);
      }
      if (fromSource.isEmpty() && !Files.isDirectory(dir) && !maps.contains(flat)) {
        report.count("case-source pairs without labels");
      }
      found.addAll(fromSource);
    }
    write(caseName, ctRef, ctHeader, found, sourceIds, report);
  }

  /** What the import keeps of a CT: its file (or series folder) reference and its grid. */
  private record CtHeader(FileRef ref, Geometry geometry, String geometryJson) {}

  private CtHeader readCt(Path ct, ImportReport report) throws LabelCriticException {
    if (Files.isDirectory(ct)) {
      DicomSeriesHeader h = dicom.header(ct);
      for (String w : h.warnings()) {
        report.problem(Problem.of(ct, w));
      }
      String json =
          geometryJson(
              h.geometry(),
              "dicom",
              1,
              Map.of(
                  "transferSyntax", h.transferSyntax().uid(),
                  "modality", h.modality(),
                  "files", String.valueOf(h.files())));
      return new CtHeader(FileDigests.folderRef(ct), h.geometry(), json);
    }
    NiftiHeader h = headers.read(ct);
    return new CtHeader(
        FileDigests.ref(ct),
        h.geometry(),
        geometryJson(h.geometry(), h.dataType().name().toLowerCase(), h.volumeCount(), Map.of()));
  }

  private record Found(
      String source, String structure, Path file, FileRef ref, SortedSet<Integer> values) {}

  private void binaryMask(
      String source,
      Path mask,
      Geometry grid,
      VolumeImportRequest request,
      List<Found> out,
      ImportReport report) {
    String name = CaseScan.stem(mask);
    Optional<String> structure = request.structureMap().structureFor(name);
    if (structure.isEmpty()) {
      report.count("label files not in the structure map");
      return;
    }
    Optional<FileRef> ref = checked(mask, grid, report);
    if (ref.isPresent()) {
      add(
          out,
          new Found(source, structure.get(), mask, ref.get(), new TreeSet<>(List.of(1))),
          report);
    }
  }

  private void multiLabelMap(
      String source,
      Path map,
      Geometry grid,
      VolumeImportRequest request,
      List<Found> out,
      ImportReport report) {
    NiftiHeader h;
    try {
      h = headers.read(map);
    } catch (LabelCriticException e) {
      report.problem(e.problem());
      report.count("label files skipped");
      return;
    }
    LabelTable table = request.labelTables().get(source);
    if (table == null) {
      try {
        table = LabelTable.fromNiftiExtensions(h).orElse(request.defaultLabelTable());
      } catch (LabelCriticException e) {
        report.problem(e.problem());
        report.count("label files skipped");
        return;
      }
    }
    if (table == null) {
      report.problem(
          Problem.of(
              map,
              "is a multi-label map with no label table (none embedded); give one with"
                  + " --label-table "
                  + source
                  + "=FILE; skipped"));
      report.count("label files skipped");
      return;
    }
    Optional<FileRef> ref = checked(map, h, grid, report);
    if (ref.isEmpty()) {
      return;
    }
    StructureMatch match = request.structureMap().match(table);
    report.count("labels not in the structure map", match.unmappedCount());
    match
        .structures()
        .forEach(
            (structure, values) ->
                add(out, new Found(source, structure, map, ref.get(), values), report));
  }

  private void add(List<Found> out, Found f, ImportReport report) {
    for (Found g : out) {
      if (g.source().equals(f.source()) && g.structure().equals(f.structure())) {
        report.problem(
            Problem.of(
                f.file(),
                "source '"
                    + f.source()
                    + "' already gives '"
                    + f.structure()
                    + "' in "
                    + g.file()
                    + "; this one is skipped"));
        report.count("structures given twice by one source");
        return;
      }
    }
    out.add(f);
  }

  private Optional<FileRef> checked(Path mask, Geometry grid, ImportReport report) {
    try {
      return checked(mask, headers.read(mask), grid, report);
    } catch (LabelCriticException e) {
      report.problem(e.problem());
      report.count("label files skipped");
      return Optional.empty();
    }
  }

  private Optional<FileRef> checked(Path mask, NiftiHeader h, Geometry grid, ImportReport report) {
    Optional<String> mismatch = grid.describeMismatch(h.geometry());
    if (mismatch.isPresent() && VoxelMapping.between(h.geometry(), grid).isPresent()) {
      // The same voxels in another axis order or direction (a mask of a DICOM series with its
      // rows flipped): the affines say how it maps, so it is the CT's grid.
      report.count("masks on the CT's grid in another axis order");
      mismatch = Optional.empty();
    }
    if (mismatch.isPresent()) {
      report.problem(
          Problem.of(
              mask, "is not on its CT's grid (CT vs mask: " + mismatch.get() + "); skipped"));
      report.count("label files skipped");
      return Optional.empty();
    }
    try {
      return Optional.of(FileDigests.ref(mask));
    } catch (LabelCriticException e) {
      report.problem(e.problem());
      report.count("label files skipped");
      return Optional.empty();
    }
  }

  private void write(
      String caseName,
      FileRef ct,
      CtHeader header,
      List<Found> found,
      Map<String, Long> sourceIds,
      ImportReport report)
      throws LabelCriticException {
    Map<String, Long> structureIds = new LinkedHashMap<>();
    for (Found f : found) {
      structureIds.computeIfAbsent(f.structure(), k -> -1L);
    }
    for (String s : structureIds.keySet()) {
      structureIds.put(s, store.structureId(s));
    }
    String geometry = header.geometryJson();
    store
        .writer()
        .inTransaction(
            w -> {
              ImportWriter.ItemResult item = w.item(ItemKind.VOLUME, caseName, ct, null, geometry);
              if (item.existingKind() != ItemKind.VOLUME) {
                report.problem(
                    Problem.of(
                        ct.path() == null ? null : Path.of(ct.path()),
                        "case '" + caseName + "' is already a " + item.existingKind() + " item"));
                return null;
              }
              report.count(item.created() ? "cases created" : "cases already present");
              if (item.imageChanged()) {
                report.problem(
                    Problem.of(
                        Path.of(ct.path()),
                        "changed since it was imported (SHA-256 differs); the stored case is kept"));
              }
              for (Found f : found) {
                var res =
                    w.candidate(
                        item.id(),
                        structureIds.get(f.structure()),
                        sourceIds.get(f.source()),
                        new CandidateLabel.Mask(f.ref(), f.values()));
                switch (res) {
                  case INSERTED -> report.count("candidates inserted");
                  case UNCHANGED -> report.count("candidates already present");
                  case CONFLICT -> {
                    report.count("candidates in conflict");
                    report.problem(
                        Problem.of(
                            f.file(),
                            "differs from the candidate stored for case '"
                                + caseName
                                + "', structure '"
                                + f.structure()
                                + "', source '"
                                + f.source()
                                + "'; the stored one is kept"));
                  }
                }
              }
              return null;
            });
  }

  static String geometryJson(Geometry g, String datatype, long volumes, Map<String, String> extra) {
    ObjectNode o = JSON.createObjectNode();
    ArrayNode dims = o.putArray("dims");
    dims.add(g.nx()).add(g.ny()).add(g.nz());
    ArrayNode spacing = o.putArray("spacing");
    spacing.add(g.sx()).add(g.sy()).add(g.sz());
    ArrayNode affine = o.putArray("affine");
    for (double v : g.affine().rowMajor()) {
      affine.add(v);
    }
    o.put("orientation", g.affine().orientation());
    o.put("datatype", datatype);
    o.put("volumes", volumes);
    new java.util.TreeMap<>(extra).forEach(o::put);
    return o.toString();
  }
}
