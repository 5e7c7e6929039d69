package org.labelcritic.model.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.stats.AgreementSummary;
import org.labelcritic.model.stats.CriticAccuracy;
import org.labelcritic.model.stats.CriticCheck;
import org.labelcritic.model.stats.CurrentDecision;
import org.labelcritic.model.stats.GoldAccuracy;
import org.labelcritic.model.stats.OutcomeRates;
import org.labelcritic.model.stats.Proportion;
import org.labelcritic.model.stats.RatingTable;
import org.labelcritic.model.stats.ReviewStatistics;
import org.labelcritic.model.store.Assignments;
import org.labelcritic.model.store.ReportQueries;
import org.labelcritic.model.store.StatsQueries;
import org.labelcritic.model.store.Store;
import org.labelcritic.model.worker.AutoAdopter;

/**
 * Reads a {@link DatasetSummary} from a store. The automatic adopter's decisions are left out of
 * every reviewer statistic (they would trivially agree with the critic) and counted as
 * auto-accepted instead. Call it off the FX thread.
 */
public final class DatasetSummaries {
  /** At most this many timeline points per series (evenly thinned, the last one always kept). */
  static final int MAX_POINTS = 200;

  private final Store store;

  public DatasetSummaries(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  public DatasetSummary read() throws LabelCriticException {
    ReportQueries q = new ReportQueries(store);
    String marker = q.changeMarker();
    ReviewStatistics stats = new StatsQueries(store, Set.of(AutoAdopter.REVIEWER)).snapshot();
    ReportQueries.UnitCounts units = q.unitCounts(AutoAdopter.REVIEWER);
    GoldAccuracy gold = stats.goldAccuracy(new Assignments(store).goldAnswers());
    RatingTable ratings = stats.ratings();
    Map<String, AgreementSummary> byStructure = new LinkedHashMap<>();
    stats.ratingsByStructure().forEach((s, t) -> byStructure.put(s, AgreementSummary.of(t)));
    CriticAccuracy critic = stats.criticAccuracy();
    OutcomeRates outcomes = stats.outcomeRates();
    return new DatasetSummary(
        store.dataset().name(),
        store.dataset().uid(),
        Instant.now(),
        marker,
        q.labelsBySource(),
        units.units(),
        units.reviewed(),
        units.accepted(),
        units.edited(),
        units.flagged(),
        units.autoAccepted(),
        critic,
        outcomes,
        AgreementSummary.of(ratings),
        ratings.overlapUnits(),
        byStructure,
        gold.byReviewer(),
        gold.pooled(),
        stats.decisionTimes(),
        timeline(stats, q.currentDecisionTimes()),
        residual(units, critic, outcomes, gold.pooled()));
  }

  /**
   * The critic's cumulative accuracy, adding current accepts in the order they were made: a point
   * after each comparable decision, per structure and pooled.
   */
  static List<TimelinePoint> timeline(
      ReviewStatistics stats, Map<ReportQueries.DecisionKey, Instant> times) {
    List<CurrentDecision> accepts = new ArrayList<>();
    for (CurrentDecision d : stats.currentDecisions()) {
      if (d.action() instanceof DecisionAction.Accept && d.verdict().isPresent()) {
        accepts.add(d);
      }
    }
    Comparator<CurrentDecision> byTime =
        Comparator.comparing(
            d ->
                times.getOrDefault(
                    new ReportQueries.DecisionKey(d.itemId(), d.structureId(), d.reviewer()),
                    Instant.EPOCH));
    accepts.sort(byTime);
    CriticAccuracy running = new CriticAccuracy();
    Map<String, List<TimelinePoint>> series = new LinkedHashMap<>();
    for (CurrentDecision d : accepts) {
      DecisionAction.Accept a = (DecisionAction.Accept) d.action();
      CriticCheck check = new CriticCheck(d.structure(), d.verdict().get(), a.candidateId());
      if (!running.add(check)) {
        continue;
      }
      Instant at =
          times.getOrDefault(
              new ReportQueries.DecisionKey(d.itemId(), d.structureId(), d.reviewer()),
              Instant.EPOCH);
      Proportion s = running.forStructure(d.structure()).accuracy();
      Proportion p = running.pooled().accuracy();
      if (s.total() > 0) {
        series
            .computeIfAbsent(d.structure(), k -> new ArrayList<>())
            .add(new TimelinePoint(at, d.structure(), s.value(), s.total(), p.total()));
      }
      if (p.total() > 0) {
        series
            .computeIfAbsent(DatasetSummary.POOLED, k -> new ArrayList<>())
            .add(new TimelinePoint(at, DatasetSummary.POOLED, p.value(), p.total(), p.total()));
      }
    }
    List<TimelinePoint> out = new ArrayList<>();
    series.values().forEach(l -> out.addAll(thin(l)));
    return out;
  }

  private static List<TimelinePoint> thin(List<TimelinePoint> points) {
    if (points.size() <= MAX_POINTS) {
      return points;
    }
    List<TimelinePoint> out = new ArrayList<>(MAX_POINTS);
    double step = (points.size() - 1) / (double) (MAX_POINTS - 1);
    for (int i = 0; i < MAX_POINTS; i++) {
      out.add(points.get((int) Math.round(i * step)));
    }
    return out;
  }

  /**
   * The residual error: auto-accepted units err at the rate the critic was wrong against reviewers;
   * units nobody reviewed at the rate reviewers corrected or flagged the labels they did review;
   * reviewed units at the rate reviewers missed gold answers.
   */
  static ResidualError residual(
      ReportQueries.UnitCounts units,
      CriticAccuracy critic,
      OutcomeRates outcomes,
      Proportion goldPooled) {
    CriticAccuracy.Counts c = critic.pooled();
    Proportion criticWrong = new Proportion(c.disagreed(), c.agreed() + c.disagreed());
    OutcomeRates.Counts o = outcomes.pooled();
    Proportion changed = new Proportion(o.corrected() + o.flagged(), o.total());
    Proportion reviewerWrong =
        new Proportion(goldPooled.total() - goldPooled.count(), goldPooled.total());
    long unreviewed = Math.max(0, units.units() - units.reviewed() - units.autoAccepted());
    return new ResidualError(
        List.of(
            new ResidualError.Group(
                "reviewed",
                units.reviewed(),
                reviewerWrong,
                "share of gold items reviewers decided wrongly ("
                    + reviewerWrong.count()
                    + " of "
                    + reviewerWrong.total()
                    + "); not measured without gold items"),
            new ResidualError.Group(
                "auto-accepted",
                units.autoAccepted(),
                criticWrong,
                "share of reviewed pairs where the critic preferred the label the reviewer did not"
                    + " accept ("
                    + criticWrong.count()
                    + " of "
                    + criticWrong.total()
                    + ")"),
            new ResidualError.Group(
                "not reviewed",
                unreviewed,
                changed,
                "share of reviewed labels that reviewers corrected or flagged ("
                    + changed.count()
                    + " of "
                    + changed.total()
                    + "); the queue shows doubtful labels first, so this likely overstates the"
                    + " error of labels nobody looked at")),
        units.units());
  }
}
