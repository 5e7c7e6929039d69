package org.labelcritic.imaging.review;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.labelcritic.imaging.dicom.DicomSeriesReader;
import org.labelcritic.imaging.io.ImportedFiles;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.LabelSet;
import org.labelcritic.imaging.mask.MaskReader;
import org.labelcritic.imaging.nifti.NiftiReader;
import org.labelcritic.imaging.volume.Volume;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.Problem;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.Item;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.Source;
import org.labelcritic.model.domain.Structure;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads what the viewer shows for an item and structure: the scan (a NIfTI file or a DICOM series
 * folder) and each candidate's mask (a binary mask or a multi-label map, read through {@link
 * MaskReader}) on the scan's grid. Scans and masks are kept in caches bounded by bytes, and {@link
 * #prefetch} starts reading the next case before it is shown. A file is read by the thread that
 * first asks for it (a load, or a prefetch task on the executor given); a load that finds a file
 * being read by another thread waits for it, looking at its cancel flag. Thread-safe.
 *
 * <p>A scan that is missing, unreadable or changed since import fails the load with a message that
 * names the file and the cause; a mask with such a problem is shown as an empty candidate carrying
 * the problem, so the rest of the case can still be reviewed.
 */
public final class ReviewCaseLoader {
  private static final Logger LOG = LoggerFactory.getLogger(ReviewCaseLoader.class);

  /** How often a waiting load looks at its cancel flag. */
  private static final long POLL_MS = 20;

  private final Store store;
  private final NiftiReader nifti;
  private final DicomSeriesReader dicom;
  private final MaskReader masks;
  private final Executor executor;
  private final AsyncCache<Long, Read<Volume>> scans;
  private final AsyncCache<Long, Read<BinaryMask>> maskCache;

  /**
   * A finished read: its value, or the problem that kept it from being read. Failures are values,
   * not failed futures, so an expected problem (a missing file) is not logged as a crash; they are
   * removed from the cache at once so that the next load tries again.
   */
  private record Read<T>(T value, LabelCriticException error) {
    T get() throws LabelCriticException {
      if (error != null) {
        throw error;
      }
      return value;
    }
  }

  /** A read that may fail with a message for the user. */
  @FunctionalInterface
  private interface FileRead<T> {
    T read() throws LabelCriticException;
  }

  /**
   * @param cacheBytes heap for recent scans and masks together (scans get three quarters)
   * @param executor where prefetches run (an IO pool the caller owns)
   */
  public ReviewCaseLoader(
      Store store, NiftiReader nifti, DicomSeriesReader dicom, long cacheBytes, Executor executor) {
    this.store = Objects.requireNonNull(store, "store");
    this.nifti = Objects.requireNonNull(nifti, "nifti");
    this.dicom = Objects.requireNonNull(dicom, "dicom");
    this.masks = new MaskReader(nifti);
    this.executor = Objects.requireNonNull(executor, "executor");
    // Weights in KiB so that a cache of many GiB fits Caffeine's int weights.
    this.scans =
        Caffeine.newBuilder()
            .maximumWeight(Math.max(1, cacheBytes / 4 * 3 / 1024))
            .weigher(
                (Long k, Read<Volume> r) ->
                    r.value() == null
                        ? 0
                        : (int) Math.min(Integer.MAX_VALUE, r.value().bytes() / 1024))
            .executor(executor)
            .buildAsync();
    this.maskCache =
        Caffeine.newBuilder()
            .maximumWeight(Math.max(1, cacheBytes / 4 / 1024))
            .weigher(
                (Long k, Read<BinaryMask> r) ->
                    r.value() == null
                        ? 0
                        : (int) Math.min(Integer.MAX_VALUE, r.value().bytes() / 1024 + 1))
            .executor(executor)
            .buildAsync();
  }

  /**
   * The case of {@code itemId} and {@code structureId}, from the caches where it can.
   *
   * @throws LabelCriticException when the item is unknown, has no scan, or its scan cannot be read
   * @throws CancellationException when {@code progress} is cancelled before it is ready
   */
  public ReviewCase load(long itemId, long structureId, Progress progress)
      throws LabelCriticException {
    Pending p = start(itemId, structureId);
    int total = 1 + p.masks.size();
    progress.message(p.item.externalId() + " · " + p.structure.name());
    progress.update(0, total);
    p.readOwn(progress);
    Volume scan = await(p.scan, progress).get();
    progress.update(1, total);
    List<CaseCandidate> out = new ArrayList<>();
    int done = 1;
    for (int i = 0; i < p.candidates.size(); i++) {
      Candidate c = p.candidates.get(i);
      Source source = p.sources.get(c.sourceId());
      CompletableFuture<Read<BinaryMask>> f = p.masks.get(i);
      BinaryMask mask = BinaryMask.empty(scan.geometry());
      Problem problem = null;
      try {
        mask = await(f, progress).get();
        mask = mask.onto(scan.geometry());
      } catch (LabelCriticException e) {
        problem = e.problem();
      } catch (IllegalArgumentException e) {
        problem = Problem.of(maskPath(c), "does not lie on the scan's grid: " + e.getMessage());
      }
      if (problem != null) {
        LOG.warn("{}: {}", p.item.externalId(), problem.message());
      }
      out.add(new CaseCandidate(c, source, mask, problem));
      progress.update(++done, total);
    }
    return new ReviewCase(p.item, p.structure, scan, out);
  }

