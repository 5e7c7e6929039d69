package org.labelcritic.imaging.volume;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VoxelMappingTest {
  static Geometry grid(int nx, int ny, int nz, double[] x, double[] y, double[] z) {
    Affine a = Affine.fromRows(x, y, z);
    return new Geometry(nx, ny, nz, 1, 1, 2, a);
  }

  static final Geometry CT =
      grid(
          4,
          3,
          2,
          new double[] {-1, 0, 0, 10},
          new double[] {0, -1, 0, 20},
          new double[] {0, 0, 2, 30});

  @Test
  void theSameGridIsTheIdentity() {
    VoxelMapping m = VoxelMapping.between(CT, CT).orElseThrow();
    assertThat(m.identity()).isTrue();
    assertThat(m.map(3, 2, 1)).containsExactly(3, 2, 1);
  }

  @Test
  void aMaskWithItsRowsFlippedMapsOntoTheSameVoxels() {
    // The mask's row j is the CT's row 2 - j: y direction reversed, origin at the CT's last row.
    Geometry flipped =
        grid(
            4,
            3,
            2,
            new double[] {-1, 0, 0, 10},
            new double[] {0, 1, 0, 18},
            new double[] {0, 0, 2, 30});
    VoxelMapping m = VoxelMapping.between(flipped, CT).orElseThrow();
    assertThat(m.identity()).isFalse();
    assertThat(m.map(1, 0, 1)).containsExactly(1, 2, 1);
    // the world point of the mask voxel equals that of the CT voxel it maps to
    double[] w = flipped.affine().apply(1, 0, 1);
    int[] t = m.map(1, 0, 1);
    assertThat(CT.affine().apply(t[0], t[1], t[2])).containsExactly(w);
  }

  @Test
  void swappedAxesMapToo() {
    // mask axis 0 runs along the CT's axis 1 and vice versa
    Geometry swapped =
        new Geometry(
            3,
            4,
            2,
            1,
            1,
            2,
            Affine.fromRows(
                new double[] {0, -1, 0, 10},
                new double[] {-1, 0, 0, 20},
                new double[] {0, 0, 2, 30}));
    VoxelMapping m = VoxelMapping.between(swapped, CT).orElseThrow();
    assertThat(m.map(2, 3, 0)).containsExactly(3, 2, 0);
  }

  @Test
  void aShiftedOriginOtherDimsOrAHalfVoxelOffsetIsNoMapping() {
    Geometry shifted =
        grid(
            4,
            3,
            2,
            new double[] {-1, 0, 0, 11},
            new double[] {0, -1, 0, 20},
            new double[] {0, 0, 2, 30});
    assertThat(VoxelMapping.between(shifted, CT)).isEmpty();
    Geometry bigger =
        grid(
            5,
            3,
            2,
            new double[] {-1, 0, 0, 10},
            new double[] {0, -1, 0, 20},
            new double[] {0, 0, 2, 30});
    assertThat(VoxelMapping.between(bigger, CT)).isEmpty();
    Geometry half =
        grid(
            4,
            3,
            2,
            new double[] {-1, 0, 0, 10.5},
            new double[] {0, -1, 0, 20},
            new double[] {0, 0, 2, 30});
    assertThat(VoxelMapping.between(half, CT)).isEmpty();
    Geometry finer =
        grid(
            4,
            3,
            2,
            new double[] {-0.5, 0, 0, 10},
            new double[] {0, -1, 0, 20},
            new double[] {0, 0, 2, 30});
    assertThat(VoxelMapping.between(finer, CT)).isEmpty();
  }
}
