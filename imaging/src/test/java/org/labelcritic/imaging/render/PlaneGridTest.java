package org.labelcritic.imaging.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.imaging.volume.Volume;

class PlaneGridTest {
  /** 1 x 1 x 3 mm voxels, RAS. */
  static final Geometry GRID = new Geometry(12, 10, 6, 1, 1, 3, Affine.scaling(1, 1, 3));

  @Test
  void thickSlicesShowAtTheirTrueAspect() {
    PlaneGrid coronal = PlaneGrid.of(GRID, Plane.CORONAL);

    assertThat(coronal.width()).isEqualTo(12);
    assertThat(coronal.height()).isEqualTo(18);
    assertThat(coronal.sliceCount()).isEqualTo(10);
    assertThat(coronal.voxelHeightPx()).isEqualTo(3);
  }

  @Test
  void everyPixelsVoxelLandsBackOnThatPixelsVoxel() {
    for (Plane p : Plane.values()) {
      PlaneGrid g = PlaneGrid.of(GRID, p);
      int[] v = new int[3];
      int[] back = new int[3];
      for (int y = 0; y < g.height(); y++) {
        for (int x = 0; x < g.width(); x++) {
          g.voxelAt(2, x, y, v);
          g.voxelAt(
              g.sliceOf(v), (int) Math.floor(g.screenX(v)), (int) Math.floor(g.screenY(v)), back);
          assertThat(back).as(p + " pixel " + x + "," + y).isEqualTo(v);
        }
      }
    }
  }

  @Test
  void rendersIntoReusedBuffersExactlyWhatSliceRendererDraws() {
    short[] s = new short[12 * 10 * 6];
    for (int i = 0; i < s.length; i++) {
      s[i] = (short) (i % 251);
    }
    Volume v = new Volume(GRID, new Volume.Voxels.Shorts(s, false), 1, 0, "ramp");
    List<Overlay> overlays =
        List.of(new Overlay((x, y, z) -> x > 4 && y < 6, 0xFF0000, 0.5, false));
    SliceBuffers buffers = new SliceBuffers();
    PlaneGrid axial = PlaneGrid.of(GRID, Plane.AXIAL);

    axial.render(v, 1, WindowLevel.fromRange(0, 250), overlays, buffers);
    int[] first = buffers.pixels();
    axial.render(v, 2, WindowLevel.fromRange(0, 250), overlays, buffers);

    assertThat(buffers.pixels()).isSameAs(first);
    assertThat(buffers.pixels())
        .isEqualTo(
            SliceRenderer.render(v, Plane.AXIAL, 2, WindowLevel.fromRange(0, 250), overlays)
                .pixels());
  }
}
