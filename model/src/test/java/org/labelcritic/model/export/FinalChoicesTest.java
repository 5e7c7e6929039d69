package org.labelcritic.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.Item;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.Structure;
import org.labelcritic.model.domain.Verdict;
import org.labelcritic.model.domain.VerdictOutcome;
import org.labelcritic.model.export.FinalChoices.Fallback;
import org.labelcritic.model.store.ExportQueries.PairHistory;

class FinalChoicesTest {
  static final Item CT = new Item(1, ItemKind.VOLUME, "case-1", null, null, "{}");
  static final Structure LIVER = new Structure(1, "liver");
  static final Candidate A = mask(10, 1);
  static final Candidate B = mask(11, 2);

  @Test
  void theLatestDecisionWinsOverTheCritic() {
    PairHistory p =
        pair(
            List.of(A, B),
            List.of(decision(1, new DecisionAction.Accept(10)), decision(2, accept(11))),
            List.of(verdict(VerdictOutcome.PREFER_A)));
    assertThat(FinalChoices.resolve(p, Fallback.ONLY_CANDIDATE))
        .isInstanceOfSatisfying(
            FinalChoice.Accepted.class, a -> assertThat(a.candidate()).isEqualTo(B));
  }

  @Test
  void aFlagChoosesNothingAndAReopenFallsBackToTheCritic() {
    PairHistory flagged =
        pair(
            List.of(A, B),
            List.of(decision(1, new DecisionAction.Flag(FlagReason.INVALID))),
            List.of());
    assertThat(FinalChoices.resolve(flagged, Fallback.ONLY_CANDIDATE).chosen()).isEmpty();
    assertThat(FinalChoices.resolve(flagged, Fallback.ONLY_CANDIDATE).basis()).isEqualTo("flagged");
    PairHistory reopened =
        pair(
            List.of(A, B),
            List.of(decision(1, accept(10)), decision(2, new DecisionAction.Reopen())),
            List.of(verdict(VerdictOutcome.PREFER_B)));
    assertThat(FinalChoices.resolve(reopened, Fallback.ONLY_CANDIDATE))
        .isInstanceOfSatisfying(
            FinalChoice.CriticPreferred.class, c -> assertThat(c.candidate()).isEqualTo(B));
  }

  @Test
  void withoutPreferenceASingleCandidateIsFinalTwoAgreeingTakeTheFirstAndTwoOthersAreUndecided() {
    assertThat(
            FinalChoices.resolve(
                pair(List.of(A), List.of(), List.of(verdict(VerdictOutcome.SINGLE))),
                Fallback.ONLY_CANDIDATE))
        .isEqualTo(new FinalChoice.OnlyCandidate(A));
    assertThat(
            FinalChoices.resolve(
                pair(List.of(A, B), List.of(), List.of(verdict(VerdictOutcome.AGREE))),
                Fallback.ONLY_CANDIDATE))
        .isInstanceOfSatisfying(
            FinalChoice.CriticPreferred.class, c -> assertThat(c.candidate()).isEqualTo(A));
    assertThat(
            FinalChoices.resolve(
                pair(List.of(A, B), List.of(), List.of(verdict(VerdictOutcome.UNSURE))),
                Fallback.ONLY_CANDIDATE))
        .isInstanceOf(FinalChoice.Undecided.class);
  }

  @Test
  void codesFallBackToTheMostConfidentCandidateAndAConfidenceBeatsNone() {
    Candidate unsure = code(20, 1, "411", 0.4);
    Candidate none = code(21, 2, "412", Double.NaN);
    Candidate sure = code(22, 3, "413", 0.95);
    assertThat(
            FinalChoices.resolve(
                pair(List.of(unsure, none, sure), List.of(), List.of()),
                Fallback.HIGHEST_CONFIDENCE))
        .isEqualTo(new FinalChoice.HighestConfidence(sure));
    assertThat(
            FinalChoices.resolve(
                pair(List.of(none, unsure), List.of(), List.of()), Fallback.HIGHEST_CONFIDENCE))
        .isEqualTo(new FinalChoice.HighestConfidence(unsure));
  }

  @Test
  void aDecisionOnACandidateOfAnotherPairLeavesItUndecided() {
    assertThat(
            FinalChoices.resolve(
                pair(List.of(A), List.of(decision(1, accept(99))), List.of()),
                Fallback.ONLY_CANDIDATE))
        .isInstanceOfSatisfying(
            FinalChoice.Undecided.class, u -> assertThat(u.why()).contains("candidate 99"));
  }

  private static DecisionAction accept(long id) {
    return new DecisionAction.Accept(id);
  }

  private static PairHistory pair(
      List<Candidate> candidates, List<Decision> decisions, List<Verdict> verdicts) {
    return new PairHistory(CT, LIVER, candidates, decisions, verdicts);
  }

  private static Candidate mask(long id, long source) {
    return new Candidate(
        id,
        1,
        1,
        source,
        0,
        new CandidateLabel.Mask(
            new FileRef("m" + id + ".nii.gz", 1, "ab"), new TreeSet<>(List.of(1))));
  }

  private static Candidate code(long id, long source, String code, double conf) {
    return new Candidate(id, 1, 1, source, 0, new CandidateLabel.Code(code, conf, List.of()));
  }

  private static Decision decision(long id, DecisionAction a) {
    return new Decision(
        id,
        "d" + id,
        1,
        1,
        1,
        OptionalLong.empty(),
        a,
        "",
        OptionalLong.empty(),
        OptionalLong.empty(),
        0,
        Instant.EPOCH);
  }

  private static Verdict verdict(VerdictOutcome o) {
    return new Verdict(
        7,
        1,
        1,
        10,
        o == VerdictOutcome.SINGLE ? OptionalLong.empty() : OptionalLong.of(11),
        o,
        0.9,
        "critic",
        "v1",
        "{}",
        Instant.EPOCH);
  }
}
