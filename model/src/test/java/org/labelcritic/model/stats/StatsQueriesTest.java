package org.labelcritic.model.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.critic.CodeFrequencies;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.domain.VerdictOutcome;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.NewVerdict;
import org.labelcritic.model.store.StatsQueries;
import org.labelcritic.model.store.Store;

/**
 * Statistics read from a database built through the Store API: two reviewers (ann, bob) decide
 * three liver scans with two model masks each, the critic has verdicts on two of them, ann flags
 * the third; the automatic "critic" reviewer is excluded.
 */
class StatsQueriesTest {
  @TempDir Path dir;
  Store store;
  long liver;
  long modelA;
  long modelB;
  long[] items = new long[3];
  long[] candA = new long[3];
  long[] candB = new long[3];
  long bobsEdit;
  long ann;
  long bob;

  @BeforeEach
  void buildDataset() throws Exception {
    store = Store.open(dir.resolve("stats.db"));
    liver = store.structureId("liver");
    modelA = store.sourceId("model-a", SourceKind.MODEL, "1");
    modelB = store.sourceId("model-b", SourceKind.MODEL, "1");
    long bobSource = store.sourceId("bob", SourceKind.PERSON, "");
    for (int i = 0; i < 3; i++) {
      String name = "case-" + (i + 1);
      items[i] =
          store
              .writer()
              .inTransaction(
                  b -> {
                    long id = b.item(ItemKind.VOLUME, name, null, null, "{}").id();
                    b.candidate(id, liver, modelA, mask(name + "-a"));
                    b.candidate(id, liver, modelB, mask(name + "-b"));
                    return id;
                  });
      List<Candidate> cs = store.queries().candidates(items[i], liver);
      candA[i] = cs.stream().filter(c -> c.sourceId() == modelA).findFirst().orElseThrow().id();
      candB[i] = cs.stream().filter(c -> c.sourceId() == modelB).findFirst().orElseThrow().id();
    }
    store.writer().inTransaction(b -> b.candidate(items[1], liver, bobSource, mask("bob-edit")));
    bobsEdit =
        store.queries().candidates(items[1], liver).stream()
            .filter(c -> c.sourceId() == bobSource)
            .findFirst()
            .orElseThrow()
            .id();
    verdict(0, VerdictOutcome.PREFER_A);
    verdict(1, VerdictOutcome.PREFER_B);

    ann = store.reviews().reviewer("ann").id();
    bob = store.reviews().reviewer("bob").id();
    long critic = store.reviews().reviewer("critic").id();
    decide(ann, 0, new DecisionAction.Accept(candA[0]), 1000);
    decide(ann, 1, new DecisionAction.Accept(candA[1]), 2000);
    decide(ann, 2, new DecisionAction.Flag(FlagReason.UNREADABLE), 3000);
    decide(bob, 0, new DecisionAction.Accept(candB[0]), 4000); // superseded below
    decide(bob, 0, new DecisionAction.Accept(candA[0]), 5000);
    decide(bob, 1, new DecisionAction.Edit(bobsEdit), 6000);
    decide(bob, 2, new DecisionAction.Accept(candB[2]), 7000);
    decide(bob, 2, new DecisionAction.Reopen(), 0); // bob has no current decision on case-3
    decide(critic, 1, new DecisionAction.Accept(candB[1]), 0);
  }

  @AfterEach
  void close() throws Exception {
    store.close();
  }

  ReviewStatistics snapshot() throws Exception {
    return new StatsQueries(store, Set.of("critic")).snapshot();
  }

  @Test
  void currentDecisionsAreTheLatestPerReviewerWithoutReopensOrExcludedReviewers() throws Exception {
    assertThat(snapshot().currentDecisions())
        .extracting(d -> d.unit() + " " + d.reviewer() + " " + d.category())
        .containsExactly(
            "case-1/liver ann model-a",
            "case-2/liver ann model-a",
            "case-3/liver ann flag:UNREADABLE",
            "case-1/liver bob model-a",
            "case-2/liver bob edit");
    assertThat(new StatsQueries(store).snapshot().currentDecisions()).hasSize(6);
  }

  @Test
  void criticAccuracyComparesAcceptsWithTheVerdicts() throws Exception {
    CriticAccuracy acc = snapshot().criticAccuracy();

    // ann agrees on case-1 and not on case-2; bob agrees on case-1; bob's edit is no accept.
    assertThat(acc.pooled()).isEqualTo(new CriticAccuracy.Counts(2, 1, 0, 0));
    assertThat(acc.forStructure("liver").accuracy()).isEqualTo(new Proportion(2, 3));
  }

  @Test
  void outcomesAreChargedToTheAcceptedOrTheCriticsPreferredSource() throws Exception {
    OutcomeRates r = snapshot().outcomeRates();

    assertThat(r.bySource())
        .containsEntry("model-a", new OutcomeRates.Counts(3, 0, 0))
        .containsEntry("model-b", new OutcomeRates.Counts(0, 1, 0))
        // the flag on case-3: no verdict and two model candidates, so no one source to blame
        .containsEntry(OutcomeRates.UNATTRIBUTED, new OutcomeRates.Counts(0, 0, 1));
    assertThat(r.byStructure().get("liver").total()).isEqualTo(5);
  }

