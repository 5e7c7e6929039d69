package org.labelcritic.imaging.critic.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.Box;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.imaging.volume.Volume;

class FeatureExtractorTest {

  private final FeatureExtractor extractor = new FeatureExtractor(OrganPriors.defaults());

  static Geometry grid(int n, double sx, double sy, double sz) {
    return new Geometry(n, n, n, sx, sy, sz, Affine.scaling(sx, sy, sz));
  }

  /** Voxels within {@code r} mm of voxel (cx, cy, cz). */
  static BinaryMask ball(Geometry g, int cx, int cy, int cz, double r) {
    return BinaryMask.of(
        g,
        (x, y, z) ->
            sq((x - cx) * g.sx()) + sq((y - cy) * g.sy()) + sq((z - cz) * g.sz()) <= r * r);
  }

  /** A CT of {@code inside} HU on the mask and {@code outside} HU elsewhere. */
  static Volume ct(BinaryMask m, int inside, int outside) {
    Geometry g = m.geometry();
    short[] v = new short[Math.toIntExact(g.voxelCount())];
    for (int z = 0, i = 0; z < g.nz(); z++) {
      for (int y = 0; y < g.ny(); y++) {
        for (int x = 0; x < g.nx(); x++, i++) {
          v[i] = (short) (m.get(x, y, z) ? inside : outside);
        }
      }
    }
    return new Volume(g, new Volume.Voxels.Shorts(v, false), 1, 0, "synthetic");
  }

  private FeatureVector alone(ScanContext scan, String structure, BinaryMask m) {
    return extractor.candidate(scan, CandidateInput.alone(structure, m));
  }

  @Test
  void aSphereOfSixtyHuInFatHasTheExpectedFeatures() {
    Geometry g = grid(40, 1, 1, 1);
    BinaryMask sphere = ball(g, 20, 20, 20, 8);
    ScanContext scan = ScanContext.of(ct(sphere, 60, -100));

    FeatureVector f = alone(scan, "spleen", sphere);

    assertThat(f.names()).containsExactlyElementsOf(FeatureExtractor.CANDIDATE_NAMES);
    assertThat(f.get("empty")).isZero();
    assertThat(f.get("volume_ml")).isCloseTo(4 / 3.0 * Math.PI * 512 / 1000, within(0.05));
    assertThat(f.get("components")).isEqualTo(1);
    assertThat(f.get("largest_component_share")).isEqualTo(1);
    assertThat(f.get("hu_mean")).isEqualTo(60);
    assertThat(f.get("hu_sd")).isZero();
    assertThat(f.get("boundary_gradient")).isGreaterThan(40);
    // The voxelised surface reads about 8% larger than the smooth one.
    assertThat(f.get("sphericity")).isCloseTo(1.0, within(0.1));
    assertThat(f.get("slice_gaps")).isZero();
    assertThat(f.get("missing_slice_fraction")).isZero();
    assertThat(f.get("fov_truncated")).isZero();
    // Centred on the grid (plane at x = 19.5 mm): voxel columns x <= 19 are on the left.
    assertThat(f.get("left_fraction")).isBetween(0.4, 0.6);
    assertThat(f.get("prior_known")).isEqualTo(1);
    assertThat(f.get("volume_z")).isCloseTo((f.get("volume_ml") - 220) / 100, within(1e-12));
    assertThat(f.get("hu_mean_z")).isCloseTo((60 - 110) / 40.0, within(1e-12));
    assertThat(f.get("consensus_available")).isZero();
  }

  @Test
  void sphericityStaysNearOneOnAnAnisotropicGridAndDropsForAFlatSlab() {
    Geometry g = grid(40, 1, 1, 2.5);
    BinaryMask sphere = ball(g, 20, 20, 20, 12);
    ScanContext scan = ScanContext.of(ct(sphere, 60, -100));
    BinaryMask slab = BinaryMask.of(g, new Box(5, 5, 18, 35, 35, 20)::contains);

    assertThat(alone(scan, "x", sphere).get("sphericity")).isCloseTo(1.0, within(0.12));
    assertThat(alone(scan, "x", slab).get("sphericity")).isLessThan(0.65);
  }

