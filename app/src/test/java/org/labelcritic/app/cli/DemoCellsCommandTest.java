package org.labelcritic.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lcw demo cells}: the rebuild itself (training both models) is tested where it lives, in
 * imaging's CellDemoGeneratorTest, against the shipped files; here the command line around it.
 */
class DemoCellsCommandTest {
  @TempDir Path dir;

  @Test
  void theRebuildNeedsItsFlagAndAnOutputFolder() {
    LcwRun r = LcwRun.of(dir, "demo", "cells", "--out", dir.resolve("out").toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--rebuild");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aTinyRebuildWritesTheDemoFiles() {
    Path out = dir.resolve("out");
    LcwRun r =
        LcwRun.of(dir, "demo", "cells", "--rebuild", "--out", out.toString(), "--cells", "3");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Wrote 3 cells").contains("tribuo-logistic and tribuo-fm");
    assertThat(out.resolve("manifest.csv")).isRegularFile();
    assertThat(out.resolve("truth.csv")).isRegularFile();
    assertThat(out.resolve("seen-codes.txt")).isRegularFile();
  }
}
