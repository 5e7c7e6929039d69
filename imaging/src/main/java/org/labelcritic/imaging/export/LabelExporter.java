package org.labelcritic.imaging.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.labelcritic.imaging.io.ImportedFiles;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.LabelSet;
import org.labelcritic.imaging.mask.MaskReader;
import org.labelcritic.imaging.nifti.NiftiHeaderReader;
import org.labelcritic.imaging.nifti.NiftiReader;
import org.labelcritic.imaging.nifti.NiftiWriter;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.Problem;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.Item;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.Source;
import org.labelcritic.model.export.AtomicFiles;
import org.labelcritic.model.export.CaseProvenance;
import org.labelcritic.model.export.CaseProvenance.Status;
import org.labelcritic.model.export.FinalChoice;
import org.labelcritic.model.export.FinalChoices;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.ExportQueries;
import org.labelcritic.model.store.ExportQueries.PairHistory;
import org.labelcritic.model.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the final label of every volume item and structure in the AbdomenAtlas layout: {@code
 * DIR/<case>/segmentations/<structure>.nii.gz} (uint8 0/1 on the CT's grid) and {@code
 * DIR/<case>/provenance.json}. Which label is final: see {@link FinalChoices} with {@link
 * FinalChoices.Fallback#ONLY_CANDIDATE}. A mask file that is missing or changed since import (size
 * or SHA-256) is a problem naming the file; that structure is skipped and the rest exported. A
 * label file left from an earlier export for a structure not written now is removed, so the folder
 * always agrees with its provenance.
 */
public final class LabelExporter {
  static final String SEGMENTATIONS = "segmentations";
  static final String PROVENANCE = "provenance.json";

  private static final Logger LOG = LoggerFactory.getLogger(LabelExporter.class);

  private final Store store;
  private final MaskReader masks;
  private final NiftiWriter writer;
  private final CtGrid grids;
  private final Clock clock;

  public LabelExporter(Store store, NiftiReader nifti, NiftiWriter writer, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.masks = new MaskReader(nifti);
    this.writer = Objects.requireNonNull(writer, "writer");
    this.grids = new CtGrid(new NiftiHeaderReader(nifti.maxVoxels()));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Exports into {@code outDir}, creating it; stops between cases when cancelled. */
  public LabelExportReport run(Path outDir, Progress progress) throws LabelCriticException {
    if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
      throw LabelCriticException.inFile(outDir, "is a file; give a folder for the labels");
    }
    try {
      Files.createDirectories(outDir);
    } catch (IOException e) {
      throw LabelCriticException.inFile(outDir, "cannot create the folder: " + e.getMessage(), e);
    }
    ExportQueries queries = new ExportQueries(store);
    Map<Long, Source> sources = new HashMap<>();
    for (Source s : store.sources()) {
      sources.put(s.id(), s);
    }
    Run run =
        new Run(outDir, sources, queries.reviewerNames(), queries.countPairs(ItemKind.VOLUME));
    progress.update(0, run.total);
    try {
      queries.forEachPair(
          ItemKind.VOLUME,
          p -> {
            if (!run.pending.isEmpty() && run.pending.getFirst().item().id() != p.item().id()) {
              run.flush(progress);
            }
            run.pending.add(p);
          });
      run.flush(progress);
    } catch (Cancelled e) {
      LOG.info("Label export to {} cancelled after {} case(s)", outDir, run.cases);
      return run.report(true);
    }
    return run.report(false);
  }

