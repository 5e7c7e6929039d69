package org.labelcritic.imaging.volume;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AffineTest {

  @Test
  void orientationFollowsTheDominantAxisAndSignOfEachColumn() {
    assertThat(Affine.scaling(1, 1, 1).orientation()).isEqualTo("RAS");
    assertThat(Affine.scaling(-1.5, -1.5, 1.5).orientation()).isEqualTo("LPS");
    assertThat(Affine.scaling(-1, 1, 1).orientation()).isEqualTo("LAS");
    Affine coronal =
        Affine.fromRows(
            new double[] {1, 0, 0, 0}, new double[] {0, 0, 1, 0}, new double[] {0, -1, 0, 0});
    assertThat(coronal.orientation()).isEqualTo("RIA");
  }

  @Test
  void obliqueMatrixStillGetsThreeDistinctAxes() {
    // Second and third columns both lean on z; the stronger one takes it.
    Affine oblique =
        Affine.fromRows(
            new double[] {2, 0, 0, 0},
            new double[] {0, 0.6, 0.5, 0},
            new double[] {0, 0.8, 0.9, 0});
    assertThat(oblique.orientation()).isEqualTo("RAS");
  }

  @Test
  void appliesToVoxelCoordinates() {
    Affine a =
        Affine.fromRows(
            new double[] {-1.5, 0, 0, 71.6582},
            new double[] {0, -1.5, 0, 255.6582},
            new double[] {0, 0, 1.5, 540.2});
    assertThat(a.apply(1, 2, 3)).containsExactly(70.1582, 252.6582, 544.7);
  }

  @Test
  void isImmutableAndComparesByValue() {
    double[] m = Affine.scaling(1, 2, 3).rowMajor();
    Affine a = new Affine(m);
    m[0] = 99;
    assertThat(a.get(0, 0)).isEqualTo(1);
    assertThat(a).isEqualTo(Affine.scaling(1, 2, 3)).hasSameHashCodeAs(Affine.scaling(1, 2, 3));
  }
}
