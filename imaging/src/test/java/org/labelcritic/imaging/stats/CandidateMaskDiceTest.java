package org.labelcritic.imaging.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.FileRef;

/** Dice between real candidates, against the figures in ct-seg/MANIFEST.md. */
class CandidateMaskDiceTest {
  static final Path SM = Path.of("../resources/demo/volumes/sources");

  static Candidate mask(long id, Path file, Integer... values) {
    return new Candidate(
        id,
        1,
        1,
        id,
        0,
        new CandidateLabel.Mask(
            new FileRef(file.toAbsolutePath().toString(), 0, "x"), new TreeSet<>(List.of(values))));
  }

  @Test
  void theSpleenOfTwoTotalSegmentatorRunsAgreesAsTheManifestSays() throws Exception {
    Candidate a = mask(1, SM.resolve("ts-v2-total-1.5mm/example-ct-sm/total.nii.gz"), 1);
    Candidate b = mask(2, SM.resolve("ts-v2-fast/example-ct-sm/segmentations/spleen.nii.gz"), 1);
    // ct-seg/MANIFEST.md: spleen, 1.5mm vs fast: 0.9774
    assertThat(new CandidateMaskDice().dice(a, b))
        .isCloseTo(0.9774, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void aCodeCandidateIsRefusedClearly() {
    Candidate code = new Candidate(3, 1, 1, 1, 0, new CandidateLabel.Code("412", 0.9, List.of()));
    Candidate m = mask(1, SM.resolve("ts-v2-total-1.5mm/example-ct-sm/total.nii.gz"), 1);
    assertThatThrownBy(() -> new CandidateMaskDice().dice(m, code))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("is a code, not a mask");
  }
}
