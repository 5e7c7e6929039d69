package org.labelcritic.model.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.Verdict;
import org.labelcritic.model.stats.CurrentDecision;
import org.labelcritic.model.stats.DecisionCategory;
import org.labelcritic.model.stats.OutcomeRates;
import org.labelcritic.model.stats.ReviewStatistics;
import org.labelcritic.model.stats.TimedDecision;

/**
 * Reads reviewers' current decisions (the latest per item, structure and reviewer; a reopen leaves
 * none), the verdicts and the candidates of the decided pairs into the statistics accumulators of
 * {@link org.labelcritic.model.stats}. {@link #snapshot()} reads once into a {@link
 * ReviewStatistics}, which computes each statistic.
 *
 * <p>Reviewers named in {@code excludedReviewers} (typically the automatic adopter, {@code
 * "critic"}, whose decisions would trivially agree with the critic) are left out of every
 * statistic.
 */
public final class StatsQueries {
  private static final String DECIDED =
      " EXISTS (SELECT 1 FROM decision d WHERE d.item_id = %1$s.item_id"
          + " AND d.structure_id = %1$s.structure_id)";

  private final Store store;
  private final Set<String> excludedReviewers;

  public StatsQueries(Store store) {
    this(store, Set.of());
  }

  public StatsQueries(Store store, Set<String> excludedReviewers) {
    this.store = Objects.requireNonNull(store, "store");
    this.excludedReviewers = Set.copyOf(excludedReviewers);
  }

  /** Reads the current decisions, their verdicts and candidates, and every decision's time. */
  public ReviewStatistics snapshot() throws LabelCriticException {
    return store.call(
        c -> {
          Map<Long, String> sourceNames = new HashMap<>();
          Map<Long, Boolean> modelSources = new HashMap<>();
          try (ResultSet rs = store.statement("SELECT id, name, kind FROM source").executeQuery()) {
            while (rs.next()) {
              sourceNames.put(rs.getLong(1), rs.getString(2));
              modelSources.put(rs.getLong(1), "MODEL".equals(rs.getString(3)));
            }
          }
          Map<Long, Candidate> candidates = new HashMap<>();
          Map<CriticQueries.Pair, List<Candidate>> candidatesByPair = new HashMap<>();
          try (ResultSet rs =
              store
                  .statement(
                      "SELECT id, item_id, structure_id, source_id, revision, mask_path,"
                          + " mask_size, mask_sha256, label_values, code, confidence,"
                          + " digit_confidences FROM candidate c WHERE"
                          + DECIDED.formatted("c")
                          + " ORDER BY id")
                  .executeQuery()) {
            while (rs.next()) {
              Candidate cand = Queries.readCandidate(rs);
              candidates.put(cand.id(), cand);
              candidatesByPair
                  .computeIfAbsent(pair(cand.itemId(), cand.structureId()), p -> new ArrayList<>())
                  .add(cand);
            }
          }
          Map<Long, Verdict> verdicts = new HashMap<>();
          Map<CriticQueries.Pair, List<Verdict>> verdictsByPair = new HashMap<>();
          try (ResultSet rs =
              store
                  .statement(
                      "SELECT id, item_id, structure_id, candidate_a_id, candidate_b_id, outcome,"
                          + " confidence, critic, model_version, reasons, created_at FROM verdict v"
                          + " WHERE"
                          + DECIDED.formatted("v")
                          + " ORDER BY id DESC")
                  .executeQuery()) {
            while (rs.next()) {
              Verdict v = Verdicts.read(rs);
              verdicts.put(v.id(), v);
              verdictsByPair
                  .computeIfAbsent(pair(v.itemId(), v.structureId()), p -> new ArrayList<>())
                  .add(v);
            }
          }
          Resolver resolver =
              new Resolver(
                  sourceNames,
                  modelSources,
                  candidates,
                  candidatesByPair,
                  verdicts,
                  verdictsByPair);
          List<CurrentDecision> current = new ArrayList<>();
          try (ResultSet rs =
              store
                  .statement(
                      "SELECT d.item_id, d.structure_id, i.external_id, s.name, r.name, d.action,"
                          + " d.candidate_id, d.flag_reason, d.verdict_id FROM decision d"
                          + " JOIN (SELECT MAX(id) AS id FROM decision"
                          + " GROUP BY item_id, structure_id, reviewer_id) cur ON cur.id = d.id"
                          + " JOIN item i ON i.id = d.item_id"
                          + " JOIN structure s ON s.id = d.structure_id"
                          + " JOIN reviewer r ON r.id = d.reviewer_id"
                          + " WHERE d.action <> 'REOPEN' ORDER BY d.id")
                  .executeQuery()) {
            while (rs.next()) {
              if (!excludedReviewers.contains(rs.getString(5))) {
                current.add(resolver.resolve(rs));
              }
            }
          }
          List<TimedDecision> times = new ArrayList<>();
          try (ResultSet rs =
              store
                  .statement(
                      "SELECT r.name, d.time_spent_ms FROM decision d"
                          + " JOIN reviewer r ON r.id = d.reviewer_id"
                          + " WHERE d.action <> 'REOPEN' AND d.time_spent_ms > 0 ORDER BY d.id")
                  .executeQuery()) {
            while (rs.next()) {
              if (!excludedReviewers.contains(rs.getString(1))) {
                times.add(new TimedDecision(rs.getString(1), rs.getLong(2)));
              }
            }
          }
          return new ReviewStatistics(current, times);
        });
  }

