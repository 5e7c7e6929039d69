package org.labelcritic.imaging.critic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.labelcritic.imaging.critic.features.CandidateInput;
import org.labelcritic.imaging.critic.features.FeatureExtractor;
import org.labelcritic.imaging.critic.features.FeatureVector;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.MaskReader;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.critic.CandidateFeatures;
import org.labelcritic.model.critic.CriticVerdict;
import org.labelcritic.model.critic.PairFeatures;
import org.labelcritic.model.critic.ReasonsJson;
import org.labelcritic.model.critic.onnx.FeatureCritic;
import org.labelcritic.model.critic.onnx.SingleLabelCritic;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.Structure;
import org.labelcritic.model.store.NewVerdict;
import org.labelcritic.model.store.Store;
import org.labelcritic.model.worker.ItemScorer;
import org.labelcritic.model.worker.ScoringTask;

/**
 * Scores the structures of CT scans for the quality worker: for each item it loads the CT (NIfTI
 * file or DICOM series folder) and every source's masks once (each mask file read once, through
 * {@link MaskReader}), then per structure runs the agreement gate, the rules and the feature
 * critic's ONNX model on every pair of the sources' candidates, or the single-label model when one
 * source labelled it. Reviewer edits (revision above 0) are not judged.
 *
 * <p>Every verdict carries this scorer's {@link #critic()} and {@link #modelVersion()} (both
 * models' versions and the gate's), so a retrained model scores everything again. Loaded items are
 * kept in a small cache (the worker hands out structures in item order), so a scan is read once per
 * run however many structures it has.
 *
 * <p>Thread-safe: several pool threads may score structures of the same or different items.
 */
public final class VolumeScorer implements ItemScorer {
  /** Structures per batch: a batch is about one scan, so its verdicts are stored as it ends. */
  public static final int BATCH = 16;

  private final Store store;
  private final FeatureExtractor extractor;
  private final FeatureCritic pairs;
  private final SingleLabelCritic singles;
  private final ScanLoader loader;
  private final int cacheItems;
  private final Object lock = new Object();
  private final LinkedHashMap<Long, CompletableFuture<ScanLoader.LoadedScan>> cache =
      new LinkedHashMap<>(8, 0.75f, true);
  private volatile Map<Long, String> structureNames = Map.of();

  /**
   * @param cacheItems scans kept loaded at once (one per worker thread, plus one)
   */
  public VolumeScorer(
      Store store,
      FeatureExtractor extractor,
      FeatureCritic pairs,
      SingleLabelCritic singles,
      int cacheItems) {
    this.store = Objects.requireNonNull(store, "store");
    this.extractor = Objects.requireNonNull(extractor, "extractor");
    this.pairs = Objects.requireNonNull(pairs, "pairs");
    this.singles = Objects.requireNonNull(singles, "singles");
    if (cacheItems < 1) {
      throw new IllegalArgumentException("the scan cache needs room for one scan: " + cacheItems);
    }
    this.cacheItems = cacheItems;
    this.loader = new ScanLoader(store);
  }

  @Override
  public ItemKind kind() {
    return ItemKind.VOLUME;
  }

  @Override
  public String critic() {
    return FeatureCritic.NAME;
  }

  @Override
  public String modelVersion() {
    return pairs.modelVersion() + ";single=" + singles.modelVersion();
  }

  @Override
  public int batchSize() {
    return BATCH;
  }

  @Override
  public List<NewVerdict> score(ScoringTask task) throws LabelCriticException {
    List<Candidate> judged = new ArrayList<>(task.candidates().size());
    for (Candidate c : task.candidates()) {
      if (c.revision() == 0 && c.label() instanceof CandidateLabel.Mask) {
        judged.add(c);
      }
    }
    if (judged.isEmpty()) {
      return List.of();
    }
    ScanLoader.LoadedScan item = load(task.itemId());
    String structure = structureName(task.structureId());
    List<CandidateInput> inputs = new ArrayList<>(judged.size());
    List<FeatureVector> features = new ArrayList<>(judged.size());
    for (Candidate c : judged) {
      CandidateInput in = item.input(structure, c, judged);
      inputs.add(in);
      features.add(extractor.candidate(item.scan(), in));
    }
    List<NewVerdict> out = new ArrayList<>();
    if (judged.size() == 1) {
      CriticVerdict v =
          singles.judge(
              new CandidateFeatures(
                  structure, FeatureExtractor.CANDIDATE_NAMES, features.getFirst().values()));
      out.add(verdict(task, judged.getFirst(), OptionalLong.empty(), v));
      return out;
    }
    List<PairFeatures> rows = new ArrayList<>();
    List<int[]> which = new ArrayList<>();
    for (int i = 0; i < judged.size(); i++) {
      for (int j = i + 1; j < judged.size(); j++) {
        FeatureVector f =
            extractor.pair(
                item.scan(), inputs.get(i), inputs.get(j), features.get(i), features.get(j));
        BinaryMask a = inputs.get(i).mask();
        BinaryMask b = inputs.get(j).mask();
        rows.add(
            new PairFeatures(
                structure,
                FeatureExtractor.PAIR_NAMES,
                f.values(),
                a.isEmpty(),
                b.isEmpty(),
                a.isEmpty() && b.isEmpty() ? 1 : f.get("dice_ab"),
                PairFeatures.Presence.UNKNOWN));
        which.add(new int[] {i, j});
      }
    }
    List<CriticVerdict> verdicts = pairs.judgeAll(rows);
    for (int k = 0; k < verdicts.size(); k++) {
      int[] ij = which.get(k);
      out.add(
          verdict(
              task, judged.get(ij[0]), OptionalLong.of(judged.get(ij[1]).id()), verdicts.get(k)));
    }
    return out;
  }

  private NewVerdict verdict(ScoringTask task, Candidate a, OptionalLong b, CriticVerdict v) {
    return new NewVerdict(
        task.itemId(),
        task.structureId(),
        a.id(),
        b,
        v.outcome(),
        v.confidence(),
        critic(),
        modelVersion(),
        ReasonsJson.write(v.reasons()));
  }

  private String structureName(long id) throws LabelCriticException {
    String name = structureNames.get(id);
    if (name == null) {
      Map<Long, String> fresh = new HashMap<>();
      for (Structure s : store.structures()) {
        fresh.put(s.id(), s.name());
      }
      structureNames = Map.copyOf(fresh);
      name = fresh.get(id);
      if (name == null) {
        throw new LabelCriticException("structure " + id + " is not in the database");
      }
    }
    return name;
  }

  /** The scan and masks of one item, read once and shared by the threads that need them. */
  private ScanLoader.LoadedScan load(long itemId) throws LabelCriticException {
    CompletableFuture<ScanLoader.LoadedScan> f;
    boolean mine = false;
    synchronized (lock) {
      f = cache.get(itemId);
      if (f == null) {
        f = new CompletableFuture<>();
        cache.put(itemId, f);
        mine = true;
        Iterator<Long> eldest = cache.keySet().iterator();
        while (cache.size() > cacheItems && eldest.hasNext()) {
          if (eldest.next() != itemId) {
            eldest.remove();
          }
        }
      }
    }
    if (mine) {
      try {
        f.complete(loader.load(itemId));
      } catch (LabelCriticException | RuntimeException | OutOfMemoryError e) {
        f.completeExceptionally(e);
      }
    }
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof LabelCriticException lce) {
        throw lce;
      }
      throw new LabelCriticException(
          "scan " + itemId + " cannot be loaded: " + LabelCriticException.describe(e.getCause()));
    }
  }
}
