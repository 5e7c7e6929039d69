package org.labelcritic.imaging.nifti;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.MaskReader;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.imaging.volume.Volume;

class NiftiWriterTest {
  @TempDir Path dir;

  @Test
  void aWrittenMaskReadsBackWithTheSameGridAndVoxels() throws Exception {
    // LPS-like, left-handed grid with an offset: qfac -1 and a 180 degree turn.
    Affine lps =
        Affine.fromRows(
            new double[] {-0.75, 0, 0, 120.5},
            new double[] {0, -0.75, 0, 98.25},
            new double[] {0, 0, 2.5, -301});
    Geometry g = new Geometry(13, 11, 7, 0.75, 0.75, 2.5, lps);
    BinaryMask mask = BinaryMask.of(g, (x, y, z) -> (x + 2 * y + 3 * z) % 5 == 0 && x > 2);
    Path file = dir.resolve("out/liver.nii.gz");

    new NiftiWriter().write(file, mask);

    NiftiHeader h = new NiftiHeaderReader().read(file);
    assertThat(h.gzipped()).isTrue();
    assertThat(h.version()).isEqualTo(1);
    assertThat(h.byteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    assertThat(h.dataType()).isEqualTo(NiftiDataType.UINT8);
    assertThat(h.sformCode()).isEqualTo(1);
    assertThat(h.qformCode()).isEqualTo(1);
    // Nothing about the patient: a fixed description and no extensions.
    assertThat(h.descrip()).isEqualTo("LabelCritic Workbench");
    assertThat(h.extensions()).isEmpty();
    assertThat(h.sform().maxAbsDifference(lps)).isLessThan(1e-5);
    assertThat(h.qform().maxAbsDifference(lps)).isLessThan(1e-4);
    assertThat(h.geometry().matches(g, Geometry.DEFAULT_TOLERANCE)).isTrue();
    Volume v = new NiftiReader().read(file);
    for (int z = 0; z < g.nz(); z++) {
      for (int y = 0; y < g.ny(); y++) {
        for (int x = 0; x < g.nx(); x++) {
          assertThat(v.value(x, y, z)).isEqualTo(mask.get(x, y, z) ? 1.0 : 0.0);
        }
      }
    }
    assertThat(new MaskReader(new NiftiReader()).readBinary(file).count()).isEqualTo(mask.count());
    assertThat(Files.list(file.getParent())).containsExactly(file);
  }

  @Test
  void obliqueGridsKeepTheirQformAndUncompressedNamesStayUncompressed() throws Exception {
    double c = Math.cos(0.3);
    double s = Math.sin(0.3);
    Affine turned =
        Affine.fromRows(
            new double[] {c * 1.5, -s * 1.5, 0, -10},
            new double[] {s * 1.5, c * 1.5, 0, 20},
            new double[] {0, 0, 3, 30});
    Geometry g = new Geometry(4, 5, 3, 1.5, 1.5, 3, turned);
    Path file = dir.resolve("m.nii");

    new NiftiWriter().write(file, BinaryMask.empty(g));

    NiftiHeader h = new NiftiHeaderReader().read(file);
    assertThat(h.gzipped()).isFalse();
    assertThat(h.qform().maxAbsDifference(turned)).isLessThan(1e-4);
    assertThat(Files.size(file)).isEqualTo(NiftiWriter.VOX_OFFSET + 4 * 5 * 3);
    assertThat(new NiftiReader().read(file).value(0, 0, 0)).isZero();
  }

  @Test
  void theDemoMaskSurvivesARoundTrip() throws Exception {
    Path source =
        Path.of(
            getClass()
                .getResource("/ct-seg/totalseg-example-ct-sm/segmentations_totalseg_v2_fast")
                .toURI());
    Path liver;
    try (var files = Files.list(source)) {
      liver = files.filter(p -> p.toString().contains("liver")).findFirst().orElseThrow();
    }
    BinaryMask mask = new MaskReader(new NiftiReader()).readBinary(liver);
    Path file = dir.resolve("liver.nii.gz");

    new NiftiWriter().write(file, mask);

    BinaryMask back = new MaskReader(new NiftiReader()).readBinary(file);
    assertThat(back.count()).isEqualTo(mask.count()).isPositive();
    assertThat(back.bounds()).isEqualTo(mask.bounds());
    assertThat(back.geometry().matches(mask.geometry(), 1e-4)).isTrue();
    assertThat(
            new NiftiHeaderReader().read(file).affine().maxAbsDifference(mask.geometry().affine()))
        .isLessThan(1e-4);
  }
}