  private static CriticQueries.Pair pair(long item, long structure) {
    return new CriticQueries.Pair(item, structure);
  }

  /** Resolves a decision row: its final candidate, its verdict and the source it is charged to. */
  private record Resolver(
      Map<Long, String> sourceNames,
      Map<Long, Boolean> modelSources,
      Map<Long, Candidate> candidates,
      Map<CriticQueries.Pair, List<Candidate>> candidatesByPair,
      Map<Long, Verdict> verdicts,
      Map<CriticQueries.Pair, List<Verdict>> verdictsByPair) {

    CurrentDecision resolve(ResultSet rs) throws SQLException {
      long item = rs.getLong(1);
      long structure = rs.getLong(2);
      String itemName = rs.getString(3);
      String structureName = rs.getString(4);
      String reviewer = rs.getString(5);
      String kind = rs.getString(6);
      long candidateId = rs.getLong(7);
      String flagReason = rs.getString(8);
      long verdictId = rs.getLong(9);
      boolean sawVerdict = !rs.wasNull();
      Candidate fin = candidates.get(candidateId);
      DecisionAction action =
          switch (kind) {
            case "ACCEPT" -> new DecisionAction.Accept(candidateId);
            case "EDIT" -> new DecisionAction.Edit(candidateId);
            case "FLAG" -> new DecisionAction.Flag(FlagReason.valueOf(flagReason));
            default -> throw new SQLException("unexpected current decision " + kind);
          };
      if (action instanceof DecisionAction.Flag) {
        fin = null;
      }
      List<Verdict> onPair = verdictsByPair.getOrDefault(pair(item, structure), List.of());
      Optional<Verdict> verdict =
          Optional.ofNullable(sawVerdict ? verdicts.get(verdictId) : null)
              .or(() -> onPair.stream().findFirst());
      Optional<Candidate> charged = charged(action, fin, verdict, item, structure);
      String source =
          charged.map(c -> sourceNames.get(c.sourceId())).orElse(OutcomeRates.UNATTRIBUTED);
      String category =
          switch (action) {
            case DecisionAction.Accept a ->
                DecisionCategory.accepted(sourceNames.get(fin.sourceId()));
            case DecisionAction.Edit e -> DecisionCategory.edit();
            case DecisionAction.Flag f -> DecisionCategory.flag(f.reason());
            case DecisionAction.Reopen r -> throw new SQLException("a reopen is not current");
          };
      return new CurrentDecision(
          item,
          structure,
          itemName + "/" + structureName,
          structureName,
          reviewer,
          action,
          fin,
          verdict,
          category,
          source,
          charged);
    }

    /**
     * The candidate a decision is charged to: the accepted one; for an edit or a flag, the one the
     * verdict preferred (candidate A of a single-candidate or an AGREE verdict); failing that the
     * pair's only model candidate.
     */
    private Optional<Candidate> charged(
        DecisionAction action,
        Candidate fin,
        Optional<Verdict> verdict,
        long item,
        long structure) {
      if (action instanceof DecisionAction.Accept) {
        return Optional.ofNullable(fin);
      }
      OptionalLong named =
          verdict
              .map(
                  v ->
                      switch (v.outcome()) {
                        case PREFER_A, PREFER_B -> v.preferred();
                        case SINGLE, AGREE -> OptionalLong.of(v.candidateA());
                        case UNSURE -> OptionalLong.empty();
                      })
              .orElse(OptionalLong.empty());
      if (named.isPresent()) {
        return Optional.ofNullable(candidates.get(named.getAsLong()));
      }
      List<Candidate> models =
          candidatesByPair.getOrDefault(pair(item, structure), List.of()).stream()
              .filter(c -> c.revision() == 0 && modelSources.getOrDefault(c.sourceId(), false))
              .toList();
      return models.size() == 1 ? Optional.of(models.getFirst()) : Optional.empty();
    }
  }
}
