package org.labelcritic.imaging.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.imaging.dicom.DicomSeriesReader;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.EditableMask;
import org.labelcritic.imaging.mask.MaskMetrics;
import org.labelcritic.imaging.mask.MaskReader;
import org.labelcritic.imaging.nifti.NiftiReader;
import org.labelcritic.imaging.nifti.NiftiWriter;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.domain.Structure;
import org.labelcritic.model.importing.FileDigests;
import org.labelcritic.model.job.CancellableProgress;
import org.labelcritic.model.store.Store;

/**
 * The small example CT (122 x 101 x 30, 3 mm slices) with a binary liver mask and a multi-label map
 * (liver = 5), copied from the test resources.
 */
class ReviewCaseLoaderTest {
  static final String CASE = "/ct-seg/totalseg-example-ct-sm/";

  @TempDir Path dir;
  Store store;
  ExecutorService pool;
  long item;
  long liver;
  Path ct;
  Path fastLiver;

  @BeforeEach
  void dataset() throws Exception {
    ct = copy("ct.nii.gz");
    fastLiver = copy("segmentations_totalseg_v2_fast/liver.nii.gz");
    Path total = copy("seg_totalseg_v2_total_1.5mm.nii.gz");
    store = Store.open(dir.resolve("review.db"));
    long fast = store.sourceId("fast", SourceKind.MODEL, "2");
    long tot = store.sourceId("total", SourceKind.MODEL, "2");
    liver = store.structureId("liver");
    item =
        store
            .writer()
            .inTransaction(
                w -> {
                  long id = w.item(ItemKind.VOLUME, "case-1", FileDigests.ref(ct), null, "{}").id();
                  w.candidate(id, liver, fast, mask(fastLiver, 1));
                  w.candidate(id, liver, tot, mask(total, 5));
                  return id;
                });
    pool = Executors.newSingleThreadExecutor();
  }

  @AfterEach
  void close() throws Exception {
    pool.shutdownNow();
    store.close();
  }

  ReviewCaseLoader loader() {
    return new ReviewCaseLoader(
        store, new NiftiReader(), new DicomSeriesReader(), 256L << 20, pool);
  }

  @Test
  void loadsTheScanAndEveryCandidatesMaskOnItsGrid() throws Exception {
    CancellableProgress progress = new CancellableProgress();

    ReviewCase c = loader().load(item, liver, progress);

    assertThat(c.scan().geometry().nx()).isEqualTo(122);
    assertThat(c.candidates()).hasSize(2);
    assertThat(c.candidates()).allSatisfy(k -> assertThat(k.problem()).isNull());
    assertThat(c.candidates()).allSatisfy(k -> assertThat(k.mask().count()).isPositive());
    assertThat(c.candidates().get(0).label()).isEqualTo("fast");
    assertThat(progress.done()).isEqualTo(3);
    assertThat(progress.total()).isEqualTo(3);
  }

  @Test
  void aDicomSeriesFolderIsReadAndAMaskWithFlippedRowsIsMappedOntoIt() throws Exception {
    Path series = Path.of(getClass().getResource("/dicom-series/totalseg_ct_dicom").toURI());
    Path seg =
        Path.of(
            getClass()
                .getResource("/ct-seg/totalseg-example-dicom/seg_totalseg_v2_total_fast_3mm.nii.gz")
                .toURI());
    long source = store.sourceId("fast-dicom", SourceKind.MODEL, "2");
    long dicomItem =
        store
            .writer()
            .inTransaction(
                w -> {
                  long id =
                      w.item(
                              ItemKind.VOLUME,
                              "dicom-case",
                              FileDigests.folderRef(series),
                              null,
                              "{}")
                          .id();
                  w.candidate(id, liver, source, mask(seg, 5));
                  return id;
                });

    ReviewCase c = loader().load(dicomItem, liver, new CancellableProgress());

    assertThat(c.scan().geometry().dimsText()).isEqualTo("512x512x20");
    CaseCandidate k = c.candidates().getFirst();
    assertThat(k.problem()).isNull();
    assertThat(k.mask().geometry()).isEqualTo(c.scan().geometry());
    BinaryMask onFile =
        new MaskReader(new NiftiReader())
            .read(seg, List.of(new org.labelcritic.imaging.mask.LabelSet("l", java.util.Set.of(5))))
            .get("l");
    assertThat(k.mask().count()).isEqualTo(onFile.count()).isPositive();
    // Mask row j is DICOM row 511 - j.
    var b = onFile.bounds();
    int[] v = null;
    for (int z = b.z0(); z < b.z1() && v == null; z++) {
      for (int y = b.y0(); y < b.y1() && v == null; y++) {
        for (int x = b.x0(); x < b.x1() && v == null; x++) {
          if (onFile.get(x, y, z)) {
            v = new int[] {x, y, z};
          }
        }
      }
    }
    assertThat(k.mask().get(v[0], 511 - v[1], v[2])).isTrue();
  }