  @Test
  void sideComesFromTheAffineAndTheBody() {
    Geometry g = grid(40, 1, 1, 1);
    BinaryMask onLeft = ball(g, 8, 20, 20, 5);
    ScanContext scan = ScanContext.of(ct(onLeft, 60, -100));

    assertThat(scan.plane().worldX()).isCloseTo(19.5, within(1e-9));
    assertThat(alone(scan, "spleen", onLeft).get("left_fraction")).isEqualTo(1.0);
    assertThat(alone(scan, "spleen", onLeft).get("side_deviation")).isZero();
    assertThat(alone(scan, "liver", onLeft).get("side_deviation")).isCloseTo(0.9, within(1e-9));
    assertThat(alone(scan, "colon", onLeft).get("side_deviation")).isZero();
  }

  @Test
  void gapsAlongTheSliceAxisAreCounted() {
    Geometry g = grid(40, 1, 1, 1);
    BinaryMask sphere = ball(g, 20, 20, 20, 8);
    BinaryMask gapped =
        BinaryMask.of(g, (x, y, z) -> sphere.get(x, y, z) && z != 16 && z != 20 && z != 21);
    ScanContext scan = ScanContext.of(ct(sphere, 60, -100));

    FeatureVector f = alone(scan, "x", gapped);

    assertThat(f.get("slice_gaps")).isEqualTo(2);
    assertThat(f.get("missing_slice_fraction")).isCloseTo(3 / 17.0, within(1e-12));
    assertThat(f.get("components")).isEqualTo(3);
  }

  @Test
  void anEmptyMaskGetsTheDocumentedDefaults() {
    Geometry g = grid(20, 1, 1, 1);
    ScanContext scan = ScanContext.of(ct(BinaryMask.empty(g), 0, 40));

    FeatureVector f = alone(scan, "liver", BinaryMask.empty(g));
    FeatureVector unknown = alone(scan, "tumour", BinaryMask.empty(g));

    assertThat(f.get("empty")).isEqualTo(1);
    assertThat(f.get("volume_ml")).isZero();
    assertThat(f.get("volume_z")).isCloseTo(-1600 / 400.0, within(1e-12));
    assertThat(f.get("hu_mean")).isEqualTo(100);
    assertThat(f.get("hu_mean_z")).isZero();
    assertThat(f.get("left_fraction")).isEqualTo(0.5);
    assertThat(f.get("sphericity")).isZero();
    assertThat(unknown.get("prior_known")).isZero();
    assertThat(unknown.get("volume_z")).isZero();
    assertThat(unknown.get("hu_mean")).isZero();
  }

  @Test
  void overlapWithTheSameSourceAndConsensusOfTheOthers() {
    Geometry g = grid(20, 1, 1, 1);
    BinaryMask a = BinaryMask.of(g, new Box(2, 2, 2, 12, 12, 12)::contains);
    BinaryMask b = BinaryMask.of(g, new Box(7, 2, 2, 17, 12, 12)::contains);
    BinaryMask far = BinaryMask.of(g, new Box(15, 15, 15, 18, 18, 18)::contains);
    ScanContext scan = ScanContext.of(ct(a, 60, -100));

    FeatureVector withOthers =
        extractor.candidate(scan, new CandidateInput("liver", a, List.of(b), List.of(a, a, b)));
    FeatureVector oneOther =
        extractor.candidate(scan, new CandidateInput("liver", a, List.of(far), List.of(b)));

    assertThat(withOthers.get("same_source_overlap")).isEqualTo(0.5);
    assertThat(withOthers.get("consensus_available")).isEqualTo(1);
    assertThat(withOthers.get("consensus_dice")).isEqualTo(1.0);
    assertThat(FeatureExtractor.consensusDice(a, List.of(b, b))).isEqualTo(0.5);
    assertThat(oneOther.get("same_source_overlap")).isZero();
    assertThat(oneOther.get("consensus_available")).isZero();
    assertThat(oneOther.get("consensus_dice")).isZero();
  }

