package org.labelcritic.imaging.critic.features;

import java.util.List;
import java.util.Objects;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.Box;
import org.labelcritic.imaging.mask.ConnectedComponents;
import org.labelcritic.imaging.mask.MaskMetrics;
import org.labelcritic.imaging.volume.Geometry;

/**
 * The feature critic's input: per-candidate features from the CT and the mask, and pair features as
 * differences. The order of {@link #CANDIDATE_NAMES} and {@link #PAIR_NAMES} is the model's input
 * contract: append, never reorder.
 *
 * <p>Candidate features, and the value each takes when it is undefined (output is never NaN):
 *
 * <ol>
 *   <li>{@code empty}: 1 for an empty mask, else 0.
 *   <li>{@code volume_ml}: volume, mL.
 *   <li>{@code volume_z}: (volume - prior) / prior sd; 0 without a prior.
 *   <li>{@code components}: 26-connected components; 0 when empty.
 *   <li>{@code largest_component_share}: the largest component's share of the voxels; 0 when empty.
 *   <li>{@code hu_mean}, {@code hu_sd}: mean and standard deviation of HU inside the mask; when
 *       empty, the prior's values (so their z-scores are 0), or 0 without a prior.
 *   <li>{@code hu_mean_z}, {@code hu_sd_z}: their z-scores against the prior; 0 without a prior.
 *   <li>{@code boundary_gradient}: mean |grad HU| (HU/mm, central differences) over the mask's
 *       surface voxels (those with a face neighbour outside); a label on the organ's edge scores
 *       high. 0 when empty.
 *   <li>{@code sphericity}: pi^(1/3) (6V)^(2/3) / A with A the smooth surface area (total variation
 *       of the indicator): 1 for a ball, less for anything elongated, flat or ragged. 0 when empty.
 *   <li>{@code slice_gaps}: runs of empty slices between the mask's first and last slice along the
 *       head-to-foot axis; 0 when empty.
 *   <li>{@code missing_slice_fraction}: empty slices in that range over its length; 0 when empty.
 *   <li>{@code fov_truncated}: 1 when the mask reaches the first or last slice of the scan, so its
 *       volume is cut by the field of view; 0 otherwise and when empty.
 *   <li>{@code left_fraction}: share of voxels on the patient's left of the mid-sagittal plane; 0.5
 *       when empty.
 *   <li>{@code side_deviation}: |left_fraction - the prior's expected left fraction|; 0 when the
 *       prior has no expectation, there is no prior, or the mask is empty.
 *   <li>{@code same_source_overlap}: voxels shared with the same source's other structures over the
 *       mask's voxels (pairwise overlaps summed, capped at 1); 0 when empty or alone.
 *   <li>{@code consensus_available}: 1 when at least two other sources gave this structure.
 *   <li>{@code consensus_dice}: Dice to the majority vote (more than half) of the other sources'
 *       masks; 0 when fewer than two others exist (then {@code consensus_available} is 0).
 *   <li>{@code prior_known}: 1 when the organ priors know this structure.
 *   <li>{@code abs_volume_z}, {@code abs_hu_mean_z}, {@code abs_hu_sd_z}: the three z-scores'
 *       magnitudes (how atypical, in either direction).
 *   <li>{@code outer_organ_like}: share of the one-voxel shell just outside the mask whose HU is
 *       within one spread (at least 10 HU) of the mask's mean: high when the label stops short of
 *       its organ. 0 when empty.
 *   <li>{@code shell_contrast}: |mean HU of that shell - the mask's mean| in spreads, capped at 10:
 *       high when the label ends on the organ's edge. 0 when empty.
 *   <li>{@code abrupt_end}: the larger of the first and last slice's voxel count (head-to-foot)
 *       over the widest slice's, leaving out an end at the scan's edge: organs taper, a label cut
 *       short ends wide. 0 when empty or fewer than three slices.
 * </ol>
 *
 * <p>Pair features: {@code d_<name>} = A - B for every candidate feature, then {@code dice_ab},
 * then (appended later; each is antisymmetric, so swapping A and B flips its sign):
 *
 * <ol>
 *   <li>{@code abs_volume_z_diff}, {@code abs_hu_mean_z_diff}, {@code abs_hu_sd_z_diff}: |z(A)| -
 *       |z(B)|: which label is further from the organ's typical volume, HU mean and spread.
 *   <li>{@code log_volume_ratio}: ln(V(A) / V(B)); 0 when either is empty.
 *   <li>{@code exclusive_share_diff}: (|A\B| - |B\A|) / |A xor B|; 0 when the labels are equal.
 *   <li>{@code disputed_evidence}: over the voxels only one label has, the share that looks like
 *       the organ (HU within two spreads of the voxels both labels share, or of the prior when they
 *       share too few) counts for the label that has it, the share that does not counts against it;
 *       in -1..1, positive for A.
 *   <li>{@code disputed_hu_z_diff}: share(A\B) x |mean HU(A\B) - core| / spread minus the same for
 *       B\A: how unlike the organ each label's own voxels are.
 *   <li>{@code disputed_neighbour_diff}: share of A\B inside A's source's other structures minus
 *       that of B\B's: a label whose extra voxels belong to a neighbour has spilled.
 * </ol>
 */
