package org.labelcritic.imaging.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.labelcritic.imaging.mask.Grids.resource;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.labelcritic.imaging.nifti.NiftiReader;

/**
 * Masks and measures on the TotalSegmentator test files (see TESTDATA.md). Voxel counts and Dice
 * figures are those of testdata/ct-seg/MANIFEST.md; distances, areas, centroids and components were
 * computed independently with numpy/scipy (binary_erosion with the 6-neighbourhood for the surface,
 * distance_transform_edt with the spacing, np.percentile, ndimage.label with a 3x3x3 structure).
 */
class MaskReaderRealFilesTest {

  private static final String SM = "ct-seg/totalseg-example-ct-sm/";
  private static final String CT = "ct-seg/totalseg-example-ct/";

  private final MaskReader reader = new MaskReader(new NiftiReader());

  private static final List<LabelSet> V2 =
      List.of(
          LabelSet.of("spleen", 1),
          LabelSet.of("kidney_right", 2),
          LabelSet.of("liver", 5),
          LabelSet.of("pancreas", 7),
          LabelSet.of("aorta", 52));

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // organ, voxels 1.5 mm, voxels fast, Dice (manifest, 4 decimals)
    "spleen, 9452, 9630, 0.9774",
    "kidney_right, 3947, 3996, 0.9641",
    "liver, 38634, 39350, 0.9814",
    "pancreas, 644, 548, 0.8087",
    "aorta, 997, 1174, 0.9175",
  })
  void diceBetweenTwoTotalSegmentatorModelsMatchesTheManifest(
      String organ, long countA, long countB, double dice) throws Exception {
    BinaryMask a = reader.read(resource(SM + "seg_totalseg_v2_total_1.5mm.nii.gz"), V2).get(organ);
    BinaryMask b =
        reader.read(resource(SM + "seg_totalseg_v2_total_fast_3mm.nii.gz"), V2).get(organ);

    assertThat(a.count()).isEqualTo(countA);
    assertThat(b.count()).isEqualTo(countB);
    assertThat(MaskMetrics.dice(a, b)).isCloseTo(dice, within(0.00005));
  }

  @Test
  void surfaceDistancesAreaCentroidAndComponentsMatchScipy() throws Exception {
    Map<String, BinaryMask> a =
        reader.read(resource(SM + "seg_totalseg_v2_total_1.5mm.nii.gz"), V2);
    Map<String, BinaryMask> b =
        reader.read(resource(SM + "seg_totalseg_v2_total_fast_3mm.nii.gz"), V2);

    // scipy: spleen HD 4.2426 (= 3 * sqrt 2), HD95 3.0, mean 0.48266; pancreas HD 14.6969,
    // HD95 5.19615 (= 3 * sqrt 3), mean 1.24460.
    SurfaceDistances spleen = SurfaceDistances.between(a.get("spleen"), b.get("spleen"));
    assertThat(spleen.hausdorffMm()).isCloseTo(4.242640687, within(1e-5));
    assertThat(spleen.hd95Mm()).isCloseTo(3.0, within(1e-5));
    assertThat(spleen.meanMm()).isCloseTo(0.482662381, within(1e-5));
    SurfaceDistances pancreas = SurfaceDistances.between(a.get("pancreas"), b.get("pancreas"));
    assertThat(pancreas.hausdorffMm()).isCloseTo(14.696938457, within(1e-5));
    assertThat(pancreas.hd95Mm()).isCloseTo(5.196152423, within(1e-5));
    assertThat(pancreas.meanMm()).isCloseTo(1.244601928, within(1e-5));

    // Fast-model liver: 12486 exposed faces of 3 x 3 mm.
    assertThat(MaskMetrics.surfaceAreaMm2(b.get("liver"))).isEqualTo(112374.0);
    // Mean voxel index (80.65128, 58.06983, 18.56003); sform = 3 * index + (-177.9563, 11.319,
    // 94.3018).
    double[] c = MaskMetrics.centroidWorld(b.get("liver"));
    assertThat(c[0]).isCloseTo(3 * 80.6512833545 - 177.9563, within(1e-3));
    assertThat(c[1]).isCloseTo(3 * 58.0698348158 + 11.319, within(1e-3));
    assertThat(c[2]).isCloseTo(3 * 18.5600254130 + 94.3018, within(1e-3));
    // Fast-model pancreas comes in two pieces of 279 and 269 voxels (27 mL voxels of 3 mm).
    assertThat(ConnectedComponents.of(b.get("pancreas")))
        .extracting(ConnectedComponents.Component::voxelCount)
        .containsExactly(279L, 269L);
    assertThat(MaskMetrics.volumeMl(b.get("pancreas"))).isCloseTo(548 * 0.027, within(1e-9));
  }

  @Test
  void float64V1MapAgainstV2MapThroughTheirOwnLabelNumbers() throws Exception {
    // v1: spleen 1, liver 5, aorta 7, pancreas 10; v2: spleen 1, liver 5, aorta 52, pancreas 7.
    Map<String, BinaryMask> v1 =
        reader.read(
            resource(CT + "seg_totalseg_v1_total_1.5mm_2022-09.nii.gz"),
            List.of(LabelSet.of("spleen", 1), LabelSet.of("liver", 5), LabelSet.of("aorta", 7)));
    Map<String, BinaryMask> v2 =
        reader.read(
            resource(CT + "seg_totalseg_v2_total_fast_3mm_forcesplit.nii.gz"),
            List.of(LabelSet.of("spleen", 1), LabelSet.of("liver", 5), LabelSet.of("aorta", 52)));

    // Manifest: spleen 0.9797, liver 0.985; aorta from numpy 0.940690.
    assertThat(MaskMetrics.dice(v1.get("spleen"), v2.get("spleen")))
        .isCloseTo(0.9797, within(5e-5));
    assertThat(MaskMetrics.dice(v1.get("liver"), v2.get("liver"))).isCloseTo(0.9850, within(5e-5));
    assertThat(MaskMetrics.dice(v1.get("aorta"), v2.get("aorta"))).isCloseTo(0.94069, within(5e-6));
  }

  @Test
  void multiLabelMapAndPerOrganFileOfTheSameRunAgree() throws Exception {
    BinaryMask fromMap =
        reader.read(resource(SM + "seg_totalseg_v2_total_fast_3mm.nii.gz"), V2).get("liver");
    BinaryMask fromFile =
        reader.readBinary(resource(SM + "segmentations_totalseg_v2_fast/liver.nii.gz"));

    assertThat(fromFile.count()).isEqualTo(39350);
    assertThat(MaskMetrics.dice(fromMap, fromFile)).isEqualTo(1.0);
  }

  @Test
  void unionOfLabelValuesMakesTheT716Aorta() throws Exception {
    // numpy: true lumen (1) 37595 voxels, false lumen (2) 36170, union 73765.
    Map<String, BinaryMask> m =
        reader.read(
            resource("ct-seg/totalseg-aorta-crop/seg_T716_aorta_true_false_lumen.nii.gz"),
            List.of(LabelSet.of("aorta", 1, 2), LabelSet.of("true_lumen", 1)));

    assertThat(m.get("aorta").count()).isEqualTo(73765);
    assertThat(m.get("true_lumen").count()).isEqualTo(37595);
  }
}
