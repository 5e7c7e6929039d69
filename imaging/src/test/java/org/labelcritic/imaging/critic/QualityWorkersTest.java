package org.labelcritic.imaging.critic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.imaging.critic.features.FeatureExtractor;
import org.labelcritic.imaging.critic.train.LogisticFit;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.critic.onnx.OnnxPairModel;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.VerdictOutcome;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.CriticQueries;
import org.labelcritic.model.store.Store;
import org.labelcritic.model.store.VerdictRow;
import org.labelcritic.model.worker.QualityWorker;
import org.labelcritic.model.worker.WorkerSettings;

/**
 * The quality worker on a real scan: the demo's small CT with two real label sources (a multi-label
 * map and binary masks) and one that labels the liver only, scored with small models fitted here
 * (the models' accuracy is {@code lcw critic eval}'s business, not this test's).
 */
class QualityWorkersTest {
  static final Path DEMO = Path.of("../resources/demo/volumes");
  static final String CASE = "example-ct-sm";

  @TempDir Path dir;

  private Path importCase() throws Exception {
    return ScanFixture.importCase(dir);
  }

  private Path fastMask(String structure) {
    return ScanFixture.fastMask(dir, structure);
  }

  /** Small models over the real feature names: P(A better) grows with A's consensus and volume. */
  private CriticModels models() throws LabelCriticException {
    Path out = dir.resolve("models");
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Random rnd = new Random(1);
    fit(FeatureExtractor.PAIR_NAMES, "d_volume_ml", rnd)
        .save(out.resolve(CriticModels.PAIR_ONNX), "test-pair");
    fit(FeatureExtractor.CANDIDATE_NAMES, "volume_ml", rnd)
        .save(out.resolve(CriticModels.SINGLE_ONNX), "test-single");
    return CriticModels.fromFolder(out);
  }

  private static LogisticFit fit(List<String> names, String driver, Random rnd) {
    List<double[]> rows = new ArrayList<>();
    List<Boolean> pos = new ArrayList<>();
    int k = names.indexOf(driver);
    for (int i = 0; i < 200; i++) {
      double[] r = new double[names.size()];
      for (int j = 0; j < r.length; j++) {
        r[j] = rnd.nextGaussian();
      }
      rows.add(r);
      pos.add(r[k] + 0.3 * rnd.nextGaussian() > 0);
    }
    return LogisticFit.fit(names, rows, pos, false, 1);
  }

  private static List<VerdictRow> verdicts(Store store) throws LabelCriticException {
    List<VerdictRow> out = new ArrayList<>();
    new CriticQueries(store).forEachVerdict(out::add);
    return out;
  }

