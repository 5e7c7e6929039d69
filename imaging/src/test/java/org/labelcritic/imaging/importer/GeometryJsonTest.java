package org.labelcritic.imaging.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.imaging.volume.Geometry;

/** The geometry an import stores with a volume item reads back as the same grid. */
class GeometryJsonTest {
  @Test
  void theStoredGeometryReadsBackAsTheSameGrid() {
    Geometry g =
        new Geometry(
            512,
            512,
            300,
            0.7,
            0.7,
            1.25,
            Affine.fromRows(
                new double[] {-0.7, 0, 0, 180.5},
                new double[] {0, -0.7, 0, 170.25},
                new double[] {0, 0, 1.25, -410}));
    String json = VolumeImporter.geometryJson(g, "int16", 1, Map.of("modality", "CT"));
    Geometry back = Geometry.fromJson(json);
    assertThat(back).isNotNull();
    assertThat(back.matches(g, 0)).isTrue();
    assertThat(back.describeMismatch(g, 0)).isEmpty();
    assertThat(new double[] {back.sx(), back.sy(), back.sz()}).containsExactly(0.7, 0.7, 1.25);
  }
}
