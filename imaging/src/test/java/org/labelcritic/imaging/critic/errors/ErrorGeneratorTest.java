package org.labelcritic.imaging.critic.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.labelcritic.imaging.critic.errors.Shapes.block;
import static org.labelcritic.imaging.critic.errors.Shapes.grid;
import static org.labelcritic.imaging.critic.errors.Shapes.sliceCount;
import static org.labelcritic.imaging.critic.errors.Shapes.uniformCt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.ConnectedComponents;
import org.labelcritic.imaging.mask.MaskMetrics;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.imaging.volume.Volume;

class ErrorGeneratorTest {

  private final Geometry g = grid(40, 40, 40, 1, 1, 1);
  private final Volume ct = uniformCt(g, 40);
  private final BinaryMask cube = block(g, 5, 10, 10, 15, 20, 30);
  private final BinaryMask neighbour = block(g, 15, 10, 10, 25, 20, 30);
  private final Map<String, BinaryMask> neighbours = Map.of("neighbour", neighbour);

  private GeneratedError gen(ErrorType type, double severity, long seed) {
    return ErrorGenerator.generate(ct, cube, neighbours, type, severity, seed);
  }

  @ParameterizedTest
  @EnumSource(ErrorType.class)
  void everyTypeChangesTheMaskAndRecordsItsDice(ErrorType type) {
    GeneratedError e = gen(type, 0.5, 7);

    assertThat(e.type()).isEqualTo(type);
    assertThat(e.severity()).isEqualTo(0.5);
    assertThat(e.diceToOriginal()).isEqualTo(MaskMetrics.dice(cube, e.mask()));
    assertThat(e.diceToOriginal()).isLessThan(1.0).isGreaterThanOrEqualTo(0.0);
    assertThat(e.detail()).isNotBlank();
  }

  @ParameterizedTest
  @EnumSource(ErrorType.class)
  void theSameSeedGivesTheSameMask(ErrorType type) {
    GeneratedError a = gen(type, 0.7, 42);
    GeneratedError b = gen(type, 0.7, 42);

    assertThat(b.mask().count()).isEqualTo(a.mask().count());
    assertThat(MaskMetrics.dice(a.mask(), b.mask())).isEqualTo(1.0);
    assertThat(b.detail()).isEqualTo(a.detail());
  }

  @Test
  void seedsChooseDifferentPlacements() {
    List<String> details = new ArrayList<>();
    for (long seed = 0; seed < 8; seed++) {
      details.add(gen(ErrorType.SHIFT, 0.5, seed).detail());
    }
    assertThat(details.stream().distinct().count()).isGreaterThan(1);
  }

  @Test
  void underSegmentationAtSeverityZeroErodesTwoMillimetres() {
    GeneratedError e = gen(ErrorType.UNDER_SEGMENTATION, 0, 1);

    assertThat(e.mask().count()).isEqualTo(6L * 6 * 16);
  }

  @Test
  void overSegmentationStaysOutOfAir() {
    short[] v = new short[Math.toIntExact(g.voxelCount())];
    for (int i = 0; i < v.length; i++) {
      v[i] = (short) (i % 40 < 15 ? 40 : -1000);
    }
    Volume half = new Volume(g, new Volume.Voxels.Shorts(v, false), 1, 0, "half air");

    GeneratedError e =
        ErrorGenerator.generate(half, cube, Map.of(), ErrorType.OVER_SEGMENTATION, 0, 1);

    assertThat(e.mask().bounds().x0()).isEqualTo(3);
    assertThat(e.mask().bounds().x1()).isEqualTo(15);
  }

  @Test
  void spillAddsOnlyTheNeighbourWithinReach() {
    GeneratedError e = gen(ErrorType.SPILL, 0, 1);

    // 5 mm into the neighbour next door: the 5 slabs x = 15..19 of its 10x20 face.
    assertThat(e.mask().count()).isEqualTo(cube.count() + 5 * 10 * 20);
    assertThat(e.detail()).contains("neighbour");
  }

