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
 * </ol>
 *
 * <p>Pair features: {@code d_<name>} = A - B for every candidate feature, then {@code dice_ab}.
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
          "prior_known");

  public static final List<String> PAIR_NAMES = pairNames();

  private static final String[] CANDIDATE = CANDIDATE_NAMES.toArray(String[]::new);
  private static final String[] PAIR = PAIR_NAMES.toArray(String[]::new);

  private final OrganPriors priors;

  public FeatureExtractor(OrganPriors priors) {
    this.priors = Objects.requireNonNull(priors, "priors");
  }

  private static List<String> pairNames() {
    String[] names = new String[CANDIDATE_NAMES.size() + 1];
    for (int i = 0; i < CANDIDATE_NAMES.size(); i++) {
      names[i] = "d_" + CANDIDATE_NAMES.get(i);
    }
    names[names.length - 1] = "dice_ab";
    return List.of(names);
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
    return new FeatureVector(CANDIDATE, v);
  }

  /** Pair features of two candidates of the same structure, in {@link #PAIR_NAMES} order. */
  public FeatureVector pair(ScanContext scan, CandidateInput a, CandidateInput b) {
    return pair(candidate(scan, a), candidate(scan, b), MaskMetrics.dice(a.mask(), b.mask()));
  }

  /** Pair features from two candidates' features and the Dice between their masks. */
  public static FeatureVector pair(FeatureVector a, FeatureVector b, double diceAb) {
    double[] va = a.values();
    double[] vb = b.values();
    if (va.length != CANDIDATE.length || vb.length != CANDIDATE.length) {
      throw new IllegalArgumentException("pair features need two candidate feature vectors");
    }
    double[] v = new double[PAIR.length];
    for (int i = 0; i < va.length; i++) {
      v[i] = va[i] - vb[i];
    }
    v[v.length - 1] = diceAb;
    return new FeatureVector(PAIR, v);
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