  @Test
  void everyStructureOfTheScanGetsVerdictsOnceAndARestartSkipsThem() throws Exception {
    Path db = importCase();
    try (Store store = Store.open(db);
        QualityWorkers.Workers w =
            QualityWorkers.create(
                store, WorkerSettings.sameThread(), QualityWorkers.Options.defaults(models()))) {
      assertThat(w.provider()).isEqualTo(OnnxPairModel.Provider.CPU);
      assertThat(w.providerNote()).isEqualTo("CPU requested");
      long open =
          new CriticQueries(store)
              .countUnscored(ItemKind.VOLUME, w.volumes().critic(), w.volumes().modelVersion());
      QualityWorker.Report r = w.worker().run(Progress.none());
      assertThat(r.failed()).isZero();
      assertThat(r.scored()).isEqualTo(open).isPositive();

      List<VerdictRow> all = verdicts(store);
      assertThat(all).allSatisfy(v -> assertThat(v.critic()).isEqualTo("feature"));
      assertThat(all)
          .allSatisfy(v -> assertThat(v.modelVersion()).isEqualTo(w.volumes().modelVersion()));
      // The liver has three sources: three pairs, each a verdict about two of them.
      List<VerdictRow> liver = all.stream().filter(v -> v.structure().equals("liver")).toList();
      assertThat(liver).hasSize(3).allSatisfy(v -> assertThat(v.sourceB()).isNotEmpty());
      // The 1.5 mm map and the fast masks agree on the liver (Dice above 0.9): the gate says so.
      assertThat(liver)
          .filteredOn(
              v -> v.sourceA().equals("ts-v2-total-1.5mm") && v.sourceB().equals("ts-v2-fast"))
          .singleElement()
          .satisfies(v -> assertThat(v.outcome()).isEqualTo(VerdictOutcome.AGREE));
      // A structure only one source labelled is judged alone: P(good).
      assertThat(all)
          .filteredOn(v -> v.structure().equals("spleen"))
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.outcome()).isEqualTo(VerdictOutcome.SINGLE);
                assertThat(v.sourceB()).isEmpty();
              });

      QualityWorker.Report again = w.worker().run(Progress.none());
      assertThat(again.pending()).isZero();
      assertThat(verdicts(store)).hasSameSizeAs(all);
    }
  }

  @Test
  void aMissingMaskFailsOnlyItsStructureAndNamesTheFile() throws Exception {
    Path db = importCase();
    Files.delete(fastMask("kidney_left"));
    try (Store store = Store.open(db);
        QualityWorkers.Workers w =
            QualityWorkers.create(
                store, WorkerSettings.sameThread(), QualityWorkers.Options.defaults(models()))) {
      QualityWorker.Report r = w.worker().run(Progress.none());
      assertThat(r.failed()).isEqualTo(1);
      List<VerdictRow> all = verdicts(store);
      assertThat(all).noneMatch(v -> v.structure().equals("kidney_left"));
      assertThat(all).anyMatch(v -> v.structure().equals("liver"));
    }
  }

  /**
   * A mask file replaced after import (here by another organ's mask, a valid file) is not scored as
   * if it were the imported one: its structure fails, naming the file and why; the rest scores.
   */
  @Test
  void aMaskChangedSinceImportFailsOnlyItsStructureAndSaysWhy() throws Exception {
    Path db = importCase();
    Path kidney = fastMask("kidney_left");
    Files.copy(fastMask("liver"), kidney, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (Store store = Store.open(db);
        QualityWorkers.Workers w =
            QualityWorkers.create(
                store, WorkerSettings.sameThread(), QualityWorkers.Options.defaults(models()))) {
      ScanLoader.LoadedScan scan = new ScanLoader(store).load(1);
      assertThat(scan.problems().values())
          .singleElement()
          .asString()
          .contains("ts-v2-fast", "kidney_left.nii.gz")
          .contains("changed since import");
      QualityWorker.Report r = w.worker().run(Progress.none());
      assertThat(r.failed()).isEqualTo(1);
      List<VerdictRow> all = verdicts(store);
      assertThat(all).noneMatch(v -> v.structure().equals("kidney_left"));
      assertThat(all).anyMatch(v -> v.structure().equals("liver"));
    }
  }

  @Test
  void cudaRequestedWithoutCudaRunsOnCpuAndSaysWhy() throws Exception {
    Path db = importCase();
    try (Store store = Store.open(db);
        QualityWorkers.Workers w =
            QualityWorkers.create(
                store,
                WorkerSettings.sameThread(),
                QualityWorkers.Options.defaults(models())
                    .withProvider(OnnxPairModel.Provider.CUDA))) {
      if (w.provider() == OnnxPairModel.Provider.CPU) {
        // The default build has no CUDA provider; a -Pgpu build on a machine without CUDA has
        // one that cannot start. Either way the reason is kept for the UI.
        assertThat(w.providerNote()).isNotEqualTo("CPU requested").containsAnyOf("CUDA", "-Pgpu");
      } else {
        assertThat(w.providerNote()).isEqualTo("CUDA device 0");
      }
      assertThat(w.worker().run(Progress.none()).failed()).isZero();
    }
  }

  @Test
  void aMissingModelIsNamed() {
    assertThatThrownBy(() -> CriticModels.fromFolder(dir.resolve("nowhere")))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining(CriticModels.PAIR_ONNX)
        .hasMessageContaining("does not exist");
  }
}