public final class FeatureExtractor {

  public static final List<String> CANDIDATE_NAMES =
      List.of(
          "empty",
          "volume_ml",
          "volume_z",
          "components",
          "largest_component_share",
          "hu_mean",
          "hu_sd",
          "hu_mean_z",
          "hu_sd_z",
          "boundary_gradient",
          "sphericity",
          "slice_gaps",
          "missing_slice_fraction",
          "fov_truncated",
          "left_fraction",
          "side_deviation",
          "same_source_overlap",
          "consensus_available",
          "consensus_dice",
          "prior_known",
          "abs_volume_z",
          "abs_hu_mean_z",
          "abs_hu_sd_z",
          "outer_organ_like",
          "shell_contrast",
          "abrupt_end");

  /** The candidate features before {@code dice_ab} in the pair features (the first version's). */
  static final int FIRST_CANDIDATE_FEATURES = 20;

  /** The pair features after {@code dice_ab}, in order. */
  public static final List<String> EXTRA_PAIR_NAMES =
      List.of(
          "log_volume_ratio",
          "exclusive_share_diff",
          "disputed_evidence",
          "disputed_hu_z_diff",
          "disputed_neighbour_diff");

  public static final List<String> PAIR_NAMES = pairNames();

  /** Fewer shared voxels than this and the disputed voxels are judged against the prior. */
  static final long MIN_CORE = 64;

  /** The smallest HU spread the organ-likeness test allows. */
  static final double MIN_SPREAD = 10;

  private static final String[] CANDIDATE = CANDIDATE_NAMES.toArray(String[]::new);
  private static final String[] PAIR = PAIR_NAMES.toArray(String[]::new);

  private final OrganPriors priors;

  public FeatureExtractor(OrganPriors priors) {
    this.priors = Objects.requireNonNull(priors, "priors");
  }

