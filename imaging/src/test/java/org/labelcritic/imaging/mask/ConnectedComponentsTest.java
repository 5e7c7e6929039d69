package org.labelcritic.imaging.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.labelcritic.imaging.mask.Grids.grid;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.labelcritic.imaging.mask.ConnectedComponents.Component;
import org.labelcritic.imaging.volume.Geometry;

class ConnectedComponentsTest {

  private final Geometry g = grid(10, 10, 10, 1, 2, 3);

  private BinaryMask voxels(int[]... points) {
    Set<List<Integer>> set =
        java.util.Arrays.stream(points)
            .map(p -> List.of(p[0], p[1], p[2]))
            .collect(java.util.stream.Collectors.toSet());
    return BinaryMask.of(g, (x, y, z) -> set.contains(List.of(x, y, z)));
  }

  @Test
  void cornerNeighboursAreOnePiece() {
    // (0,0,0) and (1,1,1) share only a corner: connected in the 26-neighbourhood.
    List<Component> c = ConnectedComponents.of(voxels(new int[] {0, 0, 0}, new int[] {1, 1, 1}));

    assertThat(c).hasSize(1);
    assertThat(c.getFirst().voxelCount()).isEqualTo(2);
    assertThat(c.getFirst().bounds()).isEqualTo(new Box(0, 0, 0, 2, 2, 2));
  }

  @Test
  void separatePiecesComeLargestFirstWithTheirSizes() {
    // A 3-voxel L at the origin, a gap at x = 3, two voxels at x = 4..5, one at (9,9,9).
    BinaryMask m =
        voxels(
            new int[] {0, 0, 0},
            new int[] {1, 0, 0},
            new int[] {1, 1, 0},
            new int[] {4, 0, 0},
            new int[] {5, 0, 0},
            new int[] {9, 9, 9});

    List<Component> c = ConnectedComponents.of(m);

    assertThat(c).extracting(Component::voxelCount).containsExactly(3L, 2L, 1L);
    // 1 x 2 x 3 mm voxels = 6 mm^3 = 0.006 mL each.
    assertThat(c.getFirst().volumeMl()).isEqualTo(3 * 0.006);
    assertThat(c.get(2).bounds()).isEqualTo(new Box(9, 9, 9, 10, 10, 10));
  }

  @Test
  void emptyMaskHasNoComponents() {
    assertThat(ConnectedComponents.of(BinaryMask.empty(g))).isEmpty();
  }
}
