package org.labelcritic.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.app.cli.CriticFixtures.Run;
import org.labelcritic.model.store.Store;

class AdoptCommandTest {
  @TempDir Path dir;

  @Test
  void adoptsConfidentVerdictsAndAgreementsOnce() throws Exception {
    Path db = CriticFixtures.cells(dir);
    Path codes = CriticFixtures.codeList(dir);
    assertThat(
            CriticFixtures.lcw(
                    dir,
                    "critic",
                    "run",
                    "--db",
                    db.toString(),
                    "--codes",
                    codes.toString(),
                    "--skip-scans")
                .exit())
        .isZero();
    Run r = CriticFixtures.lcw(dir, "adopt", "--db", db.toString(), "--min-confidence", "0.9");
    assertThat(r.exit()).as(r.err()).isZero();
    // 14 listed agreements, 4 confident preferences and the confident single reader; the
    // agreement on an unlisted code is kept for review by the routing rule.
    assertThat(r.out())
        .contains("Adopted 19 (minimum confidence 0.900); not confident enough 0;")
        .contains("kept for review by the routing rule 1.");
    long adopted;
    try (Store store = Store.open(db)) {
      adopted = store.reviews().count();
      assertThat(adopted).isEqualTo(19);
    }
    // 21 pairs: 20 cells and the scan's liver (no verdict, so never adopted).
    assertThat(r.out()).contains("Remaining to review: " + (21 - adopted));

    Run again = CriticFixtures.lcw(dir, "adopt", "--db", db.toString(), "--min-confidence", "0.9");
    assertThat(again.exit()).isZero();
    assertThat(again.out())
        .contains("Adopted 0 ")
        .contains("Remaining to review: " + (21 - adopted));
    try (Store store = Store.open(db)) {
      assertThat(store.reviews().count()).isEqualTo(adopted);
    }

    Run ignoring =
        CriticFixtures.lcw(
            dir, "adopt", "--db", db.toString(), "--min-confidence", "0.9", "--ignore-routing");
    assertThat(ignoring.out()).contains("Adopted 1 ");
  }

  @Test
  void aConfidenceOutsideZeroToOneIsAUsageError() throws Exception {
    Path db = CriticFixtures.cells(dir);
    for (String bad : new String[] {"1.5", "-0.1", "NaN", "high"}) {
      Run r = CriticFixtures.lcw(dir, "adopt", "--db", db.toString(), "--min-confidence", bad);
      assertThat(r.exit()).as(bad).isEqualTo(ExitCodes.USAGE);
    }
    Run r = CriticFixtures.lcw(dir, "adopt", "--db", db.toString(), "--min-confidence", "1.5");
    assertThat(r.err()).contains("--min-confidence must be in 0..1, was 1.5");
    assertThat(CriticFixtures.lcw(dir, "adopt", "--db", db.toString()).exit())
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aMissingDatabaseFails() {
    Run r =
        CriticFixtures.lcw(
            dir, "adopt", "--db", dir.resolve("no.db").toString(), "--min-confidence", "0.9");
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err()).contains("no such database");
    assertThat(dir.resolve("no.db")).doesNotExist();
  }
}
