package org.labelcritic.imaging.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.imaging.volume.Volume;

class SliceRendererTest {
  static final WindowLevel IDENTITY = WindowLevel.fromRange(0, 255);

  /** A volume whose value at each voxel is given by a function of the voxel's world position. */
  interface WorldValue {
    double at(double x, double y, double z);
  }

  static Volume volume(int nx, int ny, int nz, Affine affine, WorldValue f) {
    Geometry g =
        new Geometry(
            nx, ny, nz, colNorm(affine, 0), colNorm(affine, 1), colNorm(affine, 2), affine);
    short[] s = new short[nx * ny * nz];
    for (int z = 0; z < nz; z++) {
      for (int y = 0; y < ny; y++) {
        for (int x = 0; x < nx; x++) {
          double[] w = affine.apply(x, y, z);
          s[x + nx * (y + ny * z)] = (short) f.at(w[0], w[1], w[2]);
        }
      }
    }
    return new Volume(g, new Volume.Voxels.Shorts(s, false), 1, 0, "test");
  }

  static double colNorm(Affine a, int c) {
    return Math.sqrt(
        a.get(0, c) * a.get(0, c) + a.get(1, c) * a.get(1, c) + a.get(2, c) * a.get(2, c));
  }

  static final Affine RAS =
      Affine.fromRows(
          new double[] {1, 0, 0, 0}, new double[] {0, 1, 0, 0}, new double[] {0, 0, 1, 0});

  /** DICOM-like: voxel x towards the patient's left, y towards posterior. */
  static final Affine LPS =
      Affine.fromRows(
          new double[] {-1, 0, 0, 3}, new double[] {0, -1, 0, 2}, new double[] {0, 0, 1, 0});

  static int grey(ArgbImage img, int x, int y) {
    return img.pixel(x, y) & 0xFF;
  }

  @Test
  void axialSlicesPutThePatientsRightOnTheLeftAndAnteriorAtTheTop() {
    // value = 10 * world x (right) + 100 * world y (anterior)
    Volume v = volume(4, 3, 2, RAS, (x, y, z) -> 10 * x + 100 * y);
    ArgbImage img =
        SliceRenderer.render(v, Plane.AXIAL, 0, WindowLevel.fromRange(0, 255), List.of());
    assertThat(img.width()).isEqualTo(4);
    assertThat(img.height()).isEqualTo(3);
    // top-left: most right (x=3) and most anterior (y=2): 30 + 200 = 230
    assertThat(grey(img, 0, 0)).isEqualTo(230);
    // bottom-right: x=0, y=0
    assertThat(grey(img, 3, 2)).isEqualTo(0);
  }

  @Test
  void anLpsVolumeShowsTheSamePictureAsItsRasTwin() {
    WorldValue f = (x, y, z) -> 10 * x + 60 * y + 3 * z;
    Volume ras = volume(4, 3, 2, RAS, f);
    Volume lps = volume(4, 3, 2, LPS, f);
    for (Plane p : Plane.values()) {
      for (int s = 0; s < SliceRenderer.sliceCount(ras, p); s++) {
        ArgbImage a = SliceRenderer.render(ras, p, s, IDENTITY, List.of());
        // The LPS twin's slice index runs the other way along flipped axes.
        int ls = p == Plane.AXIAL ? s : SliceRenderer.sliceCount(lps, p) - 1 - s;
        ArgbImage b = SliceRenderer.render(lps, p, ls, IDENTITY, List.of());
        assertThat(b.pixels()).as(p + " slice " + s).containsExactly(a.pixels());
      }
    }
  }

  @Test
  void coronalAndSagittalViewsHaveTheHeadAtTheTopAndTrueAspect() {
    Affine thick =
        Affine.fromRows(
            new double[] {1, 0, 0, 0}, new double[] {0, 1, 0, 0}, new double[] {0, 0, 3, 0});
    Volume v = volume(4, 5, 2, thick, (x, y, z) -> z > 1 ? 200 : 50);
    ArgbImage cor = SliceRenderer.render(v, Plane.CORONAL, 0, IDENTITY, List.of());
    assertThat(cor.width()).isEqualTo(4);
    assertThat(cor.height()).isEqualTo(6); // 2 slices x 3 mm at 1 mm pixels
    assertThat(grey(cor, 0, 0)).isEqualTo(200); // superior slice on top
    assertThat(grey(cor, 0, 5)).isEqualTo(50);
    ArgbImage sag = SliceRenderer.render(v, Plane.SAGITTAL, 0, IDENTITY, List.of());
    assertThat(sag.width()).isEqualTo(5);
    assertThat(sag.height()).isEqualTo(6);
  }

