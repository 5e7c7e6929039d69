package org.labelcritic.imaging.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.imaging.fuzz.FuzzRun.Seed;
import org.labelcritic.model.LabelCriticException;

/** The harness itself: what it counts as a finding, and that it stops a hang. */
class FuzzRunTest {
  private static final List<Seed> SEEDS = List.of(new Seed("s", "value,name\n1,a\n".getBytes()));

  @TempDir Path dir;

  private FuzzRun.Result run(FuzzRun.Target target) throws Exception {
    return new FuzzRun("self-test", SEEDS, true, "named.csv", 300, dir).run(20, target);
  }

  @Test
  void aClearErrorNamingTheFileIsNotAFinding() throws Exception {
    FuzzRun.Result r =
        run(
            (seed, input) -> {
              throw LabelCriticException.inFile(Path.of("named.csv"), "is broken");
            });

    assertThat(r.findings()).isEmpty();
    assertThat(r.refused()).isEqualTo(20);
  }

  @Test
  void uncheckedExceptionsErrorsAndVagueMessagesAreFindings() throws Exception {
    assertThat(
            run((seed, input) -> {
                  throw new NullPointerException("boom");
                })
                .findings())
        .hasSize(20)
        .allSatisfy(f -> assertThat(f).contains("NullPointerException"));
    assertThat(
            run((seed, input) -> {
                  throw new OutOfMemoryError("Java heap space");
                })
                .findings())
        .hasSize(20);
    assertThat(
            run((seed, input) -> {
                  throw LabelCriticException.inFile(Path.of("other.csv"), "is broken");
                })
                .findings())
        .hasSize(20)
        .allSatisfy(f -> assertThat(f).contains("does not name the file"));
  }

  @Test
  void aHangIsReportedWithinTheTimeBound() throws Exception {
    FuzzRun.Result r =
        run(
            (seed, input) -> {
              if (input.length % 2 == 0) {
                Thread.sleep(60_000);
              }
            });

    assertThat(r.findings()).singleElement().asString().contains("hang");
    assertThat(dir.resolve("self-test")).isNotEmptyDirectory();
    assertThat(r.millis()).isLessThan(30_000);
  }
}
