package org.labelcritic.imaging.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.labelcritic.imaging.mask.Grids.grid;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.imaging.volume.Volume;
import org.labelcritic.imaging.volume.Volume.Voxels;

class LabelMasksTest {

  private final Geometry g = grid(4, 3, 2, 1, 1, 1);

  // z = 0:      z = 1:
  //  0 1 1 0     0 0 0 0
  //  2 2 1 0     0 3 0 0
  //  0 0 0 0     0 0 0 2
  private final byte[] labels = {
    0, 1, 1, 0, 2, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 2
  };

  @Test
  void overlappingSetsShareVoxelsAndAbsentValuesGiveEmptyMasks() {
    Volume v = new Volume(g, new Voxels.Bytes(labels, true), 1, 0, "test");

    Map<String, BinaryMask> m =
        LabelMasks.extract(
            v,
            List.of(
                LabelSet.of("aorta", 1, 2),
                LabelSet.of("true lumen", 1),
                LabelSet.of("absent", 9)));

    assertThat(m.keySet()).containsExactly("aorta", "true lumen", "absent");
    assertThat(m.get("aorta").count()).isEqualTo(6); // three 1s and three 2s
    assertThat(m.get("aorta").bounds()).isEqualTo(new Box(0, 0, 0, 4, 3, 2));
    assertThat(m.get("true lumen").count()).isEqualTo(3);
    assertThat(m.get("true lumen").bounds()).isEqualTo(new Box(1, 0, 0, 3, 2, 1));
    assertThat(m.get("true lumen").get(2, 1, 0)).isTrue();
    assertThat(m.get("absent").isEmpty()).isTrue();
  }

  @Test
  void scaledAndFloatLabelsMatchByTheirPhysicalValue() {
    float[] f = new float[labels.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = labels[i] == 3 ? 3.5f : labels[i];
    }
    Volume floats = new Volume(g, new Voxels.Floats(f), 1, 0, "float");
    // Stored 0..3 with slope 2, intercept 1: label 3 is stored 1.
    Volume scaled = new Volume(g, new Voxels.Bytes(labels, true), 2, 1, "scaled");

    assertThat(LabelMasks.extract(floats, List.of(LabelSet.of("two", 2))).get("two").count())
        .isEqualTo(3);
    assertThat(LabelMasks.extract(scaled, List.of(LabelSet.of("three", 3))).get("three").count())
        .isEqualTo(3);
  }
}