  @Test
  void sagittalViewsHaveAnteriorOnTheLeft() {
    Volume v = volume(2, 5, 1, RAS, (x, y, z) -> 40 * y);
    ArgbImage sag = SliceRenderer.render(v, Plane.SAGITTAL, 0, IDENTITY, List.of());
    assertThat(grey(sag, 0, 0)).isEqualTo(160);
    assertThat(grey(sag, 4, 0)).isZero();
  }

  @Test
  void windowLevelClipsBelowAndAbove() {
    Volume v = volume(3, 1, 1, RAS, (x, y, z) -> new double[] {-1000, 50, 1000}[(int) x]);
    ArgbImage img = SliceRenderer.render(v, Plane.AXIAL, 0, WindowLevel.ABDOMEN, List.of());
    // patient's right (x=2) is on the left
    assertThat(grey(img, 0, 0)).isEqualTo(255);
    assertThat(grey(img, 1, 0)).isEqualTo(128);
    assertThat(grey(img, 2, 0)).isZero();
  }

  @Test
  void overlaysFillOrOutlineWithTheirColourAndOpacity() {
    Volume v = volume(6, 6, 1, RAS, (x, y, z) -> 0);
    MaskSampler square = (x, y, z) -> x >= 1 && x <= 4 && y >= 1 && y <= 4;
    ArgbImage filled =
        SliceRenderer.render(
            v, Plane.AXIAL, 0, IDENTITY, List.of(new Overlay(square, 0x00FF00, 1, true)));
    assertThat(filled.pixel(2, 2)).isEqualTo(0xFF00FF00);
    assertThat(filled.pixel(0, 0)).isEqualTo(0xFF000000);
    ArgbImage outline =
        SliceRenderer.render(
            v, Plane.AXIAL, 0, IDENTITY, List.of(new Overlay(square, 0xFF0000, 1, false)));
    assertThat(outline.pixel(1, 1)).isEqualTo(0xFFFF0000);
    assertThat(outline.pixel(2, 2)).as("interior stays unpainted").isEqualTo(0xFF000000);
    ArgbImage half =
        SliceRenderer.render(
            v, Plane.AXIAL, 0, IDENTITY, List.of(new Overlay(square, 0xFFFFFF, 0.5, true)));
    assertThat(half.pixel(2, 2) & 0xFF).isEqualTo(128);
  }

  @Test
  void aSliceOutsideTheVolumeIsRefused() {
    Volume v = volume(2, 2, 2, RAS, (x, y, z) -> 0);
    assertThatThrownBy(() -> SliceRenderer.render(v, Plane.AXIAL, 2, IDENTITY, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside 0..1");
  }

  @Test
  void autoWindowSpansThePercentiles() {
    Volume v = volume(100, 10, 1, RAS, (x, y, z) -> x);
    WindowLevel auto = WindowLevel.auto(v);
    assertThat(auto.low()).isBetween(0.0, 2.0);
    assertThat(auto.high()).isBetween(97.0, 99.0);
  }

  @Test
  void theFrontalProjectionHasTheHeadAtTheTopRightOnTheLeftAndRedLabels() {
    // 20 x 10 x 40 mm: dense (bone) voxels high up on the patient's right.
    Volume v = volume(20, 10, 40, RAS, (x, y, z) -> (x >= 15 && z >= 30) ? 1500 : -1000);
    MaskSampler label = (x, y, z) -> x < 5 && z < 10;
    ArgbImage img = FrontalProjection.render(v, List.of(label));
    assertThat(img.height()).isEqualTo(512);
    assertThat(img.width()).isEqualTo(256);
    // bone: top-left; label: bottom-right (patient's left, feet), tinted red
    assertThat(grey(img, 10, 10)).isEqualTo(255);
    int labelled = img.pixel(img.width() - 10, img.height() - 10);
    assertThat((labelled >> 16) & 0xFF).isGreaterThan(labelled & 0xFF);
    int plain = img.pixel(img.width() / 2, img.height() / 2);
    assertThat((plain >> 16) & 0xFF).isEqualTo(plain & 0xFF);
  }
}
