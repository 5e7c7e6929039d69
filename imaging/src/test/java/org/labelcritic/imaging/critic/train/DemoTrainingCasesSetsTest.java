package org.labelcritic.imaging.critic.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.labelcritic.imaging.labels.LabelTable;
import org.labelcritic.imaging.mask.LabelSet;

class DemoTrainingCasesSetsTest {
  @Test
  void organsAreFoundByNameSoV1AndV2NumbersDiffer() throws Exception {
    LabelTable v1 =
        LabelTable.read(Path.of("../resources/demo/volumes/label-tables/totalseg_v1_total.json"));
    Map<String, Object> byName =
        DemoTrainingCases.sets(v1).stream()
            .collect(Collectors.toMap(LabelSet::name, LabelSet::values));
    assertThat(byName).hasSize(DemoTrainingCases.ORGANS.size());
    assertThat(byName.get("aorta")).asString().isEqualTo("[7]");
    assertThat(byName.get("pancreas")).asString().isEqualTo("[10]");
    LabelTable v2 = LabelTable.of(Map.of(52, "aorta", 7, "pancreas", 5, "liver"));
    assertThat(DemoTrainingCases.sets(v2))
        .extracting(LabelSet::name)
        .containsExactly("liver", "pancreas", "aorta");
  }
}
