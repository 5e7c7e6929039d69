package org.labelcritic.imaging.volume;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeometryTest {

  private static Geometry grid(int nz, double offsetX) {
    Affine a =
        Affine.fromRows(
            new double[] {-1.5, 0, 0, offsetX},
            new double[] {0, -1.5, 0, 255.6582},
            new double[] {0, 0, 1.5, 540.2});
    return new Geometry(120, 126, nz, 1.5, 1.5, 1.5, a);
  }

  @Test
  void matchesWithinToleranceOfFloatRounding() {
    assertThat(grid(164, 71.6582).matches(grid(164, 71.65821), Geometry.DEFAULT_TOLERANCE))
        .isTrue();
    assertThat(grid(164, 71.6582).describeMismatch(grid(164, 71.65821))).isEmpty();
  }

  @Test
  void namesTheDimsThatDiffer() {
    assertThat(grid(164, 71.6582).describeMismatch(grid(160, 71.6582)))
        .hasValue("dims 120x126x164 vs 120x126x160");
  }

  @Test
  void namesTheAffineEntryThatDiffers() {
    Geometry a = grid(164, 71.6582);
    Geometry shifted = grid(164, 73.1582);

    assertThat(a.matches(shifted, 1e-3)).isFalse();
    assertThat(a.describeMismatch(shifted))
        .hasValueSatisfying(
            m ->
                assertThat(m)
                    .contains("row 1 col 4 is 71.6582 vs 73.1582")
                    .contains("largest difference 1.5")
                    .doesNotContain("dims"));
  }

  @Test
  void treatsNanAsMismatch() {
    Affine nan =
        Affine.fromRows(
            new double[] {Double.NaN, 0, 0, 0},
            new double[] {0, 1, 0, 0},
            new double[] {0, 0, 1, 0});
    Geometry g = new Geometry(1, 1, 1, 1, 1, 1, nan);
    assertThat(g.matches(g, 1)).isFalse();
  }

  @Test
  void readsTheGridAnImportStoredAndNothingFromBrokenText() {
    Geometry g =
        Geometry.fromJson(
            "{\"dims\":[120,126,164],\"spacing\":[1.5,1.5,1.5],\"affine\":[-1.5,0,0,71.6582,"
                + "0,-1.5,0,255.6582,0,0,1.5,540.2,0,0,0,1],\"datatype\":\"int16\"}");
    assertThat(g).isNotNull();
    assertThat(g.matches(grid(164, 71.6582), 0)).isTrue();
    assertThat(g.sx()).isEqualTo(1.5);

    assertThat(Geometry.fromJson(null)).isNull();
    assertThat(Geometry.fromJson("")).isNull();
    assertThat(Geometry.fromJson("not json {")).isNull();
    assertThat(Geometry.fromJson("[1,2,3]")).isNull();
    assertThat(Geometry.fromJson("{\"dims\":[1,2,3],\"spacing\":[1,1,1]}")).isNull();
    assertThat(
            Geometry.fromJson(
                "{\"dims\":[1,2],\"spacing\":[1,1,1],\"affine\":[1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1]}"))
        .isNull();
  }
}