  @Test
  void agreementIsComputedOnTheItemsBothReviewersDecided() throws Exception {
    AgreementSummary s = AgreementSummary.of(snapshot().ratings());

    assertThat(s.raters()).isEqualTo(2);
    assertThat(s.percentAgreement()).isEqualTo(new AgreementResult(0.5, 2));
    // p_o = 0.5; ann always model-a, so p_e = 1 * 0.5 and kappa = 0
    assertThat(s.cohensKappa().value()).isCloseTo(0.0, within(1e-12));
    assertThat(s.cohensKappa().items()).isEqualTo(2);
    assertThat(s.krippendorffAlpha().items()).isEqualTo(2);
    assertThat(snapshot().ratingsByStructure()).containsOnlyKeys("liver");
  }

  @Test
  void maskDiceComparesTheReviewersFinalMasks() throws Exception {
    MaskAgreement.Result r = snapshot().maskAgreement().result((a, b) -> 0.6);

    // case-1: both kept model-a's mask (Dice 1); case-2: model-a's against bob's edit (0.6)
    assertThat(r.items()).isEqualTo(2);
    assertThat(r.meanDice()).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void timesCountEveryDecisionWithAKnownTime() throws Exception {
    DecisionTimes t = snapshot().decisionTimes();

    assertThat(t.byReviewer().get("ann").medianMillis()).isEqualTo(2000);
    assertThat(t.byReviewer().get("bob").count()).isEqualTo(4);
    assertThat(t.byReviewer()).doesNotContainKey("critic");
  }

  @Test
  void goldAccuracyUsesTheCurrentDecisionsOnGoldItems() throws Exception {
    Map<GoldItem, GoldAnswer> gold =
        Map.of(
            new GoldItem(items[0], liver), new GoldAnswer.AcceptCandidate(candA[0]),
            new GoldItem(items[1], liver), new GoldAnswer.AcceptCandidate(candB[1]));

    GoldAccuracy g = snapshot().goldAccuracy(gold);
    assertThat(g.byReviewer().get("ann")).isEqualTo(new Proportion(1, 2));
    assertThat(g.byReviewer().get("bob")).isEqualTo(new Proportion(1, 2));
  }

  @Test
  void codeErrorsAreBandedByTheFrequencyOfTheCodeTheSourceRead() throws Exception {
    long zip = store.structureId("zip");
    long reader = store.sourceId("reader", SourceKind.MODEL, "1");
    long typed = store.sourceId("ann-typed", SourceKind.PERSON, "");
    long[] cells = new long[2];
    String[] codes = {"412", "999"};
    for (int i = 0; i < 2; i++) {
      String code = codes[i];
      cells[i] =
          store
              .writer()
              .inTransaction(
                  b -> {
                    long id = b.item(ItemKind.CELL, "cell-" + code, null, null, null).id();
                    b.candidate(id, zip, reader, new CandidateLabel.Code(code, 0.9, List.of()));
                    return id;
                  });
    }
    store
        .writer()
        .inTransaction(
            b -> b.candidate(cells[1], zip, typed, new CandidateLabel.Code("998", 1, List.of())));
    List<Candidate> first = store.queries().candidates(cells[0], zip);
    List<Candidate> second = store.queries().candidates(cells[1], zip);
    long edited = second.stream().filter(c -> c.sourceId() == typed).findFirst().orElseThrow().id();
    store.reviews().record(NewDecision.of(cells[0], zip, ann, accept(first.getFirst())));
    store.reviews().record(NewDecision.of(cells[1], zip, ann, new DecisionAction.Edit(edited)));

    CodeErrorRates r =
        snapshot()
            .codeErrorRates(
                CodeFrequencies.of(Map.of("412", 500L, "999", 2L)), FrequencyBands.DEFAULT);
    assertThat(r.rates())
        .extracting(CodeErrorRates.BandRate::errors)
        .containsExactly(
            new Proportion(1, 1), Proportion.NONE, new Proportion(0, 1), Proportion.NONE);
  }

  @Test
  void anEmptyDatasetGivesEmptyStatistics() throws Exception {
    try (Store empty = Store.open(dir.resolve("empty.db"))) {
      ReviewStatistics s = new StatsQueries(empty).snapshot();
      assertThat(s.currentDecisions()).isEmpty();
      assertThat(s.criticAccuracy().pooled().accuracy().value()).isNaN();
      assertThat(AgreementSummary.of(s.ratings()).krippendorffAlpha().isDefined()).isFalse();
      assertThat(s.decisionTimes().pooled().count()).isZero();
    }
  }

  private static DecisionAction accept(Candidate c) {
    return new DecisionAction.Accept(c.id());
  }

  private void verdict(int i, VerdictOutcome outcome) throws Exception {
    store
        .verdicts()
        .save(
            new NewVerdict(
                items[i],
                liver,
                candA[i],
                OptionalLong.of(candB[i]),
                outcome,
                0.8,
                "feature-critic",
                "1",
                "{}"));
  }

  private void decide(long reviewer, int i, DecisionAction action, long ms) throws Exception {
    store
        .reviews()
        .record(
            new NewDecision(
                items[i],
                liver,
                reviewer,
                OptionalLong.empty(),
                action,
                "",
                OptionalLong.empty(),
                ms));
  }

  private static CandidateLabel.Mask mask(String name) {
    return new CandidateLabel.Mask(
        new FileRef("/masks/" + name + ".nii.gz", 10, name), new TreeSet<>(Set.of(1)));
  }
}
