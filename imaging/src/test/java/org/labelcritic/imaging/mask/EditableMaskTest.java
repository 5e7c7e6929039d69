package org.labelcritic.imaging.mask;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.imaging.volume.Geometry;

class EditableMaskTest {
  static final Geometry GRID = new Geometry(20, 20, 10, 1, 1, 2, Affine.scaling(1, 1, 2));

  static BinaryMask square(int x0, int y0, int x1, int y1, int z) {
    return BinaryMask.of(GRID, (x, y, zz) -> zz == z && x >= x0 && x < x1 && y >= y0 && y < y1);
  }

  @Test
  void startsAsACopyAndLeavesTheSourceAlone() {
    BinaryMask source = square(2, 2, 6, 6, 3);
    EditableMask e = new EditableMask(source);

    e.paint(new int[] {10, 10, 3}, 0, 1, 2, true);

    assertThat(source.count()).isEqualTo(16);
    assertThat(e.count()).isEqualTo(16 + 13);
    assertThat(e.toMask().get(10, 10, 3)).isTrue();
    assertThat(e.toMask().get(10, 10, 4)).isFalse();
  }

  @Test
  void theBrushIsRoundInMillimetresOnAnisotropicVoxels() {
    EditableMask e = new EditableMask(BinaryMask.empty(GRID));

    // A coronal stroke (voxel axes x and z): 2 mm slices, radius 2 mm reaches one slice up and
    // down.
    e.paint(new int[] {10, 5, 5}, 0, 2, 2, true);

    assertThat(e.get(10, 5, 4)).isTrue();
    assertThat(e.get(10, 5, 6)).isTrue();
    assertThat(e.get(10, 5, 3)).isFalse();
    assertThat(e.get(12, 5, 5)).isTrue();
    assertThat(e.get(13, 5, 5)).isFalse();
    assertThat(e.get(10, 6, 5)).isFalse();
  }

  @Test
  void undoAndRedoTakeBackAndRepeatWholeStrokes() {
    EditableMask e = new EditableMask(square(2, 2, 6, 6, 3));
    e.beginStroke();
    e.paint(new int[] {10, 10, 3}, 0, 1, 1, true);
    e.paint(new int[] {12, 10, 3}, 0, 1, 1, true);
    e.endStroke();
    e.paint(new int[] {3, 3, 3}, 0, 1, 1, false);
    long afterBoth = e.count();
    BinaryMask both = e.toMask();

    assertThat(e.undo()).isTrue();
    assertThat(e.get(3, 3, 3)).isTrue();
    assertThat(e.undo()).isTrue();
    assertThat(e.toMask().count()).isEqualTo(16);
    assertThat(e.undo()).isFalse();

    assertThat(e.redo()).isTrue();
    assertThat(e.redo()).isTrue();
    assertThat(e.count()).isEqualTo(afterBoth);
    assertThat(MaskMetrics.dice(e.toMask(), both)).isEqualTo(1.0);
    assertThat(e.canRedo()).isFalse();
  }

  @Test
  void aNewStrokeAfterUndoDropsTheRedo() {
    EditableMask e = new EditableMask(BinaryMask.empty(GRID));
    e.paint(new int[] {5, 5, 5}, 0, 1, 1, true);
    e.undo();

    e.paint(new int[] {9, 9, 5}, 0, 1, 1, true);

    assertThat(e.canRedo()).isFalse();
    assertThat(e.get(5, 5, 5)).isFalse();
  }

  @Test
  void fillHolesClosesEnclosedGapsOfOneSliceOnly() {
    // A ring on slices 3 and 4; only slice 3 is filled.
    BinaryMask ring =
        BinaryMask.of(
            GRID,
            (x, y, z) ->
                (z == 3 || z == 4)
                    && x >= 4
                    && x < 12
                    && y >= 4
                    && y < 12
                    && !(x >= 6 && x < 10 && y >= 6 && y < 10));
    EditableMask e = new EditableMask(ring);

    e.fillHoles(2, 3);

    assertThat(e.get(7, 7, 3)).isTrue();
    assertThat(e.get(7, 7, 4)).isFalse();
    assertThat(e.get(1, 1, 3)).isFalse();
    assertThat(e.count()).isEqualTo(ring.count() + 16);
    e.undo();
    assertThat(e.count()).isEqualTo(ring.count());
  }
}