  @Test
  void aPrefetchedCaseComesFromTheCache() throws Exception {
    ReviewCaseLoader loader = loader();
    loader.prefetch(item, liver);
    ReviewCase first = loader.load(item, liver, new CancellableProgress());

    ReviewCase second = loader.load(item, liver, new CancellableProgress());

    assertThat(loader.scanCached(item)).isTrue();
    assertThat(second.scan()).isSameAs(first.scan());
    assertThat(second.candidates().get(1).mask()).isSameAs(first.candidates().get(1).mask());
  }

  @Test
  void aMissingScanNamesTheFile() throws Exception {
    Files.delete(ct);

    assertThatThrownBy(() -> loader().load(item, liver, new CancellableProgress()))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining(ct.toString())
        .hasMessageContaining("missing");
  }

  @Test
  void aScanThatCouldNotBeReadIsReadAgainOnceItIsBack() throws Exception {
    ReviewCaseLoader loader = loader();
    Path kept = dir.resolve("kept.nii.gz");
    Files.move(ct, kept);
    assertThatThrownBy(() -> loader.load(item, liver, new CancellableProgress()))
        .isInstanceOf(LabelCriticException.class);
    assertThat(loader.scanCached(item)).isFalse();

    Files.move(kept, ct);

    assertThat(loader.load(item, liver, new CancellableProgress()).scan().nx()).isEqualTo(122);
  }

  @Test
  void aChangedMaskIsAProblemOfThatCandidateOnly() throws Exception {
    Files.write(fastLiver, new byte[] {1, 2, 3});

    ReviewCase c = loader().load(item, liver, new CancellableProgress());

    assertThat(c.candidates().get(0).problem().file()).isEqualTo(fastLiver);
    assertThat(c.candidates().get(0).problem().what()).contains("changed since import");
    assertThat(c.candidates().get(0).mask().isEmpty()).isTrue();
    assertThat(c.candidates().get(1).problem()).isNull();
  }

  @Test
  void aCancelledLoadStopsWaiting() {
    CancellableProgress progress = new CancellableProgress();
    progress.cancel();

    assertThatThrownBy(() -> loader().load(item, liver, progress))
        .isInstanceOf(CancellationException.class);
  }

  @Test
  void anEditIsSavedBesideTheDatabaseAndRegisteredAsTheReviewersCandidate() throws Exception {
    ReviewCase c = loader().load(item, liver, new CancellableProgress());
    EditableMask edit = new EditableMask(c.candidates().get(0).mask());
    edit.paint(new int[] {20, 20, 10}, 0, 1, 4, true);
    BinaryMask edited = edit.toMask();
    EditSaver saver = new EditSaver(store, new NiftiWriter());
    Structure s = c.structure();

    long first = saver.save(c.item(), s, "ana", edited);
    long second = saver.save(c.item(), s, "ana", edited);

    Path file = dir.resolve("review.edits/case-1/liver-ana-1.nii.gz");
    assertThat(file).isRegularFile();
    assertThat(dir.resolve("review.edits/case-1/liver-ana-2.nii.gz")).isRegularFile();
    List<Candidate> cands = store.queries().candidates(item, liver);
    Candidate saved = cands.stream().filter(k -> k.id() == first).findFirst().orElseThrow();
    assertThat(saved.revision()).isEqualTo(1);
    assertThat(cands.stream().filter(k -> k.id() == second).findFirst().orElseThrow().revision())
        .isEqualTo(2);
    assertThat(store.sources().stream().filter(x -> x.id() == saved.sourceId()).findFirst())
        .get()
        .satisfies(x -> assertThat(x.kind()).isEqualTo(SourceKind.PERSON));
    CandidateLabel.Mask m = (CandidateLabel.Mask) saved.label();
    assertThat(m.file()).isEqualTo(FileDigests.ref(file));
    BinaryMask back = new MaskReader(new NiftiReader()).readBinary(file);
    assertThat(back.count()).isEqualTo(edited.count());
    assertThat(MaskMetrics.dice(back, edited)).isEqualTo(1.0);
    ReviewCase again = loader().load(item, liver, new CancellableProgress());
    assertThat(again.candidate(first))
        .get()
        .satisfies(k -> assertThat(k.label()).isEqualTo("ana r1"));
  }

  @Test
  void aReviewerNamedLikeAModelIsRefused() throws Exception {
    ReviewCase c = loader().load(item, liver, new CancellableProgress());

    assertThatThrownBy(
            () ->
                new EditSaver(store, new NiftiWriter())
                    .save(c.item(), c.structure(), "fast", c.candidates().get(0).mask()))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("model source");
    // Refused before anything was written: no file nobody refers to.
    assertThat(dir.resolve("review.edits/case-1/liver-fast-1.nii.gz")).doesNotExist();
  }

  private Path copy(String name) throws Exception {
    Path target = dir.resolve("data").resolve(name);
    Files.createDirectories(target.getParent());
    Files.copy(Path.of(getClass().getResource(CASE + name).toURI()), target);
    return target;
  }

  private static CandidateLabel.Mask mask(Path file, int value) throws LabelCriticException {
    return new CandidateLabel.Mask(FileDigests.ref(file), new TreeSet<>(List.of(value)));
  }
}
