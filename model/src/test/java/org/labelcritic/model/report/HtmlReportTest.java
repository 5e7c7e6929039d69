package org.labelcritic.model.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.stats.GoldAnswer;
import org.labelcritic.model.store.Assignments;
import org.labelcritic.model.team.TeamFixture;
import org.labelcritic.model.worker.AutoAdopter;

class HtmlReportTest {
  @TempDir Path dir;

  /**
   * 10 cases: ann and bob review 0-3 (bob disagrees on 1 and flags 3), ann edits 4, the automatic
   * adopter takes 5-7, 8-9 are untouched; the critic prefers model-a everywhere; case 0 is gold.
   */
  private DatasetSummary summary(TeamFixture f) throws Exception {
    long evil = f.store.sourceId("<script>alert('x')</script>", SourceKind.MODEL, "1");
    f.store
        .writer()
        .inTransaction(
            w ->
                w.candidate(
                    f.items[9],
                    f.liver,
                    evil,
                    new CandidateLabel.Mask(
                        new FileRef("/m.nii.gz", 1, "ab"), new java.util.TreeSet<>(List.of(1)))));
    new Assignments(f.store)
        .addGold(f.items[0], f.liver, new GoldAnswer.AcceptCandidate(f.candA[0]));
    for (int i = 0; i < 4; i++) {
      f.accept("ann", i, true);
    }
    f.accept("bob", 0, true);
    f.accept("bob", 1, false);
    f.accept("bob", 2, true);
    f.decide("bob", 3, new DecisionAction.Flag(FlagReason.UNCERTAIN), 4000);
    f.edit("ann", 4, OptionalLong.empty());
    for (int i = 5; i < 8; i++) {
      f.accept(AutoAdopter.REVIEWER, i, true);
    }
    return new DatasetSummaries(f.store).read();
  }

  @Test
  void theSummaryCountsWhatHappenedToEachLabel() throws Exception {
    TeamFixture f = TeamFixture.create(dir, "r.db", 10);
    try (var s = f.store) {
      DatasetSummary sum = summary(f);
      assertThat(sum.units()).isEqualTo(10);
      assertThat(sum.labelsBySource())
          .containsEntry("model-a", 10L)
          .containsEntry("model-b", 10L)
          .containsEntry("ann", 1L);
      // latest human decision per unit: 0 accept(bob), 1 accept(bob), 2 accept, 3 flag, 4 edit
      assertThat(sum.accepted()).isEqualTo(3);
      assertThat(sum.flagged()).isEqualTo(1);
      assertThat(sum.edited()).isEqualTo(1);
      assertThat(sum.reviewed()).isEqualTo(5);
      assertThat(sum.autoAccepted()).isEqualTo(3);
      assertThat(sum.unreviewed()).isEqualTo(2);
      // ann 4 accepts of model-a, bob 2 of model-a and 1 of model-b: critic right 6 of 7
      assertThat(sum.criticAccuracy().pooled().agreed()).isEqualTo(6);
      assertThat(sum.criticAccuracy().pooled().disagreed()).isEqualTo(1);
      assertThat(sum.goldPooled().count()).isEqualTo(2);
      assertThat(sum.goldPooled().total()).isEqualTo(2);
      assertThat(sum.overlapUnits()).isEqualTo(4);
      assertThat(sum.timeline()).isNotEmpty();
      assertThat(sum.timeline().getLast().accuracy()).isCloseTo(6 / 7.0, within(1e-9));

      // residual: auto 3 x 1/7, unreviewed 2 x changed share (ann edit + bob flag out of 9),
      // reviewed 0
      ResidualError r = sum.residualError();
      assertThat(r.expectedErrors()).isCloseTo(3 / 7.0 + 2 * (2 / 9.0), within(1e-9));
      assertThat(r.rateRange()[0]).isLessThanOrEqualTo(r.rate());
      assertThat(r.rateRange()[1]).isGreaterThanOrEqualTo(r.rate());
    }
  }

  @Test
  void theReportIsOneSelfContainedFileWithEverythingFromTheDatabaseEscaped() throws Exception {
    TeamFixture f = TeamFixture.create(dir, "r.db", 10);
    try (var s = f.store) {
      Path out = dir.resolve("out/report.html");
      HtmlReport.write(summary(f), out);
      String html = Files.readString(out, StandardCharsets.UTF_8);

      assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
      assertThat(html).doesNotContain("<script").doesNotContain("alert('x')");
      assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
      // nothing is fetched from elsewhere: no URLs, no src/href attributes, no @import
      assertThat(html).doesNotContainPattern("(?i)(https?:|src=|href=|@import|url\\()");
      assertThat(countOf(html, "<svg ")).isGreaterThanOrEqualTo(4);
      assertThat(html).contains("Nutrition label").contains("Estimated residual error");
      assertThat(html).contains("Critic accuracy against reviewers</td><td>85.7% (n = 7)");
      assertThat(html).contains("Auto-accepted by the critic</td><td>3 (30.0%)");
      assertThat(html).contains("Reviewer accuracy on gold items</td><td>100.0% (n = 2)");
      assertThat(html).contains("corrected or flagged (2 of 9)");
    }
  }

  @Test
  void anEmptyDatasetStillGivesAReadableReport() throws Exception {
    TeamFixture f = TeamFixture.create(dir, "empty.db", 0);
    try (var s = f.store) {
      String html = HtmlReport.render(new DatasetSummaries(f.store).read());
      assertThat(html).contains("Items \u00d7 structures</td><td>0").contains("No gold item");
      assertThat(html).doesNotContain("NaN");
    }
  }

  private static int countOf(String s, String what) {
    Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
