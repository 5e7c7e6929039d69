package org.labelcritic.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LcwInspectTest {
  @TempDir Path dir;

  @Test
  void inspectingTheDemoCtPrintsWhatWasReadAndExitsZero() throws Exception {
    Path ct = dir.resolve("ct.nii.gz");
    try (InputStream in =
        LcwInspectTest.class.getResourceAsStream("/demo/volumes/images/example-ct/ct.nii.gz")) {
      Files.copy(in, ct);
    }
    LcwRun r = LcwRun.of(dir, "inspect", ct.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("dims: 122x101x112")
        .contains("orientation: RAS")
        .contains("datatype: int32");
  }

  @Test
  void aBrokenFileExitsThreeWithOneLineAndNoStackTrace() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.nii"), "not an image at all, just text");
    LcwRun r = LcwRun.of(dir, "inspect", bad.toString());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).startsWith("error: ").contains("bad.nii").doesNotContain("Exception");
  }
}
