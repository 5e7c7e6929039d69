package org.labelcritic.imaging.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.labelcritic.imaging.mask.Grids.block;
import static org.labelcritic.imaging.mask.Grids.grid;

import org.junit.jupiter.api.Test;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.imaging.volume.Geometry;

/** Small cases whose answers are worked out by hand in the comments. */
class MaskMetricsTest {

  @Test
  void diceAndIouOfTwoHalfOverlappingCubes() {
    Geometry g = grid(10, 10, 10, 1, 1, 1);
    BinaryMask a = block(g, 0, 0, 0, 4, 4, 4); // 64 voxels
    BinaryMask b = block(g, 2, 0, 0, 6, 4, 4); // 64 voxels, overlap x 2..3: 2*4*4 = 32

    assertThat(MaskMetrics.intersectionCount(a, b)).isEqualTo(32);
    assertThat(MaskMetrics.dice(a, b)).isEqualTo(0.5); // 2*32 / 128
    assertThat(MaskMetrics.iou(a, b)).isCloseTo(1.0 / 3, within(1e-12)); // 32 / 96
  }

  @Test
  void overlapOfRowsThatStraddleWordBoundariesAtDifferentOffsets() {
    Geometry g = grid(300, 2, 1, 1, 1, 1);
    BinaryMask a = block(g, 10, 0, 0, 100, 2, 1); // 90 per row, 180
    BinaryMask b = block(g, 60, 1, 0, 250, 2, 1); // 190 in row 1; overlap x 60..99 in row 1: 40

    assertThat(MaskMetrics.intersectionCount(a, b)).isEqualTo(40);
    assertThat(MaskMetrics.dice(a, b)).isCloseTo(80.0 / 370, within(1e-12));
  }

  @Test
  void emptyMasksAgreeAndDisjointMasksDoNot() {
    Geometry g = grid(5, 5, 5, 1, 1, 1);
    BinaryMask empty = BinaryMask.empty(g);
    BinaryMask a = block(g, 0, 0, 0, 1, 1, 1);
    BinaryMask b = block(g, 3, 3, 3, 4, 4, 4);

    assertThat(MaskMetrics.dice(empty, empty)).isEqualTo(1);
    assertThat(MaskMetrics.dice(a, empty)).isZero();
    assertThat(MaskMetrics.dice(a, b)).isZero();
    assertThat(MaskMetrics.iou(a, b)).isZero();
  }

  @Test
  void volumeUsesTheVoxelSize() {
    // 64 voxels of 0.5 x 0.5 x 2 = 0.5 mm^3: 32 mm^3 = 0.032 mL.
    BinaryMask m = block(grid(10, 10, 10, 0.5, 0.5, 2), 0, 0, 0, 4, 4, 4);

    assertThat(MaskMetrics.volumeMl(m)).isCloseTo(0.032, within(1e-12));
  }

  @Test
  void surfaceAreaWeighsEachFaceByItsArea() {
    // One voxel of 1 x 2 x 3 mm: two faces across x of 2*3, two across y of 1*3, two across z
    // of 1*2: 12 + 6 + 4 = 22 mm^2.
    BinaryMask voxel = block(grid(3, 3, 3, 1, 2, 3), 1, 1, 1, 2, 2, 2);
    // A 2x3x4 block of 1 mm voxels: 2 * (2*3 + 2*4 + 3*4) = 52 mm^2.
    BinaryMask brick = block(grid(5, 5, 5, 1, 1, 1), 0, 0, 0, 2, 3, 4);
    // A 100-voxel rod along x crossing a word boundary, touching the grid's edge at x = 0:
    // 2 end faces + 4 * 100 side faces = 402 mm^2.
    BinaryMask rod = block(grid(150, 3, 3, 1, 1, 1), 0, 1, 1, 100, 2, 2);

    assertThat(MaskMetrics.surfaceAreaMm2(voxel)).isEqualTo(22);
    assertThat(MaskMetrics.surfaceAreaMm2(brick)).isEqualTo(52);
    assertThat(MaskMetrics.surfaceAreaMm2(rod)).isEqualTo(402);
  }

  @Test
  void centroidGoesThroughTheAffine() {
    // Voxels x 2..4, y 0..1, z 5: mean index (3, 0.5, 5). Affine: scale (2, 3, 4), shift
    // (10, 20, 30): world (10 + 6, 20 + 1.5, 30 + 20) = (16, 21.5, 50).
    Affine affine =
        Affine.fromRows(
            new double[] {2, 0, 0, 10}, new double[] {0, 3, 0, 20}, new double[] {0, 0, 4, 30});
    Geometry g = new Geometry(8, 8, 8, 2, 3, 4, affine);
    BinaryMask m = block(g, 2, 0, 5, 5, 2, 6);

    assertThat(MaskMetrics.centroidVoxel(m)).containsExactly(3, 0.5, 5);
    assertThat(MaskMetrics.centroidWorld(m)).containsExactly(16, 21.5, 50);
  }
}
