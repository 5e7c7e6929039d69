package org.labelcritic.imaging.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.labelcritic.imaging.nifti.CraftedNifti.resource;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.imaging.volume.Geometry;

/**
 * Headers of the real public files copied into test resources (see TESTDATA.md), checked against
 * the values their manifests give.
 */
class NiftiHeaderReaderRealFilesTest {

  private final NiftiHeaderReader reader = new NiftiHeaderReader();

  static void assertAffine(Affine actual, double[][] expectedRows, double tolerance) {
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 4; c++) {
        assertThat(actual.get(r, c))
            .as("affine row %d col %d", r + 1, c + 1)
            .isCloseTo(expectedRows[r][c], within(tolerance));
      }
    }
  }

  @Test
  void readsSformOnlyAnisotropicGzippedMask() throws Exception {
    NiftiHeader h = reader.read(resource("nifti/standard.nii.gz"));

    assertThat(h.version()).isEqualTo(1);
    assertThat(h.gzipped()).isTrue();
    assertThat(h.byteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    assertThat(h.dim()).containsExactly(3L, 4L, 5L, 7L, 1L, 1L, 1L, 1L);
    assertThat(h.dataType()).isEqualTo(NiftiDataType.UINT8);
    assertThat(h.dataType().bytesPerVoxel()).isEqualTo(1);
    assertThat(List.of(h.spacing(1), h.spacing(2), h.spacing(3))).containsExactly(1.0, 3.0, 2.0);
    assertThat(h.qformCode()).isZero();
    assertThat(h.sformCode()).isEqualTo(2);
    assertAffine(h.affine(), new double[][] {{1, 0, 0, 0}, {0, 3, 0, 0}, {0, 0, 2, 0}}, 1e-9);
    assertThat(h.orientation()).isEqualTo("RAS");
    assertThat(h.gzipSizeMod32()).hasValue(352 + 4 * 5 * 7);
    assertThat(h.extensions()).isEmpty();
  }

  @Test
  void readsBigEndianNifti1AndItsQformAgreesWithItsSform() throws Exception {
    NiftiHeader h = reader.read(resource("nifti/anatomical.nii"));

    assertThat(h.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
    assertThat(h.gzipped()).isFalse();
    assertThat(h.dim().subList(0, 4)).containsExactly(3L, 33L, 41L, 25L);
    assertThat(h.dataType()).isEqualTo(NiftiDataType.INT16);
    assertThat(h.descrip()).isEqualTo("spm - 3D normalized");
    assertAffine(h.affine(), new double[][] {{-2, 0, 0, 32}, {0, 2, 0, -40}, {0, 0, 2, -16}}, 1e-6);
    assertThat(h.orientation()).isEqualTo("LAS");
    // qfac = -1 and a 180 degree turn about y: the quaternion path must land on the same matrix.
    assertThat(h.qform().maxAbsDifference(h.sform())).isLessThan(1e-6);
  }

  @Test
  void readsGzippedNifti2WithFourDimensionsAndExtensions() throws Exception {
    NiftiHeader h = reader.read(resource("nifti/example_nifti2.nii.gz"));

    assertThat(h.version()).isEqualTo(2);
    assertThat(h.headerSize()).isEqualTo(540);
    assertThat(h.ndim()).isEqualTo(4);
    assertThat(h.dim().subList(1, 5)).containsExactly(32L, 20L, 12L, 2L);
    assertThat(h.hasSeveralVolumes()).isTrue();
    assertThat(h.volumeCount()).isEqualTo(2);
    assertThat(h.dataType()).isEqualTo(NiftiDataType.INT16);
    assertThat(h.spacing(3)).isCloseTo(2.2, within(1e-6));
    assertThat(h.voxOffset()).isEqualTo(608);
    assertThat(h.extensions()).extracting(NiftiExtension::ecode).containsExactly(6, 6);
    assertThat(h.qform().maxAbsDifference(h.sform())).isLessThan(1e-4);
    assertThat(h.orientation()).isEqualTo("LAS");
  }

  @Test
  void readsCommentExtensionsOfFourDimensionalFile() throws Exception {
    NiftiHeader h = reader.read(resource("nifti/example4d.nii.gz"));

    assertThat(h.dim().subList(0, 5)).containsExactly(4L, 128L, 96L, 24L, 2L);
    assertThat(h.pixdim().get(4)).isEqualTo(2000.0);
    assertThat(h.voxOffset()).isEqualTo(416);
    assertThat(h.extensions()).hasSize(2);
    assertThat(h.extensions().getFirst().ecode()).isEqualTo(6);
    assertThat(new String(h.extensions().getFirst().data(), StandardCharsets.US_ASCII))
        .startsWith("extcomment1");
    // An oblique qform (rotation about x): quaternion maths checked against the stored sform.
    assertThat(h.qform().maxAbsDifference(h.sform())).isLessThan(1e-4);
    assertThat(h.affine().get(1, 2)).isCloseTo(-0.35553, within(1e-4));
  }

  @Test
  void readsValueScalingOfFunctionalImage() throws Exception {
    NiftiHeader h = reader.read(resource("nifti/functional.nii"));

    assertThat(h.dim().subList(0, 5)).containsExactly(4L, 17L, 21L, 3L, 20L);
    assertThat(h.sclSlope()).isCloseTo(0.075407, within(1e-6));
    assertThat(h.sclInter()).isCloseTo(3100.76, within(1e-2));
    assertThat(h.isScaled()).isTrue();
    assertThat(List.of(h.spacing(1), h.spacing(2), h.spacing(3))).containsExactly(4.0, 4.0, 8.0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "nifti/anatomical.nii",
        "nifti/dcm_qa_12bit_Ref_3.nii",
        "nifti/dcm_qa_12bit_Ref_4.nii",
        "nifti/dcm_qa_ts_Ref_1.nii",
        "nifti/example4d.nii.gz",
        "nifti/example_nifti2.nii.gz",
        "nifti/functional.nii",
        "nifti/reoriented_anat_moved.nii",
        "nifti/someones_anatomy.nii.gz",
        "nifti/standard.nii.gz"
      })
  void readsEveryPublicNiftiFileWithConsistentAffines(String name) throws Exception {
    NiftiHeader h = reader.read(resource(name));

    assertThat(h.declaredSize()).isLessThanOrEqualTo(h.gzipped() ? Long.MAX_VALUE : h.fileSize());
    assertThat(h.orientation()).matches("[RL][AP][SI]");
    if (h.qformCode() > 0 && h.sformCode() > 0) {
      assertThat(h.qform().maxAbsDifference(h.sform())).as("qform vs sform").isLessThan(1e-3);
    }
  }

  @Test
  void readsLpsMasksOfTheAortaCropOnTheGridOfTheirCt() throws Exception {
    // sform rows of ct-seg/totalseg-aorta-crop/ct.nii.gz as given in ct-seg/MANIFEST.md.
    double[][] ctRows = {{-1.5, 0, 0, 71.6582}, {0, -1.5, 0, 255.6582}, {0, 0, 1.5, 540.2}};
    for (String mask :
        List.of(
            "seg_T264_aorta.nii.gz",
            "seg_T710_renal_arteries.nii.gz",
            "seg_T716_aorta_true_false_lumen.nii.gz",
            "seg_totalseg_total_aorta.nii.gz")) {
      NiftiHeader h = reader.read(resource("ct-seg/totalseg-aorta-crop/" + mask));
      assertThat(h.geometry().dimsText()).as(mask).isEqualTo("120x126x164");
      assertThat(h.dataType()).as(mask).isEqualTo(NiftiDataType.UINT8);
      assertThat(h.orientation()).as(mask).isEqualTo("LPS");
      assertAffine(h.affine(), ctRows, 1e-4);
    }
  }

  @Test
  void readsInt16CtAndFloat64MaskOfTotalSegmentator() throws Exception {
    NiftiHeader ct = reader.read(resource("ct-seg/totalseg-example-ct-sm/ct.nii.gz"));
    NiftiHeader v1 =
        reader.read(
            resource("ct-seg/totalseg-example-ct/seg_totalseg_v1_total_1.5mm_2022-09.nii.gz"));

    assertThat(ct.dataType()).isEqualTo(NiftiDataType.INT16);
    assertThat(ct.geometry().dimsText()).isEqualTo("122x101x30");
    assertThat(ct.orientation()).isEqualTo("RAS");
    assertAffine(
        ct.affine(),
        new double[][] {{3, 0, 0, -177.9563}, {0, 3, 0, 11.319}, {0, 0, 3, 94.3018}},
        1e-4);
    assertThat(v1.dataType()).isEqualTo(NiftiDataType.FLOAT64);
    assertThat(v1.dataType().bytesPerVoxel()).isEqualTo(8);
    assertThat(v1.geometry().dimsText()).isEqualTo("122x101x112");
    assertThat(v1.dataBytes()).isEqualTo(122L * 101 * 112 * 8);
  }

  @Test
  void readsLasMaskWithEmbeddedLabelTableExtension() throws Exception {
    NiftiHeader h =
        reader.read(
            resource("ct-seg/totalseg-example-dicom/seg_totalseg_v2_total_fast_3mm.nii.gz"));

    assertThat(h.geometry().dimsText()).isEqualTo("512x512x20");
    assertThat(h.spacing(1)).isCloseTo(0.976562, within(1e-6));
    assertThat(h.spacing(3)).isEqualTo(2.0);
    assertThat(h.orientation()).isEqualTo("LAS");
    assertAffine(
        h.affine(),
        new double[][] {{-0.9766, 0, 0, 249.5117}, {0, 0.9766, 0, -61.5117}, {0, 0, 2, -804.5}},
        1e-4);
    assertThat(h.voxOffset()).isEqualTo(13168);
    assertThat(h.extensions()).singleElement().satisfies(e -> assertThat(e.ecode()).isZero());
  }

  @Test
  void maskOnTheCtGridMatchesAndMaskOfAnotherCaseDoesNot() throws Exception {
    Geometry ct = reader.read(resource("ct-seg/totalseg-example-ct-sm/ct.nii.gz")).geometry();
    Geometry mask =
        reader
            .read(resource("ct-seg/totalseg-example-ct-sm/seg_totalseg_v2_total_fast_3mm.nii.gz"))
            .geometry();
    Geometry other =
        reader
            .read(resource("ct-seg/totalseg-example-ct/seg_totalseg_v1_total_1.5mm_2022-09.nii.gz"))
            .geometry();

    assertThat(mask.matches(ct, Geometry.DEFAULT_TOLERANCE)).isTrue();
    assertThat(other.matches(ct, Geometry.DEFAULT_TOLERANCE)).isFalse();
    assertThat(ct.describeMismatch(other))
        .hasValueSatisfying(m -> assertThat(m).contains("dims 122x101x30 vs 122x101x112"));
  }
}
