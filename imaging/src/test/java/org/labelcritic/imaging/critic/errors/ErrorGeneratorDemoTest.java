package org.labelcritic.imaging.critic.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.MaskReader;
import org.labelcritic.imaging.nifti.NiftiReader;
import org.labelcritic.imaging.volume.Volume;
import org.labelcritic.model.LabelCriticException;

/**
 * All error types on real TotalSegmentator masks of the demo CT {@code example-ct-sm} (3 mm, upper
 * abdomen): every type changes the mask, and more severity never raises the Dice.
 */
class ErrorGeneratorDemoTest {

  /** Relative to the imaging module, which is Surefire's working directory. */
  static final Path DEMO = Path.of("../resources/demo/volumes");

  private static Volume ct;
  private static Map<String, BinaryMask> masks;

  @BeforeAll
  static void load() throws LabelCriticException, IOException {
    NiftiReader nifti = new NiftiReader();
    ct = nifti.read(DEMO.resolve("images/example-ct-sm/ct.nii.gz"));
    masks = readSource(nifti, ct, "ts-v2-fast");
  }

  /** Every binary mask of one demo source on example-ct-sm, by structure, on the CT's grid. */
  static Map<String, BinaryMask> readSource(NiftiReader nifti, Volume ct, String source)
      throws IOException, LabelCriticException {
    MaskReader reader = new MaskReader(nifti);
    Map<String, BinaryMask> out = new TreeMap<>();
    Path dir = DEMO.resolve("sources/" + source + "/example-ct-sm/segmentations");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString().replace(".nii.gz", "");
        out.put(name, reader.readBinary(f).onto(ct.geometry()));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"liver", "spleen", "kidney_left"})
  void everyTypeOnARealOrganGivesDiceInSensibleBands(String organ) {
    BinaryMask good = masks.get(organ);
    Map<String, BinaryMask> neighbours = new TreeMap<>(masks);
    neighbours.remove(organ);
    for (ErrorType type : ErrorType.values()) {
      double low = dice(good, neighbours, type, 0.1);
      double mid = dice(good, neighbours, type, 0.5);
      double high = dice(good, neighbours, type, 0.9);
      String what = organ + " " + type;
      assertThat(low).as(what + " low").isLessThan(1.0).isGreaterThan(0.7);
      assertThat(mid).as(what + " medium").isLessThan(1.0).isGreaterThan(0.2);
      assertThat(high).as(what + " high").isLessThan(1.0).isGreaterThanOrEqualTo(0.0);
      if (type != ErrorType.SPILL) {
        // A spill's neighbour is drawn per call, so only its bands are checked.
        assertThat(high).as(what + " high vs low").isLessThan(low);
        assertThat(mid).as(what + " medium vs low").isLessThanOrEqualTo(low);
      }
    }
  }

  private static double dice(
      BinaryMask good, Map<String, BinaryMask> neighbours, ErrorType type, double severity) {
    GeneratedError e = ErrorGenerator.generate(ct, good, neighbours, type, severity, 1);
    assertThat(e.mask().isEmpty()).isFalse();
    return e.diceToOriginal();
  }
}