  @Test
  void droppedSlicesEmptyAnInteriorRunOfTheDocumentedLength() {
    GeneratedError e = gen(ErrorType.DROPPED_SLICES, 0.2, 3);

    // 5 + 25 * 0.2 = 10 mm = 10 slices, strictly inside z = 10..29.
    List<Integer> empty = new ArrayList<>();
    for (int z = 10; z < 30; z++) {
      long n = sliceCount(e.mask(), z);
      assertThat(n).isIn(0L, 100L);
      if (n == 0) {
        empty.add(z);
      }
    }
    assertThat(empty).hasSize(10);
    assertThat(empty.getLast() - empty.getFirst()).isEqualTo(9);
    assertThat(empty.getFirst()).isGreaterThan(10);
    assertThat(empty.getLast()).isLessThan(29);
  }

  @Test
  void truncationCutsOneEnd() {
    GeneratedError e = gen(ErrorType.TRUNCATION, 0.25, 5);

    // 10 + 40 * 0.25 = 20 mm, capped at the extent less one slice: 19 slices go.
    assertThat(e.mask().count()).isEqualTo(100);
    assertThat(e.mask().bounds().z1() - e.mask().bounds().z0()).isEqualTo(1);
  }

  @Test
  void anExtraFragmentIsASeparateComponent() {
    BinaryMask big = block(g, 8, 8, 8, 20, 20, 20);

    GeneratedError e = ErrorGenerator.generate(ct, big, Map.of(), ErrorType.EXTRA_FRAGMENT, 0, 9);

    assertThat(ConnectedComponents.of(e.mask())).hasSize(2);
    assertThat(ConnectedComponents.of(e.mask()).get(0).voxelCount()).isEqualTo(big.count());
  }

  @Test
  void aHoleIsEnclosedWhenTheMaskIsThickEnough() {
    BinaryMask big = block(g, 5, 5, 5, 35, 35, 35);

    GeneratedError e = ErrorGenerator.generate(ct, big, Map.of(), ErrorType.HOLES, 0, 2);

    // A 5 mm ball (515 voxels at 1 mm) with a wall around it: the bounds do not change.
    assertThat(big.count() - e.mask().count()).isEqualTo(515);
    assertThat(e.mask().bounds()).isEqualTo(big.bounds());
  }

  @Test
  void leftRightSwapOfAPairedOrganLandsOnTheOtherSide() {
    // Left and right of a body that fills the grid, the plane at x = 19.5 mm; the right one is
    // 2 voxels lower in y, so a plain mirror image would miss it.
    BinaryMask left = block(g, 2, 10, 10, 8, 16, 20);
    BinaryMask right = block(g, 32, 12, 10, 38, 18, 20);

    GeneratedError e =
        ErrorGenerator.generate(ct, left, Map.of("kidney_right", right), ErrorType.LR_SWAP, 1.0, 4);

    assertThat(MaskMetrics.dice(e.mask(), right)).isEqualTo(1.0);
    assertThat(e.diceToOriginal()).isZero();
    assertThat(e.detail()).contains("kidney_right");
  }

  @Test
  void leftRightSwapOfAnUnpairedOrganMirrorsIt() {
    BinaryMask liverLike = block(g, 2, 10, 10, 12, 20, 20);

    GeneratedError e = ErrorGenerator.generate(ct, liverLike, Map.of(), ErrorType.LR_SWAP, 1.0, 4);

    assertThat(e.mask().bounds()).isEqualTo(block(g, 28, 10, 10, 38, 20, 20).bounds());
  }

  @Test
  void shiftMovesByTheDocumentedDistance() {
    GeneratedError e = gen(ErrorType.SHIFT, 1.0, 11);

    double[] a = MaskMetrics.centroidVoxel(cube);
    double[] b = MaskMetrics.centroidVoxel(e.mask());
    double moved = Math.sqrt(sq(a[0] - b[0]) + sq(a[1] - b[1]) + sq(a[2] - b[2]));
    assertThat(moved).isCloseTo(15.0, within(1.0));
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> gen(ErrorType.SHIFT, 1.5, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                ErrorGenerator.generate(ct, BinaryMask.empty(g), Map.of(), ErrorType.SHIFT, 0.5, 1))
        .isInstanceOf(IllegalArgumentException.class);
    BinaryMask elsewhere = block(grid(10, 10, 10, 1, 1, 1), 1, 1, 1, 3, 3, 3);
    assertThatThrownBy(
            () -> ErrorGenerator.generate(ct, elsewhere, Map.of(), ErrorType.SHIFT, 0, 1))
        .hasMessageContaining("10x10x10");
  }

  private static double sq(double v) {
    return v * v;
  }
}