  private static List<String> pairNames() {
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < FIRST_CANDIDATE_FEATURES; i++) {
      names.add("d_" + CANDIDATE_NAMES.get(i));
    }
    names.add("dice_ab");
    for (int i = FIRST_CANDIDATE_FEATURES; i < CANDIDATE_NAMES.size(); i++) {
      names.add("d_" + CANDIDATE_NAMES.get(i));
    }
    names.addAll(EXTRA_PAIR_NAMES);
    return List.copyOf(names);
  }

  /** The features of one candidate, in {@link #CANDIDATE_NAMES} order. */
  public FeatureVector candidate(ScanContext scan, CandidateInput in) {
    BinaryMask m = in.mask();
    Geometry g = scan.ct().geometry();
    requireGrid(g, m);
    in.sameSourceOthers().forEach(o -> requireGrid(g, o));
    in.otherSources().forEach(o -> requireGrid(g, o));
    OrganPrior p = priors.find(in.structure()).orElse(null);
    double[] v = new double[CANDIDATE.length];
    double volume = MaskMetrics.volumeMl(m);
    v[0] = m.isEmpty() ? 1 : 0;
    v[1] = volume;
    v[2] = p == null ? 0 : (volume - p.volumeMl()) / p.volumeSdMl();
    v[5] = p == null ? 0 : p.huMean();
    v[6] = p == null ? 0 : p.huSpread();
    v[14] = 0.5;
    if (!m.isEmpty()) {
      List<ConnectedComponents.Component> parts = ConnectedComponents.of(m);
      v[3] = parts.size();
      v[4] = (double) parts.get(0).voxelCount() / m.count();
      VoxelMeasures vm = VoxelMeasures.of(scan, m);
      v[5] = vm.huMean;
      v[6] = vm.huSd;
      v[9] = vm.boundaryGradient;
      v[10] = sphericity(volume * 1000, vm.surfaceAreaMm2);
      v[11] = vm.sliceGaps;
      v[12] = vm.missingSliceFraction;
      v[13] = vm.touchesFovEnd ? 1 : 0;
      v[14] = vm.leftFraction;
      v[15] =
          p == null || Double.isNaN(p.leftFraction())
              ? 0
              : Math.abs(vm.leftFraction - p.leftFraction());
      v[16] = sameSourceOverlap(m, in.sameSourceOthers());
      v[23] = vm.outerOrganLike;
      v[24] = vm.shellContrast;
      v[25] = vm.abruptEnd;
    }
    if (p != null) {
      v[7] = (v[5] - p.huMean()) / p.huMeanSd();
      v[8] = (v[6] - p.huSpread()) / p.huSpreadSd();
    }
    if (in.otherSources().size() >= 2) {
      v[17] = 1;
      v[18] = consensusDice(m, in.otherSources());
    }
    v[19] = p == null ? 0 : 1;
    v[20] = Math.abs(v[2]);
    v[21] = Math.abs(v[7]);
    v[22] = Math.abs(v[8]);
    return new FeatureVector(CANDIDATE, v);
  }

  /** Pair features of two candidates of the same structure, in {@link #PAIR_NAMES} order. */
  public FeatureVector pair(ScanContext scan, CandidateInput a, CandidateInput b) {
    return pair(scan, a, b, candidate(scan, a), candidate(scan, b));
  }

  /**
   * Pair features from two candidates and their already computed candidate features ({@link
   * #candidate}), in {@link #PAIR_NAMES} order.
   */
  public FeatureVector pair(
      ScanContext scan, CandidateInput a, CandidateInput b, FeatureVector fa, FeatureVector fb) {
    double[] va = fa.values();
    double[] vb = fb.values();
    if (va.length != CANDIDATE.length || vb.length != CANDIDATE.length) {
      throw new IllegalArgumentException("pair features need two candidate feature vectors");
    }
    requireGrid(scan.ct().geometry(), a.mask());
    requireGrid(scan.ct().geometry(), b.mask());
    double[] v = new double[PAIR.length];
    int k = 0;
    for (int i = 0; i < FIRST_CANDIDATE_FEATURES; i++) {
      v[k++] = va[i] - vb[i];
    }
    v[k++] = MaskMetrics.dice(a.mask(), b.mask());
    for (int i = FIRST_CANDIDATE_FEATURES; i < va.length; i++) {
      v[k++] = va[i] - vb[i];
    }
    v[k++] = va[1] > 0 && vb[1] > 0 ? Math.log(va[1] / vb[1]) : 0;
    Disputed d = disputed(scan, a, b, priors.find(a.structure()).orElse(null));
    v[k++] = d.exclusiveShareDiff;
    v[k++] = d.evidence;
    v[k++] = d.huZDiff;
    v[k] = d.neighbourDiff;
    return new FeatureVector(PAIR, v);
  }

  /** What the voxels only one label has say about the two labels. */
  private record Disputed(
      double exclusiveShareDiff, double evidence, double huZDiff, double neighbourDiff) {}

  /**
   * One pass over the two masks' joint box: the shared voxels' HU (the core), then each label's own
   * voxels judged against it.
   */
  private static Disputed disputed(
      ScanContext scan, CandidateInput ca, CandidateInput cb, OrganPrior prior) {
    BinaryMask a = ca.mask();
    BinaryMask b = cb.mask();
    Box span = a.bounds().span(b.bounds());
    var ct = scan.ct();
    long core = 0;
    double coreSum = 0;
    double coreSq = 0;
    long onlyA = 0;
    long onlyB = 0;
    double sumA = 0;
    double sumB = 0;
    for (int z = span.z0(); z < span.z1(); z++) {
      for (int y = span.y0(); y < span.y1(); y++) {
        for (int x = span.x0(); x < span.x1(); x++) {
          boolean inA = a.get(x, y, z);
          boolean inB = b.get(x, y, z);
          if (!inA && !inB) {
            continue;
          }
          double hu = ct.value(x, y, z);
          if (inA && inB) {
            core++;
            coreSum += hu;
            coreSq += hu * hu;
          } else if (inA) {
            onlyA++;
            sumA += hu;
          } else {
            onlyB++;
            sumB += hu;
          }
        }
      }
    }
    long disputed = onlyA + onlyB;
    if (disputed == 0) {
      return new Disputed(0, 0, 0, 0);
    }
    double mean;
    double spread;
    if (core >= MIN_CORE) {
      mean = coreSum / core;
      spread = Math.sqrt(Math.max(0, coreSq / core - mean * mean));
    } else if (prior != null) {
      mean = prior.huMean();
      spread = prior.huSpread();
    } else {
      mean = Double.NaN;
      spread = Double.NaN;
    }
    spread = Math.max(MIN_SPREAD, spread);
    double shareA = (double) onlyA / disputed;
    double shareB = (double) onlyB / disputed;
    double evidence = 0;
    double huZ = 0;
    if (!Double.isNaN(mean)) {
      long likeA = 0;
      long likeB = 0;
      double lo = mean - 2 * spread;
      double hi = mean + 2 * spread;
      for (int z = span.z0(); z < span.z1(); z++) {
        for (int y = span.y0(); y < span.y1(); y++) {
          for (int x = span.x0(); x < span.x1(); x++) {
            boolean inA = a.get(x, y, z);
            if (inA == b.get(x, y, z)) {
              continue;
            }
            double hu = ct.value(x, y, z);
            if (hu >= lo && hu <= hi) {
              if (inA) {
                likeA++;
              } else {
                likeB++;
              }
            }
          }
        }
      }
      // An organ-like voxel only A has counts for A, an unlike one against it; the same for B.
      evidence = ((2.0 * likeA - onlyA) - (2.0 * likeB - onlyB)) / disputed;
      double zA = onlyA == 0 ? 0 : Math.abs(sumA / onlyA - mean) / spread;
      double zB = onlyB == 0 ? 0 : Math.abs(sumB / onlyB - mean) / spread;
      huZ = Math.min(10, shareA * zA) - Math.min(10, shareB * zB);
    }
    double nA =
        onlyA == 0 ? 0 : Math.min(1, exclusiveIn(a, b, ca.sameSourceOthers()) / (double) onlyA);
    double nB =
        onlyB == 0 ? 0 : Math.min(1, exclusiveIn(b, a, cb.sameSourceOthers()) / (double) onlyB);
    return new Disputed(shareA - shareB, evidence, huZ, shareA * nA - shareB * nB);
  }

  /** Voxels of {@code m} outside {@code other} that lie in any of {@code neighbours}. */
  private static long exclusiveIn(BinaryMask m, BinaryMask other, List<BinaryMask> neighbours) {
    if (neighbours.isEmpty()) {
      return 0;
    }
    long n = 0;
    Box b = m.bounds();
    for (BinaryMask o : neighbours) {
      Box s = b.intersect(o.bounds());
      for (int z = s.z0(); z < s.z1(); z++) {
        for (int y = s.y0(); y < s.y1(); y++) {
          for (int x = s.x0(); x < s.x1(); x++) {
            if (m.get(x, y, z) && !other.get(x, y, z) && o.get(x, y, z)) {
              n++;
            }
          }
        }
      }
    }
    return n;
  }

  private static double sphericity(double volumeMm3, double areaMm2) {
    if (!(areaMm2 > 0)) {
      return 0;
    }
    return Math.cbrt(Math.PI) * Math.pow(6 * volumeMm3, 2.0 / 3.0) / areaMm2;
  }

  private static double sameSourceOverlap(BinaryMask m, List<BinaryMask> others) {
    long shared = 0;
    for (BinaryMask o : others) {
      shared += MaskMetrics.intersectionCount(m, o);
    }
    return Math.min(1.0, (double) shared / m.count());
  }

  /**
   * Dice between {@code m} and the voxels that more than half of {@code others} contain, counted
   * voxel by voxel over the others' joint bounding box without building the vote mask.
   */
  static double consensusDice(BinaryMask m, List<BinaryMask> others) {
    Box span = Box.EMPTY;
    for (BinaryMask o : others) {
      span = span.span(o.bounds());
    }
    int n = others.size();
    long votes = 0;
    long both = 0;
    for (int z = span.z0(); z < span.z1(); z++) {
      for (int y = span.y0(); y < span.y1(); y++) {
        for (int x = span.x0(); x < span.x1(); x++) {
          int k = 0;
          for (int i = 0; i < n; i++) {
            if (others.get(i).get(x, y, z)) {
              k++;
            }
          }
          if (2 * k > n) {
            votes++;
            if (m.get(x, y, z)) {
              both++;
            }
          }
        }
      }
    }
    long sum = votes + m.count();
    return sum == 0 ? 1.0 : 2.0 * both / sum;
  }

  private static void requireGrid(Geometry g, BinaryMask m) {
    Geometry mg = m.geometry();
    if (mg.nx() != g.nx() || mg.ny() != g.ny() || mg.nz() != g.nz()) {
      throw new IllegalArgumentException(
          "a mask on " + mg.dimsText() + " does not lie on the CT's grid " + g.dimsText());
    }
  }
}
