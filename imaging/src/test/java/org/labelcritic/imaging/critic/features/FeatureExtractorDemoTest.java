package org.labelcritic.imaging.critic.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.labelcritic.imaging.critic.errors.ErrorGenerator;
import org.labelcritic.imaging.critic.errors.ErrorType;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.LabelSet;
import org.labelcritic.imaging.mask.MaskReader;
import org.labelcritic.imaging.nifti.NiftiReader;
import org.labelcritic.imaging.volume.Volume;

/**
 * Features on the demo CT {@code example-ct-sm}: the ts-v2-fast masks as the candidates, the two
 * 1.5 mm v2 models' multi-label maps as the other sources.
 */
class FeatureExtractorDemoTest {

  static final Path DEMO = Path.of("../resources/demo/volumes");
  static final String[] ORGANS = {"liver", "spleen", "kidney_left", "kidney_right"};

  private static final FeatureExtractor EXTRACTOR = new FeatureExtractor(OrganPriors.defaults());
  private static ScanContext scan;
  private static Map<String, BinaryMask> fast;
  private static List<Map<String, BinaryMask>> others;

  @BeforeAll
  static void load() throws Exception {
    NiftiReader nifti = new NiftiReader();
    MaskReader reader = new MaskReader(nifti);
    Volume ct = nifti.read(DEMO.resolve("images/example-ct-sm/ct.nii.gz"));
    scan = ScanContext.of(ct);
    fast = new TreeMap<>();
    for (String organ : ORGANS) {
      Path f = DEMO.resolve("sources/ts-v2-fast/example-ct-sm/segmentations/" + organ + ".nii.gz");
      fast.put(organ, reader.readBinary(f).onto(ct.geometry()));
    }
    // TotalSegmentator v2 ids: spleen 1, kidney_right 2, kidney_left 3, liver 5.
    List<LabelSet> v2 =
        List.of(
            LabelSet.of("spleen", 1),
            LabelSet.of("kidney_right", 2),
            LabelSet.of("kidney_left", 3),
            LabelSet.of("liver", 5));
    others = new ArrayList<>();
    for (String source : List.of("ts-v2-total-1.5mm", "ts-v2.1-1.5mm-2023-10")) {
      Path f = DEMO.resolve("sources/" + source + "/example-ct-sm/total.nii.gz");
      Map<String, BinaryMask> m = new TreeMap<>();
      reader.read(f, v2).forEach((k, v) -> m.put(k, v.onto(ct.geometry())));
      others.add(m);
    }
  }

  private static CandidateInput input(String organ, BinaryMask mask) {
    List<BinaryMask> same = new ArrayList<>();
    fast.forEach(
        (k, v) -> {
          if (!k.equals(organ)) {
            same.add(v);
          }
        });
    return new CandidateInput(organ, mask, same, others.stream().map(m -> m.get(organ)).toList());
  }

  @Test
  void aGoodLiverBeatsAnUnderSegmentedOneInTheExpectedDirections() {
    BinaryMask good = fast.get("liver");
    BinaryMask under =
        ErrorGenerator.generate(scan.ct(), good, Map.of(), ErrorType.UNDER_SEGMENTATION, 0.5, 1)
            .mask();

    FeatureVector g = EXTRACTOR.candidate(scan, input("liver", good));
    FeatureVector u = EXTRACTOR.candidate(scan, input("liver", under));
    FeatureVector pair = EXTRACTOR.pair(scan, input("liver", good), input("liver", under), g, u);

    assertThat(g.get("volume_ml")).isGreaterThan(u.get("volume_ml"));
    assertThat(g.get("boundary_gradient")).isGreaterThan(u.get("boundary_gradient"));
    assertThat(g.get("consensus_available")).isEqualTo(1);
    assertThat(g.get("consensus_dice")).isGreaterThan(0.9);
    assertThat(u.get("consensus_dice")).isLessThan(g.get("consensus_dice"));
    // A liver's HU spread grows at its edge, where fat and vessels come in.
    assertThat(g.get("hu_sd")).isGreaterThan(u.get("hu_sd"));
    assertThat(pair.get("d_volume_ml")).isPositive();
    assertThat(pair.get("d_consensus_dice")).isPositive();
    // The rim only the good label has is liver: its HU looks like the shared core.
    assertThat(pair.get("exclusive_share_diff")).isEqualTo(1.0);
    assertThat(pair.get("disputed_evidence")).isPositive();
    assertThat(pair.get("log_volume_ratio")).isPositive();
    assertThat(pair.get("dice_ab")).isBetween(0.5, 0.99);
  }

  @Test
  void aShiftedSpleenLosesEdgeAndConsensus() {
    BinaryMask good = fast.get("spleen");
    BinaryMask shifted =
        ErrorGenerator.generate(scan.ct(), good, Map.of(), ErrorType.SHIFT, 0.8, 3).mask();

    FeatureVector g = EXTRACTOR.candidate(scan, input("spleen", good));
    FeatureVector s = EXTRACTOR.candidate(scan, input("spleen", shifted));

    assertThat(g.get("consensus_dice")).isGreaterThan(s.get("consensus_dice"));
    assertThat(Math.abs(g.get("hu_mean_z"))).isLessThan(Math.abs(s.get("hu_mean_z")));
  }

  @Test
  void realOrgansLieOnTheirExpectedSides() {
    for (String organ : ORGANS) {
      FeatureVector f = EXTRACTOR.candidate(scan, input(organ, fast.get(organ)));
      assertThat(f.get("side_deviation")).as(organ).isLessThan(0.2);
      assertThat(f.get("hu_mean")).as(organ).isBetween(0.0, 250.0);
      assertThat(f.get("components")).as(organ).isGreaterThanOrEqualTo(1);
      assertThat(f.get("same_source_overlap")).as(organ).isLessThan(0.05);
    }
  }
}
