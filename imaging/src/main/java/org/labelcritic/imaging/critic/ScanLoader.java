package org.labelcritic.imaging.critic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.labelcritic.imaging.critic.features.CandidateInput;
import org.labelcritic.imaging.critic.features.ScanContext;
import org.labelcritic.imaging.dicom.DicomSeriesReader;
import org.labelcritic.imaging.io.ImportedFiles;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.LabelSet;
import org.labelcritic.imaging.mask.MaskReader;
import org.labelcritic.imaging.nifti.NiftiReader;
import org.labelcritic.imaging.volume.Volume;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.Item;
import org.labelcritic.model.domain.Structure;
import org.labelcritic.model.store.CriticQueries;
import org.labelcritic.model.store.Store;

/**
 * Reads what the feature critic needs of one scan item: its CT (a NIfTI file or a DICOM series
 * folder) and every mask candidate of every structure, each mask file read once through {@link
 * MaskReader} and mapped onto the CT's grid. A mask that cannot be read is remembered with why; it
 * fails only the structures that need it.
 */
public final class ScanLoader {
  private final Store store;
  private final NiftiReader nifti = new NiftiReader();
  private final DicomSeriesReader dicom = new DicomSeriesReader();
  private final MaskReader masks = new MaskReader(nifti);

  public ScanLoader(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** Loads item {@code itemId}. */
  public LoadedScan load(long itemId) throws LabelCriticException {

    CriticQueries q = new CriticQueries(store);
    Item item =
        store
            .queries()
            .item(itemId)
            .orElseThrow(
                () -> new LabelCriticException("item " + itemId + " is not in the database"));
    Volume ct = ImportedFiles.readScan(item, nifti, dicom);
    List<CriticQueries.Pair> all = new ArrayList<>();
    for (Structure s : store.structures()) {
      all.add(new CriticQueries.Pair(itemId, s.id()));
    }
    List<Candidate> candidates = new ArrayList<>();
    q.candidates(all).values().forEach(candidates::addAll);
    // One read per mask file: a multi-label map holds many structures.
    Map<String, List<Candidate>> byFile = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      if (c.label() instanceof CandidateLabel.Mask m) {
        byFile.computeIfAbsent(m.file().path(), k -> new ArrayList<>()).add(c);
      }
    }
    Map<Long, BinaryMask> read = new HashMap<>();
    Map<Long, String> problems = new HashMap<>();
    for (Map.Entry<String, List<Candidate>> e : byFile.entrySet()) {
      Path file = Path.of(e.getKey());
      List<LabelSet> sets = new ArrayList<>();
      for (Candidate c : e.getValue()) {
        sets.add(new LabelSet(key(c), Set.copyOf(((CandidateLabel.Mask) c.label()).labelValues())));
      }
      // The critic judges the masks that were imported: a changed or missing file fails the
      // candidates that name it, as in the viewer and the label export.
      String changed = changeOf(file, e.getValue());
      if (changed != null) {
        for (Candidate c : e.getValue()) {
          problems.put(c.id(), file + ": " + changed);
        }
        continue;
      }
      try {
        Map<String, BinaryMask> got = masks.read(file, sets);
        for (Candidate c : e.getValue()) {
          try {
            read.put(c.id(), got.get(key(c)).onto(ct.geometry()));
          } catch (IllegalArgumentException notOnGrid) {
            problems.put(
                c.id(), file + ": does not lie on the CT's grid: " + notOnGrid.getMessage());
          }
        }
      } catch (LabelCriticException ex) {
        for (Candidate c : e.getValue()) {
          problems.put(c.id(), ex.getMessage());
        }
      }
    }
    return new LoadedScan(item, ScanContext.of(ct), candidates, read, problems);
  }

  /** Why the file is not what these candidates imported, or null (once per stored version). */
  private static String changeOf(Path file, List<Candidate> candidates) {
    Set<FileRef> stored = new LinkedHashSet<>();
    for (Candidate c : candidates) {
      stored.add(((CandidateLabel.Mask) c.label()).file());
    }
    for (FileRef ref : stored) {
      String why = ImportedFiles.maskProblem(file, ref);
      if (why != null) {
        return why;
      }
    }
    return null;
  }

  private static String key(Candidate c) {
    return "candidate-" + c.id();
  }

  /**
   * One scan with its candidates' masks on the CT's grid, by candidate id.
   *
   * @param item the item
   * @param scan the CT and what the features need of it
   * @param candidates every candidate of every structure of the item
   * @param masks the masks that could be read, by candidate id
   * @param problems why the others could not, by candidate id
   */
  public record LoadedScan(
      Item item,
      ScanContext scan,
      List<Candidate> candidates,
      Map<Long, BinaryMask> masks,
      Map<Long, String> problems) {

    /** The candidate's mask; throws, naming the file and cause, when it could not be read. */
    public BinaryMask mask(Candidate c) throws LabelCriticException {
      BinaryMask m = masks.get(c.id());
      if (m == null) {
        String why = problems.get(c.id());
        throw new LabelCriticException(
            "case "
                + item.externalId()
                + ", candidate "
                + c.id()
                + ": "
                + (why == null ? "its mask was not loaded" : why));
      }
      return m;
    }

    /** A candidate with its source's other structures and the other sources' masks of it. */
    public CandidateInput input(String structure, Candidate c, List<Candidate> judged)
        throws LabelCriticException {
      List<BinaryMask> sameSource = new ArrayList<>();
      for (Candidate o : candidates) {
        BinaryMask m = masks.get(o.id());
        if (m != null
            && o.revision() == 0
            && o.sourceId() == c.sourceId()
            && o.structureId() != c.structureId()) {
          sameSource.add(m);
        }
      }
      List<BinaryMask> others = new ArrayList<>();
      for (Candidate o : judged) {
        if (o.id() != c.id()) {
          others.add(mask(o));
        }
      }
      return new CandidateInput(structure, mask(c), sameSource, others);
    }
  }
}
