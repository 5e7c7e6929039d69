package org.labelcritic.model.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.labelcritic.model.stats.Fixtures.code;

import org.junit.jupiter.api.Test;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;

/** Gold accuracy and time per decision. */
class ReviewerStatsTest {

  @Test
  void goldAccuracyIsTheShareOfGoldItemsAnsweredRight() {
    GoldAccuracy g = new GoldAccuracy();
    var accept7 = new DecisionAction.Accept(7);
    g.add(new GoldCheck("ann", new GoldAnswer.AcceptCandidate(7), accept7, code("1")));
    g.add(
        new GoldCheck("ann", new GoldAnswer.Code("412"), new DecisionAction.Edit(9), code("412")));
    g.add(new GoldCheck("ann", new GoldAnswer.Flagged(), accept7, code("1")));
    g.add(new GoldCheck("bob", new GoldAnswer.AcceptCandidate(8), accept7, code("1")));
    g.add(
        new GoldCheck(
            "bob", new GoldAnswer.Flagged(), new DecisionAction.Flag(FlagReason.UNREADABLE), null));

    assertThat(g.byReviewer().get("ann")).isEqualTo(new Proportion(2, 3));
    assertThat(g.byReviewer().get("bob")).isEqualTo(new Proportion(1, 2));
    assertThat(g.pooled()).isEqualTo(new Proportion(3, 5));
  }

  @Test
  void timesGiveMedianMeanAndNearestRankP90PerReviewer() {
    DecisionTimes t = new DecisionTimes();
    for (long ms = 1000; ms <= 10_000; ms += 1000) {
      t.add(new TimedDecision("ann", ms));
    }
    t.add(new TimedDecision("bob", 4000));
    t.add(new TimedDecision("bob", 0));

    assertThat(t.byReviewer().get("ann"))
        .isEqualTo(new DecisionTimes.Summary(10, 5500, 5500, 9000));
    assertThat(t.byReviewer().get("bob")).isEqualTo(new DecisionTimes.Summary(1, 4000, 4000, 4000));
    assertThat(t.pooled().count()).isEqualTo(11);
    assertThat(t.pooled().medianMillis()).isEqualTo(5000);
  }

  @Test
  void noTimesGiveUndefinedSummaries() {
    DecisionTimes t = new DecisionTimes();
    assertThat(t.add(new TimedDecision("ann", 0))).isFalse();
    assertThat(t.byReviewer()).isEmpty();
    assertThat(t.pooled().medianMillis()).isNaN();
  }
}