  /** Starts reading the case in the background, so that a later {@link #load} is quick. */
  public void prefetch(long itemId, long structureId) {
    CompletableFuture.runAsync(
        () -> {
          try {
            start(itemId, structureId).readOwn(Progress.none());
          } catch (LabelCriticException e) {
            // The load that shows the case reports it; a prefetch only warms the caches.
            LOG.debug("prefetch of item {} failed: {}", itemId, e.getMessage());
          }
        },
        executor);
  }

  /** Whether the scan of an item is in the cache (read or being read). */
  public boolean scanCached(long itemId) {
    return scans.getIfPresent(itemId) != null;
  }

  /**
   * The reads of one case, found in the caches or to be done by the thread that asked for them
   * ({@code own}, scan first).
   */
  private record Pending(
      Item item,
      Structure structure,
      List<Candidate> candidates,
      Map<Long, Source> sources,
      CompletableFuture<Read<Volume>> scan,
      List<CompletableFuture<Read<BinaryMask>>> masks,
      List<OwnRead> own) {

    /**
     * Does this thread's reads; once cancelled, the rest fail as cancelled (so they leave the cache
     * and a later load reads them again).
     */
    void readOwn(Progress progress) {
      for (OwnRead r : own) {
        if (progress.isCancelled()) {
          break;
        }
        r.read().run();
      }
      CancellationException cancelled = new CancellationException("loading was cancelled");
      for (OwnRead r : own) {
        r.future().completeExceptionally(cancelled);
      }
    }
  }

  /** A read this thread does, and the future it completes. */
  private record OwnRead(CompletableFuture<?> future, Runnable read) {}

  /**
   * A future of {@code cache} this thread completes by calling {@code read}, registered in {@code
   * own}; a failed read leaves the cache.
   */
  private static <T> CompletableFuture<Read<T>> own(
      List<OwnRead> own, AsyncCache<Long, Read<T>> cache, long key, FileRead<T> read) {
    CompletableFuture<Read<T>> f = new CompletableFuture<>();
    own.add(
        new OwnRead(
            f,
            () -> {
              if (f.isDone()) {
                return;
              }
              try {
                f.complete(new Read<>(read.read(), null));
              } catch (LabelCriticException e) {
                cache.asMap().remove(key, f);
                f.complete(new Read<>(null, e));
              } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
              }
            }));
    return f;
  }

  /** The item asked for is not a scan (a form cell): there is nothing for a scan viewer to show. */
  public static final class NotAScan extends LabelCriticException {
    private final transient Item item;

    NotAScan(Item item) {
      super("item " + item.externalId() + " is not a scan");
      this.item = item;
    }

    /** The item, whose kind says what it is. */
    public Item item() {
      return item;
    }
  }

  private Pending start(long itemId, long structureId) throws LabelCriticException {
    Item item =
        store
            .queries()
            .item(itemId)
            .orElseThrow(() -> new LabelCriticException("item " + itemId + " is not in the store"));
    if (item.kind() != ItemKind.VOLUME) {
      throw new NotAScan(item);
    }
    Structure structure =
        store.structures().stream()
            .filter(s -> s.id() == structureId)
            .findFirst()
            .orElseThrow(
                () ->
                    new LabelCriticException("structure " + structureId + " is not in the store"));
    Map<Long, Source> sources = new HashMap<>();
    for (Source s : store.sources()) {
      sources.put(s.id(), s);
    }
    List<Candidate> candidates = new ArrayList<>();
    for (Candidate c : store.queries().candidates(itemId, structureId)) {
      if (c.label() instanceof CandidateLabel.Mask) {
        candidates.add(c);
      }
    }
    List<OwnRead> own = new ArrayList<>();
    CompletableFuture<Read<Volume>> scan =
        scans.get(itemId, (k, ex) -> own(own, scans, k, () -> readScan(item)));
    List<CompletableFuture<Read<BinaryMask>>> maskReads = new ArrayList<>();
    for (Candidate c : candidates) {
      maskReads.add(maskCache.get(c.id(), (k, ex) -> own(own, maskCache, k, () -> readMask(c))));
    }
    return new Pending(item, structure, candidates, sources, scan, maskReads, own);
  }

  private Volume readScan(Item item) throws LabelCriticException {
    return ImportedFiles.readScan(item, nifti, dicom);
  }

  private BinaryMask readMask(Candidate c) throws LabelCriticException {
    CandidateLabel.Mask m = (CandidateLabel.Mask) c.label();
    Path path = Path.of(m.file().path());
    try {
      String changed = ImportedFiles.maskProblem(path, m.file());
      if (changed != null) {
        throw LabelCriticException.inFile(path, changed);
      }
      LabelSet set = new LabelSet("candidate", Set.copyOf(m.labelValues()));
      return masks.read(path, List.of(set)).get(set.name());
    } catch (RuntimeException e) {
      throw LabelCriticException.inFile(
          path, "cannot be read: " + LabelCriticException.describe(e), e);
    }
  }

  private static Path maskPath(Candidate c) {
    return Path.of(((CandidateLabel.Mask) c.label()).file().path());
  }

  /** Waits for a read, looking at the cancel flag every few milliseconds. */
  private static <T> T await(CompletableFuture<T> f, Progress progress)
      throws LabelCriticException {
    while (true) {
      if (progress.isCancelled()) {
        throw new CancellationException("loading was cancelled");
      }
      try {
        return f.get(POLL_MS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // look at the cancel flag again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("loading was interrupted");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof CompletionException ce && ce.getCause() != null) {
          cause = ce.getCause();
        }
        if (cause instanceof CancellationException ce) {
          throw ce;
        }
        if (cause instanceof LabelCriticException lce) {
          throw lce;
        }
        throw new LabelCriticException(
            Problem.of(null, "reading failed: " + LabelCriticException.describe(cause)), cause);
      }
    }
  }
}
