package org.labelcritic.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.labelcritic.imaging.dicom.DicomTestFiles.series;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.imaging.volume.Volume;
import org.labelcritic.model.LabelCriticException;

/** Series: order by position, even spacing, one orientation, RAS+ geometry matching the masks. */
class DicomSeriesReaderTest {
  private final DicomSeriesReader reader = new DicomSeriesReader();

  @Test
  void slicesAreOrderedAlongTheNormalNotByNameOrInstanceNumber(@TempDir Path tmp) throws Exception {
    Volume original = reader.read(series("pydicom_ct5n_16x16"));
    assertThat(original.geometry().dimsText()).isEqualTo("16x16x5");
    assertThat(original.geometry().sz()).isCloseTo(2.5, within(1e-6));
    // z grows with k in RAS: the slice normal points superior for an axial series.
    assertThat(original.geometry().affine().get(2, 2)).isCloseTo(2.5, within(1e-6));
    // Rename the files so that name order is the reverse: the volume must not change.
    List<Path> files;
    try (var s = Files.list(series("pydicom_ct5n_16x16"))) {
      files = s.sorted().toList();
    }
    for (int k = 0; k < files.size(); k++) {
      Files.copy(files.get(k), tmp.resolve("x" + (files.size() - k)));
    }
    Volume renamed = reader.read(tmp);
    assertThat(DicomTestFiles.stored(renamed)).isEqualTo(DicomTestFiles.stored(original));
    assertThat(renamed.geometry()).isEqualTo(original.geometry());
  }

  @Test
  void largeUncompressedSlicesAreReadFromTheFilesInPositionOrder(@TempDir Path tmp)
      throws Exception {
    // 128x128 int16 slices exceed the header prefix, so their pixels are read in place.
    for (int z = 0; z < 3; z++) {
      short[] px = new short[128 * 128];
      java.util.Arrays.fill(px, (short) (100 * z - 50));
      new DicomTestWriter()
          .slice(128, 128, 10 - 2.5 * z, true)
          .pixels(px)
          .write(tmp.resolve("slice" + z));
    }
    Volume v = reader.read(tmp);
    assertThat(v.geometry().dimsText()).isEqualTo("128x128x3");
    assertThat(v.value(5, 5, 0)).isEqualTo(150 - 1024.0);
    assertThat(v.value(5, 5, 2)).isEqualTo(-50 - 1024.0);
    assertThat(v.geometry().affine().apply(0, 0, 0)).containsExactly(100.0, 120.0, 5.0);
  }

  @Test
  void unevenSpacingIsRefusedNamingTheGap() {
    assertThatThrownBy(() -> reader.read(series("pydicom_ct2_16x16")))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("uneven slice spacing: a gap of 202.500 mm between 17106")
        .hasMessageContaining("typical gap is 1.250 mm");
  }

  @Test
  void unevenSpacingCanBeReadWithAWarning() throws Exception {
    DicomVolume v =
        new DicomSeriesReader(
                DicomReadOptions.DEFAULTS.withUnevenSpacing(DicomReadOptions.UnevenSpacing.WARN))
            .load(series("pydicom_ct2_16x16"));
    assertThat(v.volume().nz()).isEqualTo(4);
    assertThat(v.warnings()).singleElement().asString().contains("202.500 mm");
  }

  @Test
  void mixedOrientationsAreRefused() {
    assertThatThrownBy(() -> reader.read(series("pydicom_mr700_radial_16x16")))
        .hasMessageContaining("the slices have different orientations")
        .hasMessageContaining("cannot be stacked");
  }

  @Test
  void severalSeriesInOneFolderAreRefused(@TempDir Path tmp) throws Exception {
    for (String name : List.of("pydicom_ct5n_16x16", "dcmqi_ct_23x38x3")) {
      try (var s = Files.list(series(name))) {
        for (Path f : s.toList()) {
          Files.copy(f, tmp.resolve(name + "_" + f.getFileName()));
        }
      }
    }
    assertThatThrownBy(() -> reader.read(tmp))
        .hasMessageContaining("the folder holds 2 series")
        .hasMessageContaining("put each series in its own folder");
  }

  @Test
  void filesThatAreNotDicomAreSkippedWithAWarning(@TempDir Path tmp) throws Exception {
    try (var s = Files.list(series("dcmqi_ct_23x38x3"))) {
      for (Path f : s.toList()) {
        Files.copy(f, tmp.resolve(f.getFileName()));
      }
    }
    Files.writeString(tmp.resolve("README.txt"), "notes about this scan\n");
    DicomVolume v = reader.load(tmp);
    assertThat(v.volume().nz()).isEqualTo(3);
    assertThat(v.warnings()).anyMatch(w -> w.contains("README.txt"));
  }

  @Test
  void emptyFolderAndMissingFolderAreClearErrors(@TempDir Path tmp) {
    assertThatThrownBy(() -> reader.read(tmp)).hasMessageContaining("holds no DICOM files");
    assertThatThrownBy(() -> reader.read(tmp.resolve("absent")))
        .hasMessageContaining("not a folder");
  }

  @Test
  void realCtSeriesHasTheGeometryOfItsMaskAndLiverHounsfieldUnits() throws Exception {
    DicomVolume read = reader.load(series("totalseg_ct_dicom"));
    Volume ct = read.volume();
    DicomTestFiles.Nifti mask =
        DicomTestFiles.nifti(
            DicomTestFiles.resource(
                "ct-seg/totalseg-example-dicom/seg_totalseg_v2_total_fast_3mm.nii.gz"));
    assertThat(ct.geometry().dimsText()).isEqualTo("512x512x20");
    assertThat(read.info().transferSyntax()).isEqualTo(TransferSyntax.JPEG_2000_LOSSLESS);
    assertThat(ct.geometry().affine().orientation()).isEqualTo("LPS");
    Affine maskAffine = mask.header().affine();
    // Mask row j is DICOM row 511 - j (the manifest's geometry check); columns and slices agree.
    for (int[] v : new int[][] {{0, 0, 0}, {511, 511, 19}, {100, 300, 7}, {400, 20, 12}}) {
      double[] fromCt = ct.geometry().affine().apply(v[0], 511 - v[1], v[2]);
      double[] fromMask = maskAffine.apply(v[0], v[1], v[2]);
      for (int a = 0; a < 3; a++) {
        assertThat(fromCt[a])
            .as("axis %d of voxel %s", a, List.of(v))
            .isCloseTo(fromMask[a], within(1e-3));
      }
    }
    // Sample the mask's liver (label 5) on a coarse grid; edges of a 3 mm model's mask touch fat
    // and vessels, so the test asks for the bulk, not every voxel.
    List<Double> hu = new java.util.ArrayList<>();
    for (int k = 0; k < 20; k++) {
      for (int j = 0; j < 512; j += 7) {
        for (int i = 0; i < 512; i += 7) {
          if (mask.uint8(i + 512L * (j + 512L * k)) == 5) {
            hu.add(ct.value(i, 511 - j, k));
          }
        }
      }
    }
    assertThat(hu).hasSizeGreaterThan(1000);
    List<Double> sorted = hu.stream().sorted().toList();
    assertThat(sorted.get(sorted.size() / 2)).as("median liver HU").isBetween(0.0, 200.0);
    long inRange = hu.stream().filter(v -> v >= -50 && v <= 250).count();
    assertThat((double) inRange / hu.size())
        .as("share of liver voxels in -50..250 HU")
        .isGreaterThan(0.95);
  }
}
