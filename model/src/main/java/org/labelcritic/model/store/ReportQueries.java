package org.labelcritic.model.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.labelcritic.model.LabelCriticException;

/**
 * The counts behind the dataset report and the dashboard that the statistics package does not
 * compute: labels per source, what people and the automatic adopter did per unit, when each current
 * decision was made, and a cheap change marker.
 */
public final class ReportQueries {
  /** Units by how their latest decision left them. */
  public record UnitCounts(
      long units, long accepted, long edited, long flagged, long autoAccepted) {
    public long reviewed() {
      return accepted + edited + flagged;
    }
  }

  /** A current decision's key. */
  public record DecisionKey(long itemId, long structureId, String reviewer) {}

  private final Store store;

  public ReportQueries(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * A text that changes whenever a decision, verdict or audit row is appended (their largest ids):
   * reading it costs three index lookups, so a dashboard can poll it and recompute only on change.
   */
  public String changeMarker() throws LabelCriticException {
    return store.call(
        c -> {
          StringBuilder sb = new StringBuilder();
          for (String t : new String[] {"decision", "verdict", "audit_log"}) {
            sb.append(store.optionalLong(store.statement("SELECT MAX(id) FROM " + t)).orElse(0L))
                .append('/');
          }
          return sb.toString();
        });
  }

  /** Candidates per source name (from the V3 counters, so cheap at census scale). */
  public Map<String, Long> labelsBySource() throws LabelCriticException {
    return store.call(
        c -> {
          Map<String, Long> out = new LinkedHashMap<>();
          try (ResultSet rs =
              store
                  .statement(
                      "SELECT s.name, SUM(cc.candidates) FROM candidate_count cc"
                          + " JOIN source s ON s.id = cc.source_id GROUP BY s.name ORDER BY s.name")
                  .executeQuery()) {
            while (rs.next()) {
              out.put(rs.getString(1), rs.getLong(2));
            }
          }
          return out;
        });
  }

  /**
   * Units, and how the latest decision by a person (anyone but {@code automaticReviewer}) left
   * each; units without one that the automatic reviewer accepted count as auto-accepted.
   */
  public UnitCounts unitCounts(String automaticReviewer) throws LabelCriticException {
    return store.call(
        c -> {
          long units =
              store
                  .optionalLong(store.statement("SELECT COALESCE(SUM(pairs), 0) FROM pair_count"))
                  .orElse(0L);
          Map<String, Long> human = new HashMap<>();
          PreparedStatement ps =
              store.statement(
                  "SELECT d.action, COUNT(*) FROM decision d JOIN (SELECT MAX(d2.id) AS id"
                      + " FROM decision d2 JOIN reviewer r ON r.id = d2.reviewer_id"
                      + " WHERE r.name <> ? GROUP BY d2.item_id, d2.structure_id) cur"
                      + " ON cur.id = d.id GROUP BY d.action");
          ps.setString(1, automaticReviewer);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              human.put(rs.getString(1), rs.getLong(2));
            }
          }
          PreparedStatement auto =
              store.statement(
                  "SELECT COUNT(*) FROM decision d JOIN (SELECT MAX(d2.id) AS id"
                      + " FROM decision d2 JOIN reviewer r ON r.id = d2.reviewer_id"
                      + " WHERE r.name = ? GROUP BY d2.item_id, d2.structure_id) cur"
                      + " ON cur.id = d.id WHERE d.action = 'ACCEPT' AND NOT EXISTS"
                      + " (SELECT 1 FROM decision h JOIN reviewer hr ON hr.id = h.reviewer_id"
                      + " WHERE h.item_id = d.item_id AND h.structure_id = d.structure_id"
                      + " AND hr.name <> ? AND h.action <> 'REOPEN')");
          auto.setString(1, automaticReviewer);
          auto.setString(2, automaticReviewer);
          long autoAccepted = store.optionalLong(auto).orElse(0L);
          return new UnitCounts(
              units,
              human.getOrDefault("ACCEPT", 0L),
              human.getOrDefault("EDIT", 0L),
              human.getOrDefault("FLAG", 0L),
              autoAccepted);
        });
  }

  /** When each reviewer's current decision on each unit was made. */
  public Map<DecisionKey, Instant> currentDecisionTimes() throws LabelCriticException {
    return store.call(
        c -> {
          Map<DecisionKey, Instant> out = new HashMap<>();
          try (ResultSet rs =
              store
                  .statement(
                      "SELECT d.item_id, d.structure_id, r.name, d.decided_at FROM decision d"
                          + " JOIN (SELECT MAX(id) AS id FROM decision"
                          + " GROUP BY item_id, structure_id, reviewer_id) cur ON cur.id = d.id"
                          + " JOIN reviewer r ON r.id = d.reviewer_id")
                  .executeQuery()) {
            while (rs.next()) {
              out.put(
                  new DecisionKey(rs.getLong(1), rs.getLong(2), rs.getString(3)),
                  Instant.parse(rs.getString(4)));
            }
          }
          return out;
        });
  }
}
