package org.labelcritic.model.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.ReviewStatus;
import org.labelcritic.model.stats.GoldAnswer;
import org.labelcritic.model.store.Assignments;
import org.labelcritic.model.store.AuditLog;
import org.labelcritic.model.store.QueueRow;

class AssignmentsTest {
  @TempDir Path dir;
  TeamFixture f;
  Assignments assignments;

  @BeforeEach
  void setUp() throws Exception {
    f = TeamFixture.create(dir, "team.db", 60);
    assignments = new Assignments(f.store);
  }

  @AfterEach
  void tearDown() throws Exception {
    f.store.close();
  }

  @Test
  void anAssignmentIsStoredAsThePlanInForceAndAuditedAsASettingsChange() throws Exception {
    AssignmentPlan plan =
        assignments.assign(new AssignmentSettings(List.of("ann", "bob"), 0.5, 2, 0, false), "lead");

    assertThat(assignments.current()).contains(plan);
    assertThat(plan.seed()).isEqualTo(f.store.dataset().uid());
    long total =
        plan.counts().values().stream()
            .flatMap(m -> m.values().stream())
            .mapToLong(Long::longValue)
            .sum();
    long overlap =
        plan.counts().values().stream()
            .mapToLong(m -> m.getOrDefault(AssignmentRole.OVERLAP, 0L))
            .sum();
    assertThat(total - overlap / 2).isEqualTo(60); // every item once, overlap items twice
    assertThat(new AuditLog(f.store).latest(1))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("settings");
              assertThat(e.reviewer()).isEqualTo("lead");
              assertThat(e.detail()).contains("ann, bob").contains("overlap 0.5");
            });
  }

  @Test
  void aReviewersQueueHoldsOnlyTheirItemsAndNeverAnotherReviewersDecision() throws Exception {
    assignments.assign(new AssignmentSettings(List.of("ann", "bob"), 1.0, 2, 0, false), "lead");
    // every item is an overlap item: both have all 60
    assertThat(assignments.queueFor("ann", 0, 1000)).hasSize(60);
    int i = 7;
    f.decide("bob", i, new DecisionAction.Flag(FlagReason.UNREADABLE), 10);

    List<AssignedUnit> annQueue = assignments.queueFor("ann", 0, 1000);
    assertThat(annQueue)
        .filteredOn(u -> u.itemId() == f.items[i])
        .singleElement()
        .extracting(AssignedUnit::own)
        .isEqualTo(AssignedUnit.OwnState.OPEN);
    assertThat(assignments.queueFor("bob", 0, 1000))
        .filteredOn(u -> u.itemId() == f.items[i])
        .singleElement()
        .extracting(AssignedUnit::own)
        .isEqualTo(AssignedUnit.OwnState.FLAGGED);

    f.accept("ann", i, true);
    assertThat(assignments.queueFor("ann", 0, 1000))
        .filteredOn(u -> u.itemId() == f.items[i])
        .singleElement()
        .extracting(AssignedUnit::own)
        .isEqualTo(AssignedUnit.OwnState.DECIDED);
  }

  @Test
  void withoutOverlapTheQueuesSplitTheItemsAndPagesFollowThePosition() throws Exception {
    assignments.assign(new AssignmentSettings(List.of("ann", "bob"), 0, 2, 0, false), "lead");
    List<AssignedUnit> ann = assignments.queueFor("ann", 0, 1000);
    List<AssignedUnit> bob = assignments.queueFor("bob", 0, 1000);

    assertThat(ann.size() + bob.size()).isEqualTo(60);
    assertThat(ann)
        .extracting(AssignedUnit::itemId)
        .doesNotContainAnyElementsOf(bob.stream().map(AssignedUnit::itemId).toList());
    assertThat(assignments.queueFor("ann", 2, 3)).containsExactlyElementsOf(ann.subList(2, 5));
    assertThat(assignments.queueFor("nobody", 0, 10)).isEmpty();
  }

  @Test
  void goldItemsAreMixedInAndFeedbackSaysWhetherTheDecisionMatched() throws Exception {
    for (int i = 0; i < 10; i++) {
      assignments.addGold(f.items[i], f.liver, new GoldAnswer.AcceptCandidate(f.candA[i]));
    }
    assignments.assign(new AssignmentSettings(List.of("ann"), 0, 2, 0.1, true), "lead");
    assertThat(assignments.current().orElseThrow().counts().get("ann"))
        .containsEntry(AssignmentRole.GOLD, 6L) // round(50 * 0.1 / 0.9)
        .containsEntry(AssignmentRole.SINGLE, 50L);

    Decision right = f.accept("ann", 0, true);
    Decision wrong = f.accept("ann", 1, false);
    Decision notGold = f.accept("ann", 30, true);

    assertThat(assignments.feedback(right))
        .hasValueSatisfying(g -> assertThat(g.correct()).isTrue());
    assertThat(assignments.feedback(wrong))
        .hasValueSatisfying(
            g -> {
              assertThat(g.correct()).isFalse();
              assertThat(g.expected()).isEqualTo(new GoldAnswer.AcceptCandidate(f.candA[1]));
            });
    assertThat(assignments.feedback(notGold)).isEmpty();
  }

  @Test
  void feedbackIsSilentWhenThePlanTurnsItOffButGoldStillScores() throws Exception {
    assignments.addGold(f.items[0], f.liver, new GoldAnswer.Flagged());
    assignments.assign(new AssignmentSettings(List.of("ann"), 0, 2, 0.1, false), "lead");
    Decision d = f.decide("ann", 0, new DecisionAction.Flag(FlagReason.UNCERTAIN), 5);

    assertThat(assignments.feedback(d)).isEmpty();
    assertThat(assignments.check(d)).hasValueSatisfying(g -> assertThat(g.correct()).isTrue());
  }

  @Test
  void aGoldAnswerIsNeverReplacedSilently() throws Exception {
    assertThat(assignments.addGold(f.items[0], f.liver, new GoldAnswer.Flagged())).isTrue();
    assertThat(assignments.addGold(f.items[0], f.liver, new GoldAnswer.Flagged())).isFalse();
    assertThatThrownBy(() -> assignments.addGold(f.items[0], f.liver, new GoldAnswer.Code("123")))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("already has the gold answer");
    assertThat(assignments.goldAnswers()).hasSize(1);
  }

  @Test
  void noPlanMeansNoQueue() throws Exception {
    assertThat(assignments.current()).isEmpty();
    assertThat(assignments.queueFor("ann", 0, 10)).isEmpty();
  }

  @Test
  void theWindowsQueueIsBlindUnderAPlanAndWholeWithoutOne() throws Exception {
    int i = 3;
    f.decide("bob", i, new DecisionAction.Flag(FlagReason.UNREADABLE), 10);
    // no plan: everyone sees every row and its latest decision
    assertThat(f.store.queries().blindReviewer("ann")).isEmpty();
    assertThat(f.store.queries().queueFor("ann", 1000)).hasSize(60);
    assertThat(f.store.queries().queueFor(null, 1000)).hasSize(60);
    assertThat(status(f.store.queries().queueFor("ann", 1000), f.items[i]))
        .isEqualTo(ReviewStatus.FLAGGED);

    assignments.assign(new AssignmentSettings(List.of("ann", "bob"), 0, 2, 0, false), "lead");
    f.store.reviews().reviewer("ann");
    List<QueueRow> ann = f.store.queries().queueFor("ann", 1000);
    List<AssignedUnit> dealt = assignments.queueFor("ann", 0, 1000);
    assertThat(ann)
        .extracting(QueueRow::itemId)
        .containsExactlyInAnyOrderElementsOf(dealt.stream().map(AssignedUnit::itemId).toList());
    assertThat(ann.size()).isLessThan(60);

    // an overlap item that bob flagged shows as open to ann until she decides it herself
    assignments.assign(new AssignmentSettings(List.of("ann", "bob"), 1.0, 2, 0, false), "lead");
    assertThat(status(f.store.queries().queueFor("ann", 1000), f.items[i]))
        .isNotEqualTo(ReviewStatus.FLAGGED)
        .isNotEqualTo(ReviewStatus.DECIDED);
    assertThat(status(f.store.queries().queueFor("bob", 1000), f.items[i]))
        .isEqualTo(ReviewStatus.FLAGGED);
    f.accept("ann", i, true);
    assertThat(status(f.store.queries().queueFor("ann", 1000), f.items[i]))
        .isEqualTo(ReviewStatus.DECIDED);
    // someone the plan leaves out sees the whole queue
    assertThat(f.store.queries().queueFor("lead", 1000)).hasSize(60);
    // before anyone signs in the window shows nothing: the whole queue has bob's flag
    assertThat(f.store.queries().queueFor(null, 1000)).isEmpty();
    assertThat(f.store.queries().queueFor(" ", 1000)).isEmpty();
  }

  private static ReviewStatus status(List<QueueRow> rows, long item) {
    return rows.stream().filter(r -> r.itemId() == item).findFirst().orElseThrow().status();
  }
}
