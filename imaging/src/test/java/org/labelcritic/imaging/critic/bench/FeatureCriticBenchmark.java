package org.labelcritic.imaging.critic.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.labelcritic.imaging.bench.Shapes;
import org.labelcritic.imaging.critic.CriticModels;
import org.labelcritic.imaging.critic.features.CandidateInput;
import org.labelcritic.imaging.critic.features.FeatureExtractor;
import org.labelcritic.imaging.critic.features.FeatureVector;
import org.labelcritic.imaging.critic.features.OrganPriors;
import org.labelcritic.imaging.critic.features.ScanContext;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.Box;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.imaging.volume.Volume;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.critic.CriticVerdict;
import org.labelcritic.model.critic.PairFeatures;
import org.labelcritic.model.critic.RulesCritic;
import org.labelcritic.model.critic.onnx.FeatureCritic;
import org.labelcritic.model.critic.onnx.OnnxPairModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The feature critic on one CT-sized scan, as the quality worker runs it once the scan and masks
 * are in memory: a 512 x 512 x 300 int16 CT with nine organ-like ellipsoids (liver to adrenal size)
 * from two sources that differ by a shift and a dilation of a few voxels, so some pairs pass the
 * agreement gate and the rest go to the shipped ONNX model. Per scan: the scan context, every
 * candidate's features, every pair's features and the verdicts, on one thread and with the nine
 * structures spread over two (the worker's default pool on two cores). And the ONNX model alone:
 * batches of 10,000 pair rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 4, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "--enable-native-access=ALL-UNNAMED"})
public class FeatureCriticBenchmark {
  /** The shipped models, relative to the imaging module (the benchmark's working directory). */
  static final Path MODELS =
      Path.of("../resources/src/main/resources/org/labelcritic/resources/critic");

  /** The rows per ONNX call in {@link #onnxScoring}. */
  public static final int ROWS = 10_000;

  static final String[] ORGANS = {
    "liver",
    "spleen",
    "kidney_left",
    "kidney_right",
    "pancreas",
    "gallbladder",
    "stomach",
    "aorta",
    "adrenal_gland_left"
  };

  /** Centre and radii (voxels) of each organ, roughly where it lies on an abdominal CT. */
  static final double[][] SHAPES = {
    {180, 230, 170, 95, 80, 60},
    {360, 260, 180, 40, 45, 35},
    {330, 300, 130, 25, 28, 40},
    {180, 300, 125, 25, 28, 40},
    {270, 270, 150, 60, 15, 12},
    {200, 200, 140, 12, 12, 16},
    {320, 200, 190, 50, 40, 40},
    {256, 320, 150, 10, 10, 120},
    {320, 290, 175, 8, 10, 14}
  };

  Volume ct;
  final List<BinaryMask> sourceA = new ArrayList<>();
  final List<BinaryMask> sourceB = new ArrayList<>();
  FeatureExtractor extractor;
  OnnxPairModel model;
  FeatureCritic critic;
  ExecutorService pool;
  double[][] rows;

  @Setup
  public void setUp() throws LabelCriticException {
    Geometry g = new Geometry(512, 512, 300, 0.8, 0.8, 1.5, Affine.scaling(0.8, 0.8, 1.5));
    short[] hu = new short[Math.toIntExact(g.voxelCount())];
    Random rnd = new Random(1);
    for (int i = 0; i < hu.length; i++) {
      hu[i] = (short) (-80 + rnd.nextInt(40));
    }
    for (int k = 0; k < SHAPES.length; k++) {
      double[] s = SHAPES[k];
      BinaryMask a = Shapes.ellipsoid(g, s[0], s[1], s[2], s[3], s[4], s[5]);
      // Source B: shifted by a few voxels and a little larger.
      BinaryMask b =
          Shapes.ellipsoid(g, s[0] + 2 + k % 3, s[1] - 2, s[2] + 1, s[3] + 2, s[4] + 1, s[5] + 1);
      sourceA.add(a);
      sourceB.add(b);
      int organHu = 40 + 10 * k;
      Box box = a.bounds();
      for (int z = box.z0(); z < box.z1(); z++) {
        for (int y = box.y0(); y < box.y1(); y++) {
          for (int x = box.x0(); x < box.x1(); x++) {
            if (a.get(x, y, z)) {
              hu[x + g.nx() * (y + g.ny() * z)] = (short) (organHu + rnd.nextInt(20));
            }
          }
        }
      }
    }
    ct = new Volume(g, new Volume.Voxels.Shorts(hu, false), 1, 0, "synthetic CT");
    extractor = new FeatureExtractor(OrganPriors.defaults());
    CriticModels m = CriticModels.fromFolder(MODELS);
    model = OnnxPairModel.load(m.pairOnnx(), m.pairCard(), OnnxPairModel.Provider.CPU);
    critic = new FeatureCritic(model, new RulesCritic());
    pool = Executors.newFixedThreadPool(2);
    rows = new double[ROWS][model.card().size()];
    for (double[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        r[i] = rnd.nextGaussian();
      }
    }
  }

  @TearDown
  public void tearDown() {
    pool.shutdownNow();
    model.close();
  }

  /** The whole scan on the calling thread. */
  @Benchmark
  public int scanOneThread() throws LabelCriticException {
    ScanContext scan = ScanContext.of(ct);
    int n = 0;
    for (int k = 0; k < ORGANS.length; k++) {
      n += structure(scan, k).size();
    }
    return n;
  }

  /** The whole scan, its structures spread over two threads as the worker's pool does. */
  @Benchmark
  public int scanTwoThreads() throws Exception {
    ScanContext scan = ScanContext.of(ct);
    List<Future<List<CriticVerdict>>> parts = new ArrayList<>();
    for (int k = 0; k < ORGANS.length; k++) {
      int organ = k;
      parts.add(pool.submit(() -> structure(scan, organ)));
    }
    int n = 0;
    for (Future<List<CriticVerdict>> f : parts) {
      n += f.get().size();
    }
    return n;
  }

  /** P(A better) for {@value #ROWS} pair rows in one call (CPU, one intra-op thread). */
  @Benchmark
  public double onnxScoring() throws LabelCriticException {
    return model.probabilityA(rows)[ROWS - 1];
  }

  private List<CriticVerdict> structure(ScanContext scan, int k) throws LabelCriticException {
    CandidateInput a = input(k, sourceA, sourceB);
    CandidateInput b = input(k, sourceB, sourceA);
    FeatureVector fa = extractor.candidate(scan, a);
    FeatureVector fb = extractor.candidate(scan, b);
    FeatureVector p = extractor.pair(scan, a, b, fa, fb);
    return critic.judgeAll(
        List.of(
            new PairFeatures(
                ORGANS[k],
                FeatureExtractor.PAIR_NAMES,
                p.values(),
                false,
                false,
                p.get("dice_ab"),
                PairFeatures.Presence.UNKNOWN)));
  }

  private static CandidateInput input(int k, List<BinaryMask> own, List<BinaryMask> other) {
    List<BinaryMask> sameSource = new ArrayList<>(own);
    sameSource.remove(k);
    return new CandidateInput(ORGANS[k], own.get(k), sameSource, List.of(other.get(k)));
  }
}
