package org.labelcritic.imaging.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.labelcritic.imaging.mask.Grids.block;
import static org.labelcritic.imaging.mask.Grids.grid;

import org.junit.jupiter.api.Test;
import org.labelcritic.imaging.volume.Geometry;

class BinaryMaskTest {

  private final Geometry g = grid(200, 10, 10, 1, 1, 1);

  @Test
  void isCroppedToItsBoundingBox() {
    BinaryMask m = block(g, 70, 2, 3, 140, 5, 4);

    assertThat(m.bounds()).isEqualTo(new Box(70, 2, 3, 140, 5, 4));
    assertThat(m.count()).isEqualTo(70 * 3);
    // 70 voxels per row = 2 words; 3 rows.
    assertThat(m.bytes()).isEqualTo(16 + 8 * 2 * 3 + 64);
    assertThat(m.get(70, 2, 3)).isTrue();
    assertThat(m.get(139, 4, 3)).isTrue();
    assertThat(m.get(140, 4, 3)).isFalse();
    assertThat(m.get(69, 2, 3)).isFalse();
    assertThat(m.get(100, 2, 4)).isFalse();
  }

  @Test
  void builderWithALooseBoxCropsToTheSetVoxels() {
    BinaryMask.Builder b = new BinaryMask.Builder(g, new Box(0, 0, 0, 200, 10, 10));
    b.set(130, 7, 2);
    b.set(66, 1, 8);

    BinaryMask m = b.build();

    assertThat(m.bounds()).isEqualTo(new Box(66, 1, 2, 131, 8, 9));
    assertThat(m.count()).isEqualTo(2);
    assertThat(m.get(130, 7, 2)).isTrue();
    assertThat(m.get(66, 1, 8)).isTrue();
    assertThat(m.get(66, 1, 2)).isFalse();
  }

  @Test
  void emptyMask() {
    BinaryMask m = BinaryMask.of(g, (x, y, z) -> false);

    assertThat(m.isEmpty()).isTrue();
    assertThat(m.bounds().isEmpty()).isTrue();
    assertThat(m.get(0, 0, 0)).isFalse();
  }

  @Test
  void bitsAcrossWordBoundariesReadAsTheVoxels() {
    BinaryMask m = BinaryMask.of(g, (x, y, z) -> y == 0 && z == 0 && x % 3 == 1);

    for (int x = -70; x < 220; x += 7) {
      long w = m.bits64(x, 0, 0);
      for (int i = 0; i < 64; i++) {
        int vx = x + i;
        boolean expected = vx >= 0 && vx < 200 && vx % 3 == 1;
        assertThat((w >>> i & 1) != 0).as("x=%d", vx).isEqualTo(expected);
      }
    }
  }
}