  @Test
  void pairFeaturesAreDifferencesPlusDice() {
    Geometry g = grid(20, 1, 1, 1);
    BinaryMask a = BinaryMask.of(g, new Box(2, 2, 2, 12, 12, 12)::contains);
    BinaryMask b = BinaryMask.of(g, new Box(7, 2, 2, 17, 12, 12)::contains);
    ScanContext scan = ScanContext.of(ct(a, 60, -100));

    FeatureVector p =
        extractor.pair(scan, CandidateInput.alone("liver", a), CandidateInput.alone("liver", b));

    assertThat(p.names()).containsExactlyElementsOf(FeatureExtractor.PAIR_NAMES);
    assertThat(p.size())
        .isEqualTo(
            FeatureExtractor.CANDIDATE_NAMES.size() + 1 + FeatureExtractor.EXTRA_PAIR_NAMES.size());
    assertThat(p.get("d_volume_ml")).isZero();
    // B is half on A's 60 HU and half on -100 HU.
    assertThat(p.get("d_hu_mean")).isCloseTo(60 - (-20), within(1e-9));
    assertThat(p.get("dice_ab")).isEqualTo(0.5);
    // Each has 500 voxels the other lacks: A's are 60 HU like the shared core, B's are -100 HU.
    assertThat(p.get("exclusive_share_diff")).isZero();
    assertThat(p.get("log_volume_ratio")).isZero();
    assertThat(p.get("disputed_evidence")).isEqualTo(1.0);
    // B's own voxels lie 160 HU from the core, whose spread is floored at 10 HU: 16 spreads x 1/2.
    assertThat(p.get("disputed_hu_z_diff")).isCloseTo(-8, within(1e-9));

    FeatureVector swapped =
        extractor.pair(scan, CandidateInput.alone("liver", b), CandidateInput.alone("liver", a));
    assertThat(swapped.get("disputed_evidence")).isEqualTo(-1.0);
    assertThat(swapped.get("disputed_hu_z_diff")).isCloseTo(8, within(1e-9));
  }

  @Test
  void aLabelCutShortEndsAbruptlyAndItsShellLooksLikeTheOrgan() {
    Geometry g = grid(30, 1, 1, 1);
    BinaryMask ball =
        BinaryMask.of(
            g, (x, y, z) -> (x - 15) * (x - 15) + (y - 15) * (y - 15) + (z - 15) * (z - 15) <= 100);
    BinaryMask cut = BinaryMask.of(g, (x, y, z) -> ball.get(x, y, z) && z < 15);
    ScanContext scan = ScanContext.of(ct(ball, 60, -100));

    FeatureVector whole = extractor.candidate(scan, CandidateInput.alone("liver", ball));
    FeatureVector half = extractor.candidate(scan, CandidateInput.alone("liver", cut));

    // A ball's end slice is one voxel of its 317-voxel equator; the cut one ends on the equator.
    assertThat(whole.get("abrupt_end")).isLessThan(0.05);
    assertThat(half.get("abrupt_end")).isEqualTo(1.0);
    // Outside the ball is -100 HU; past the cut, the shell is the ball's own 60 HU.
    assertThat(whole.get("outer_organ_like")).isZero();
    assertThat(half.get("outer_organ_like")).isGreaterThan(0.2);
    assertThat(whole.get("shell_contrast")).isEqualTo(10.0);
  }

  @Test
  void priorsCanBeOverridden() {
    OrganPriors custom =
        OrganPriors.defaults().with(new OrganPrior("Liver", 1000, 100, 60, 10, 20, 5, Double.NaN));

    assertThat(custom.find("liver").orElseThrow().volumeMl()).isEqualTo(1000);
    assertThat(custom.find("spleen")).isPresent();
    assertThat(custom.find("inferior_vena_cava")).isPresent();
    assertThat(OrganPriors.none().find("liver")).isEmpty();
    assertThatThrownBy(() -> new OrganPrior("x", 1, 0, 1, 1, 1, 1, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void featureVectorsRejectNaNAndMasksOffTheGrid() {
    assertThatThrownBy(() -> new FeatureVector(new String[] {"a"}, new double[] {Double.NaN}))
        .hasMessageContaining("a");
    Geometry g = grid(20, 1, 1, 1);
    ScanContext scan = ScanContext.of(ct(BinaryMask.empty(g), 0, 40));
    BinaryMask other = BinaryMask.empty(grid(10, 1, 1, 1));
    assertThatThrownBy(() -> alone(scan, "liver", other)).hasMessageContaining("10x10x10");
  }

  private static double sq(double v) {
    return v * v;
  }
}
