package org.labelcritic.imaging.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.labelcritic.imaging.nifti.CraftedNifti.resource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.labelcritic.imaging.volume.Volume;
import org.labelcritic.imaging.volume.Volume.Voxels;

/**
 * Voxels of every real file in the test resources. The expected numbers were computed independently
 * with a 20-line numpy script (gzip.decompress, np.frombuffer at vox_offset with the header's dtype
 * and byte order, first volume only): the sum of the stored values over the first volume and the
 * stored value at three linear indices. Checking the whole-volume sum catches a wrong byte order,
 * offset or type anywhere in the file.
 */
class NiftiReaderRealFilesTest {

  private final NiftiReader reader = new NiftiReader();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // file, kind, voxels, stored sum, index a, value a, index b, value b, last stored value
    "nifti/anatomical.nii, int16, 33825, 284166082, 0, 10712, 1525, 7388, 2971",
    "nifti/dcm_qa_ts_Ref_1.nii, int16, 143360, 38036663, 4423, 11, 71680, 0, 14",
    "nifti/dcm_qa_12bit_Ref_3.nii, int16, 143360, 40476428, 4423, 10, 71680, 0, 12",
    "nifti/dcm_qa_12bit_Ref_4.nii, int16, 143360, 38125324, 4423, 10, 71680, 0, 12",
    "nifti/example4d.nii.gz, int16, 294912, 50994397, 0, 0, 12935, 0, 0",
    "nifti/example_nifti2.nii.gz, int16, 7680, 3461748, 0, 424, 807, 400, 484",
    "nifti/functional.nii, int16, 1071, 7463909, 0, 11980, 449, 11040, 558",
    "nifti/someones_anatomy.nii.gz, uint8, 213864, 23849669, 0, 6, 4111, 13, 3",
    "nifti/standard.nii.gz, uint8, 140, 7650, 139, 255, 47, 0, 255",
    "ct-seg/totalseg-example-ct-sm/ct.nii.gz, int16, 369660, -130894872, 0, -1024, 37583, -113,"
        + " -997",
    "ct-seg/totalseg-example-ct-sm/seg_totalseg_v2_total_fast_3mm.nii.gz, uint8, 369660, 2777948,"
        + " 0, 0, 37583, 0, 0",
    "ct-seg/totalseg-example-ct-sm/segmentations_totalseg_v2_fast/liver.nii.gz, uint8, 369660,"
        + " 39350, 0, 0, 37583, 0, 0",
    "ct-seg/totalseg-example-ct/seg_totalseg_v1_total_1.5mm_2022-09.nii.gz, int16, 1380064,"
        + " 21094893, 0, 0, 37583, 0, 0",
    "ct-seg/totalseg-example-dicom/seg_totalseg_v2_total_fast_3mm.nii.gz, uint8, 5242880,"
        + " 14229599, 0, 0, 788999, 0, 0",
    "ct-seg/totalseg-aorta-crop/seg_T264_aorta.nii.gz, uint8, 2479680, 73277, 0, 0, 45967, 0, 0",
    "ct-seg/totalseg-aorta-crop/seg_T710_renal_arteries.nii.gz, uint8, 2479680, 294006, 0, 0,"
        + " 45967, 0, 0",
    "ct-seg/totalseg-aorta-crop/seg_T716_aorta_true_false_lumen.nii.gz, uint8, 2479680, 109935, 0,"
        + " 0, 45967, 0, 0",
    "ct-seg/totalseg-aorta-crop/seg_totalseg_total_aorta.nii.gz, uint8, 2479680, 72810, 0, 0,"
        + " 45967, 0, 0",
  })
  void readsTheSameValuesAsAnIndependentReader(
      String file,
      String kind,
      long voxels,
      long storedSum,
      int indexA,
      double valueA,
      int indexB,
      double valueB,
      double last)
      throws Exception {
    Volume v = reader.read(resource(file));

    assertThat(v.geometry().voxelCount()).isEqualTo(voxels);
    assertThat(kindOf(v.voxels())).isEqualTo(kind);
    assertThat(v.voxels().stored(indexA)).isEqualTo(valueA);
    assertThat(v.voxels().stored(indexB)).isEqualTo(valueB);
    assertThat(v.voxels().stored((int) voxels - 1)).isEqualTo(last);
    long sum = 0;
    for (int i = 0; i < voxels; i++) {
      sum += (long) v.voxels().stored(i);
    }
    assertThat(sum).isEqualTo(storedSum);
  }

  @Test
  void bigEndianFloat32IsReadAsFloats() throws Exception {
    Volume v = reader.read(resource("nifti/reoriented_anat_moved.nii"));

    // numpy: max 21199.935546875, sum 32739769.449157715 (float64 accumulation).
    assertThat(v.voxels()).isInstanceOf(Voxels.Floats.class);
    double sum = 0;
    double max = 0;
    for (int i = 0; i < v.geometry().voxelCount(); i++) {
      sum += v.value(i);
      max = Math.max(max, v.value(i));
    }
    assertThat(max).isEqualTo(21199.935546875);
    assertThat(sum).isCloseTo(32739769.449157715, within(1e-3));
  }

  @Test
  void appliesSclSlopeAndInterOfFunctionalNii() throws Exception {
    Volume v = reader.read(resource("nifti/functional.nii"));

    // Header: scl_slope 0.07540696859359741, scl_inter 3100.76171875 (float32 fields).
    // Voxel 0 stores 11980: 11980 * 0.07540696859359741 + 3100.76171875 = 4004.137202501297.
    assertThat(v.slope()).isEqualTo(0.07540696859359741);
    assertThat(v.intercept()).isEqualTo(3100.76171875);
    assertThat(v.value(0)).isCloseTo(4004.137202501297, within(1e-9));
    assertThat(v.value(1070)).isCloseTo(3142.8388072252274, within(1e-9));
    assertThat(v.description()).isEqualTo("functional.nii (volume 1 of 20)");
  }

  @Test
  void dcmQa12BitReferencesHoldTheMaskedAndSignExtendedStripes() throws Exception {
    // dcm_qa_12bit: stripes of 0x0F0F and 0xFFFF in a 12-bit image decode to 3855 and 4095
    // (unsigned, Ref 3) or -241 and -1 (signed, Ref 4); numpy counts 232 and 128 of each.
    Volume unsigned = reader.read(resource("nifti/dcm_qa_12bit_Ref_3.nii"));
    Volume signed = reader.read(resource("nifti/dcm_qa_12bit_Ref_4.nii"));

    assertThat(count(unsigned, 3855)).isEqualTo(232);
    assertThat(count(unsigned, 4095)).isEqualTo(128);
    assertThat(count(signed, -241)).isEqualTo(232);
    assertThat(count(signed, -1)).isEqualTo(128);
  }

  @Test
  void int32CtIsStoredAsShortsWhenItsValuesFit() throws Exception {
    // The v1 1.5 mm TotalSegmentator map is float64 with label values 0..104: stored as int16.
    Volume labels =
        reader.read(
            resource("ct-seg/totalseg-example-ct/seg_totalseg_v1_total_1.5mm_2022-09.nii.gz"));

    assertThat(labels.voxels()).isInstanceOf(Voxels.Shorts.class);
    assertThat(labels.bytes()).isEqualTo(2L * 122 * 101 * 112);
    assertThat(count(labels, 5)).isEqualTo(41602); // liver, from the ct-seg manifest
  }

  @Test
  void geometryComesFromTheHeader() throws Exception {
    Volume v = reader.read(resource("ct-seg/totalseg-example-ct-sm/ct.nii.gz"));

    assertThat(v.geometry().dimsText()).isEqualTo("122x101x30");
    assertThat(v.geometry().sx()).isEqualTo(3.0);
    assertThat(v.geometry().affine().get(0, 3)).isCloseTo(-177.9563, within(1e-4));
    assertThat(v.description()).isEqualTo("ct.nii.gz");
  }

  private static int count(Volume v, double value) {
    int n = 0;
    for (int i = 0; i < v.geometry().voxelCount(); i++) {
      n += v.value(i) == value ? 1 : 0;
    }
    return n;
  }

  static String kindOf(Voxels v) {
    return switch (v) {
      case Voxels.Bytes b -> b.unsigned() ? "uint8" : "int8";
      case Voxels.Shorts s -> s.unsigned() ? "uint16" : "int16";
      case Voxels.Floats f -> "float32";
    };
  }
}