  /** Unwinds the pair stream when the user cancels. */
  private static final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Cancelled() {
      super("cancelled", null, false, false);
    }
  }

  /** The state of one export. */
  private final class Run {
    final Path outDir;
    final Map<Long, Source> sources;
    final Map<Long, String> reviewers;
    final long total;
    final List<PairHistory> pending = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    long done;
    int cases;
    int written;
    int flagged;
    int undecided;

    Run(Path outDir, Map<Long, Source> sources, Map<Long, String> reviewers, long total) {
      this.outDir = outDir;
      this.sources = sources;
      this.reviewers = reviewers;
      this.total = total;
    }

    LabelExportReport report(boolean cancelled) {
      return new LabelExportReport(cases, written, flagged, undecided, problems, cancelled);
    }

    void flush(Progress progress) throws LabelCriticException {
      if (pending.isEmpty()) {
        return;
      }
      if (progress.isCancelled()) {
        throw new Cancelled();
      }
      Item item = pending.getFirst().item();
      progress.message("Exporting " + item.externalId());
      exportCase(item, List.copyOf(pending));
      done += pending.size();
      pending.clear();
      progress.update(done, total);
    }

    private void exportCase(Item item, List<PairHistory> pairs) throws LabelCriticException {
      Path caseDir = outDir.resolve(safeName(item.externalId()));
      Path segDir = caseDir.resolve(SEGMENTATIONS);
      CaseProvenance prov =
          new CaseProvenance(store.dataset(), item, sources, reviewers, clock.instant());
      Geometry grid = null;
      String gridProblem = null;
      try {
        grid = grids.of(item);
      } catch (LabelCriticException e) {
        gridProblem = e.getMessage();
      }
      // Several structures may come from one multi-label file: check and read each file once.
      Map<String, List<Chosen>> byFile = new LinkedHashMap<>();
      List<Chosen> ordered = new ArrayList<>();
      for (PairHistory p : pairs) {
        FinalChoice choice = FinalChoices.resolve(p, FinalChoices.Fallback.ONLY_CANDIDATE);
        Chosen c = new Chosen(p, choice, fileName(p));
        ordered.add(c);
        switch (choice) {
          case FinalChoice.Flagged f -> c.status = Status.FLAGGED;
          case FinalChoice.Undecided u -> c.status = Status.UNDECIDED;
          default -> {
            Candidate cand = choice.chosen().orElseThrow();
            if (!(cand.label() instanceof CandidateLabel.Mask m)) {
              c.skip(null, "the final label is a code, not a mask");
            } else if (grid == null) {
              c.skip(null, gridProblem);
            } else {
              byFile.computeIfAbsent(m.file().path(), k -> new ArrayList<>()).add(c);
            }
          }
        }
      }
      for (Map.Entry<String, List<Chosen>> e : byFile.entrySet()) {
        writeFromFile(Path.of(e.getKey()), e.getValue(), grid, segDir);
      }
      try {
        Files.createDirectories(segDir);
      } catch (IOException e) {
        throw LabelCriticException.inFile(segDir, "cannot create the folder: " + e.getMessage(), e);
      }
      for (Chosen c : ordered) {
        switch (c.status) {
          case WRITTEN -> written++;
          case FLAGGED -> flagged++;
          case UNDECIDED -> undecided++;
          case SKIPPED -> problems.add(c.problem);
        }
        if (c.status != Status.WRITTEN) {
          removeStale(segDir.resolve(c.fileName));
        }
        prov.add(
            c.pair,
            c.choice,
            c.status,
            c.status == Status.WRITTEN ? SEGMENTATIONS + "/" + c.fileName : null,
            c.voxels,
            c.problem == null ? null : c.problem.what());
      }
      AtomicFiles.write(
          caseDir.resolve(PROVENANCE),
          "a JSON file",
          tmp -> Files.writeString(tmp, prov.toJson(), StandardCharsets.UTF_8));
      cases++;
    }

    /** Checks one mask file against its import record, reads it once, writes its structures. */
    private void writeFromFile(Path file, List<Chosen> structures, Geometry grid, Path segDir)
        throws LabelCriticException {
      FileRef stored = ((CandidateLabel.Mask) structures.getFirst().candidate().label()).file();
      String changed = ImportedFiles.maskChange(file, stored);
      if (changed != null) {
        for (Chosen c : structures) {
          c.skip(file, changed + "; " + c.pair.structure().name() + " skipped");
        }
        return;
      }
      List<LabelSet> sets = new ArrayList<>();
      for (Chosen c : structures) {
        CandidateLabel.Mask m = (CandidateLabel.Mask) c.candidate().label();
        sets.add(new LabelSet(c.pair.structure().name(), m.labelValues()));
      }
      Map<String, BinaryMask> read;
      try {
        read = masks.read(file, sets);
      } catch (LabelCriticException e) {
        for (Chosen c : structures) {
          c.skip(file, e.problem().what() + "; " + c.pair.structure().name() + " skipped");
        }
        return;
      }
      for (Chosen c : structures) {
        BinaryMask onCt;
        try {
          onCt = read.get(c.pair.structure().name()).onto(grid);
        } catch (IllegalArgumentException e) {
          c.skip(
              file,
              "does not lie on the CT's grid ("
                  + e.getMessage()
                  + "); "
                  + c.pair.structure().name()
                  + " skipped");
          continue;
        }
        writer.write(segDir.resolve(c.fileName), onCt);
        c.status = Status.WRITTEN;
        c.voxels = onCt.count();
      }
    }
  }

  /** One structure of the case being exported. */
  private static final class Chosen {
    final PairHistory pair;
    final FinalChoice choice;
    final String fileName;
    Status status;
    long voxels = -1;
    Problem problem;

    Chosen(PairHistory pair, FinalChoice choice, String fileName) {
      this.pair = pair;
      this.choice = choice;
      this.fileName = fileName;
    }

    Candidate candidate() {
      return choice.chosen().orElseThrow();
    }

    void skip(Path file, String what) {
      status = Status.SKIPPED;
      problem =
          Problem.of(
              file,
              file == null
                  ? "case "
                      + pair.item().externalId()
                      + ", "
                      + pair.structure().name()
                      + ": "
                      + what
                  : what);
    }
  }

  private static String fileName(PairHistory p) {
    return safeName(p.structure().name()) + ".nii.gz";
  }

  /** A file or folder name from a case or structure name: no separators, no "." or "..". */
  static String safeName(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.isEmpty() || s.equals(".") || s.equals("..") ? "_" + s : s;
  }

  private static void removeStale(Path file) throws LabelCriticException {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw LabelCriticException.inFile(
          file, "is left from an earlier export and cannot be removed: " + e.getMessage(), e);
    }
  }
}
