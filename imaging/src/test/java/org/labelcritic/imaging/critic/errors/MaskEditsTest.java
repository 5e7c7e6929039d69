package org.labelcritic.imaging.critic.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.labelcritic.imaging.critic.errors.Shapes.block;
import static org.labelcritic.imaging.critic.errors.Shapes.grid;
import static org.labelcritic.imaging.critic.errors.Shapes.sliceCount;

import org.junit.jupiter.api.Test;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.Box;
import org.labelcritic.imaging.mask.MaskMetrics;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.imaging.volume.Geometry;

class MaskEditsTest {

  private final Geometry g = grid(20, 20, 20, 1, 1, 1);
  private final BinaryMask cube = block(g, 5, 5, 5, 15, 15, 15);

  @Test
  void erodingA10CubeByOneVoxelLeavesAn8Cube() {
    BinaryMask e = MaskEdits.erode(cube, 1.0);

    assertThat(e.count()).isEqualTo(512);
    assertThat(e.bounds()).isEqualTo(new Box(6, 6, 6, 14, 14, 14));
  }

  @Test
  void erosionInMillimetresSparesTheThickSlicesOfAnAnisotropicGrid() {
    Geometry thick = grid(20, 20, 20, 1, 1, 3);
    BinaryMask c = block(thick, 5, 5, 5, 15, 15, 15);

    BinaryMask e = MaskEdits.erode(c, 2.0);

    // 2 mm removes two 1 mm voxels in x and y but none of the 3 mm slices.
    assertThat(e.bounds()).isEqualTo(new Box(7, 7, 5, 13, 13, 15));
    assertThat(e.count()).isEqualTo(6 * 6 * 10);
  }

  @Test
  void theGridEdgeIsNotBackground() {
    BinaryMask atEdge = block(g, 0, 5, 5, 10, 15, 15);

    BinaryMask e = MaskEdits.erode(atEdge, 1.0);

    assertThat(e.bounds()).isEqualTo(new Box(0, 6, 6, 9, 14, 14));
  }

  @Test
  void dilatingByOneVoxelAddsTheSixFaceLayersOnly() {
    BinaryMask d = MaskEdits.dilate(cube, 1.0);

    assertThat(d.count()).isEqualTo(1000 + 6 * 100);
    assertThat(d.get(4, 10, 10)).isTrue();
    assertThat(d.get(4, 4, 10)).isFalse();
  }

  @Test
  void restrictedDilationOnlyAddsAllowedVoxels() {
    BinaryMask neighbour = block(g, 15, 0, 0, 20, 20, 20);

    BinaryMask d = MaskEdits.dilate(cube, 3.0, neighbour::get);

    BinaryMask added = MaskEdits.minus(d, cube);
    assertThat(MaskMetrics.intersectionCount(added, neighbour)).isEqualTo(added.count());
    assertThat(MaskMetrics.intersectionCount(added, block(g, 15, 5, 5, 18, 15, 15))).isEqualTo(300);
    assertThat(d.bounds().x1()).isEqualTo(18);
    assertThat(d.bounds().x0()).isEqualTo(5);
  }

  @Test
  void removingSlicesRemovesExactlyThatRange() {
    BinaryMask r = MaskEdits.removeSlices(cube, 2, 8, 11);

    assertThat(r.count()).isEqualTo(700);
    for (int z = 0; z < 20; z++) {
      long expected = z >= 5 && z < 15 && (z < 8 || z >= 11) ? 100 : 0;
      assertThat(sliceCount(r, z)).as("slice %d", z).isEqualTo(expected);
    }
  }

  @Test
  void translationMovesAndClipsAtTheGrid() {
    assertThat(MaskEdits.translate(cube, 2, -1, 0).bounds())
        .isEqualTo(new Box(7, 4, 5, 17, 14, 15));
    assertThat(MaskEdits.translate(cube, 10, 0, 0).count()).isEqualTo(500);
  }

  @Test
  void mirrorReflectsAcrossTheWorldPlaneWhateverTheAxisDirection() {
    BinaryMask left = block(g, 2, 5, 5, 6, 8, 8);

    // Voxel centres 0..19 at 1 mm: the plane x = 9.5 mm maps voxel x to 19 - x.
    assertThat(MaskEdits.mirror(left, 9.5).bounds()).isEqualTo(new Box(14, 5, 5, 18, 8, 8));

    // An LPS-like grid (x axis pointing to the patient's left) with an offset.
    Geometry flipped =
        new Geometry(
            20,
            20,
            20,
            1,
            1,
            1,
            Affine.fromRows(
                new double[] {-1, 0, 0, 30}, new double[] {0, 1, 0, 0}, new double[] {0, 0, 1, 0}));
    BinaryMask m = block(flipped, 2, 5, 5, 6, 8, 8);
    // World x = 30 - i; plane at 20.5 mm maps i to 19 - i as well.
    assertThat(MaskEdits.mirror(m, 20.5).bounds()).isEqualTo(new Box(14, 5, 5, 18, 8, 8));
    assertThat(MaskEdits.mirror(m, 20.5).count()).isEqualTo(m.count());
  }

  @Test
  void setOperationsAndBalls() {
    BinaryMask other = block(g, 10, 10, 10, 20, 20, 20);

    assertThat(MaskEdits.union(cube, other).count()).isEqualTo(1000 + 1000 - 125);
    assertThat(MaskEdits.minus(cube, other).count()).isEqualTo(1000 - 125);
    BinaryMask ball = MaskEdits.insideBall(cube, 10, 10, 10, 1.0);
    assertThat(ball.count()).isEqualTo(7);
    assertThat(MaskEdits.outsideBall(cube, 10, 10, 10, 1.0).count()).isEqualTo(993);
    assertThat(MaskMetrics.dice(MaskEdits.union(cube, ball), cube)).isEqualTo(1.0);
  }
}
