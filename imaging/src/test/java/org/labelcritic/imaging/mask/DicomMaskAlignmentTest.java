package org.labelcritic.imaging.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.labelcritic.imaging.dicom.DicomSeriesReader;
import org.labelcritic.imaging.nifti.NiftiReader;
import org.labelcritic.imaging.volume.Volume;

/**
 * The real TotalSegmentator DICOM CT and its mask, whose rows run the other way: read through the
 * project's own readers, the mask lands on liver-range HU voxels because the orientation comes from
 * both affines.
 */
class DicomMaskAlignmentTest {
  static final Path SERIES = Path.of("src/test/resources/dicom-series/totalseg_ct_dicom");
  static final Path MASK =
      Path.of(
          "src/test/resources/ct-seg/totalseg-example-dicom/seg_totalseg_v2_total_fast_3mm.nii.gz");

  @Test
  void theLiverMaskOfTheDicomCtCoversLiverRangeVoxels() throws Exception {
    Volume ct = new DicomSeriesReader().read(SERIES);
    BinaryMask liver =
        new MaskReader(new NiftiReader())
            .read(MASK, List.of(new LabelSet("liver", Set.of(5))))
            .get("liver")
            .onto(ct.geometry());
    assertThat(liver.count()).isEqualTo(366_708);
    double[] hu = new double[(int) liver.count()];
    int n = 0;
    Box b = liver.bounds();
    for (int z = b.z0(); z < b.z1(); z++) {
      for (int y = b.y0(); y < b.y1(); y++) {
        for (int x = b.x0(); x < b.x1(); x++) {
          if (liver.get(x, y, z)) {
            hu[n++] = ct.value(x, y, z);
          }
        }
      }
    }
    java.util.Arrays.sort(hu);
    double median = hu[n / 2];
    long inRange = java.util.Arrays.stream(hu).filter(v -> v >= -50 && v <= 250).count();
    assertThat(median).isBetween(0.0, 200.0);
    assertThat((double) inRange / n).isGreaterThan(0.95);
  }

  @Test
  void withoutTheAffinesTheSameMaskWouldMissTheLiver() throws Exception {
    // Control: taking the mask's voxel order as the CT's (flipped rows) lands far off the liver.
    Volume ct = new DicomSeriesReader().read(SERIES);
    BinaryMask raw =
        new MaskReader(new NiftiReader())
            .read(MASK, List.of(new LabelSet("liver", Set.of(5))))
            .get("liver");
    long inRange = 0;
    Box b = raw.bounds();
    for (int z = b.z0(); z < b.z1(); z++) {
      for (int y = b.y0(); y < b.y1(); y++) {
        for (int x = b.x0(); x < b.x1(); x++) {
          if (raw.get(x, y, z)) {
            double v = ct.value(x, y, z);
            inRange += v >= -50 && v <= 250 ? 1 : 0;
          }
        }
      }
    }
    assertThat((double) inRange / raw.count()).isLessThan(0.9);
  }
}
