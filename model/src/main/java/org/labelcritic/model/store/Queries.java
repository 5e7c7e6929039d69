package org.labelcritic.model.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.Item;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.ReviewStatus;

/** Read-only views: the review queue, candidates of an item, and the status counts. */
public final class Queries {
  /** A verdict at least this confident counts as "critic confident" in the queue. */
  public static final double DEFAULT_CONFIDENT_THRESHOLD = 0.9;

  // Latest verdict and latest decision per item and structure, as derived tables (portable SQL).
  private static final String QUEUE_FROM = queueFrom("", "");

  /**
   * The queue's FROM clause: every (item, structure) with candidates, its latest verdict and its
   * latest decision; {@code candidateWhere} narrows the items, {@code decisionWhere} the decisions
   * that count (both empty or starting with " WHERE").
   */
  private static String queueFrom(String candidateWhere, String decisionWhere) {
    return " FROM (SELECT item_id, structure_id, COUNT(*) AS n FROM candidate"
        + candidateWhere
        + " GROUP BY item_id, structure_id) p"
        + " JOIN item i ON i.id = p.item_id JOIN structure s ON s.id = p.structure_id"
        + " LEFT JOIN (SELECT item_id, structure_id, MAX(id) AS vid FROM verdict"
        + " GROUP BY item_id, structure_id) lv"
        + " ON lv.item_id = p.item_id AND lv.structure_id = p.structure_id"
        + " LEFT JOIN verdict v ON v.id = lv.vid"
        + " LEFT JOIN (SELECT item_id, structure_id, MAX(id) AS did FROM decision"
        + decisionWhere
        + " GROUP BY item_id, structure_id) ld"
        + " ON ld.item_id = p.item_id AND ld.structure_id = p.structure_id"
        + " LEFT JOIN decision d ON d.id = ld.did";
  }

  private static final String STATUS_CASE =
      "CASE WHEN d.action = 'FLAG' THEN 'FLAGGED'"
          + " WHEN d.action IN ('ACCEPT', 'EDIT') THEN 'DECIDED'"
          + " WHEN v.outcome IS NULL THEN 'PENDING'"
          + " WHEN v.outcome = 'AGREE' THEN 'AGREE'"
          + " WHEN v.outcome <> 'UNSURE' AND v.confidence >= ? THEN 'CONFIDENT'"
          + " ELSE 'UNSURE' END";

  /** The reviewer under whose name the automatic adopter records ({@code lcw adopt}). */
  public static final String AUTOMATIC_REVIEWER = "critic";

  private final Store store;

  Queries(Store store) {
    this.store = store;
  }

  /**
   * The queue a reviewer sees. Under an assignment plan that gives this reviewer a queue it is
   * blind: only the items dealt to them, with a status from their own decisions and the automatic
   * adopter's (the reviewer named {@value #AUTOMATIC_REVIEWER}) — never another reviewer's. Without
   * a plan, or for a reviewer the plan leaves out, it is {@link #queue(int)}. Before anyone signs
   * in ({@code reviewer} null or blank) it is empty under a plan: the whole queue would show every
   * reviewer's decisions to whoever is about to sign in.
   */
  public List<QueueRow> queueFor(String reviewer, int limit) throws LabelCriticException {
    if (reviewer == null || reviewer.isBlank()) {
      return planInForce() ? List.of() : queue(limit);
    }
    OptionalLong blind = blindReviewer(reviewer);
    if (blind.isEmpty()) {
      return queue(limit);
    }
    return store.call(
        c -> {
          PreparedStatement ps =
              store.statement(
                  "SELECT i.id, i.external_id, i.kind, s.id, s.name, p.n, "
                      + STATUS_CASE
                      + ", v.confidence"
                      + queueFrom(
                          " WHERE item_id IN (SELECT item_id FROM assignment WHERE reviewer_id = ?"
                              + " AND plan_id = (SELECT MAX(id) FROM assignment_plan))",
                          " WHERE reviewer_id = ? OR reviewer_id IN"
                              + " (SELECT id FROM reviewer WHERE name = ?)")
                      + " ORDER BY i.external_id, s.name LIMIT ?");
          ps.setDouble(1, DEFAULT_CONFIDENT_THRESHOLD);
          ps.setLong(2, blind.getAsLong());
          ps.setLong(3, blind.getAsLong());
          ps.setString(4, AUTOMATIC_REVIEWER);
          ps.setInt(5, limit);
          return readQueue(ps);
        });
  }

  /** Whether the latest assignment plan deals anyone a queue. */
  private boolean planInForce() throws LabelCriticException {
    return store.call(
        c ->
            store
                .optionalLong(
                    store.statement(
                        "SELECT 1 FROM assignment"
                            + " WHERE plan_id = (SELECT MAX(id) FROM assignment_plan) LIMIT 1"))
                .isPresent());
  }

  /**
   * The reviewer's id when an assignment plan is in force and deals this reviewer a queue: then
   * what they see must be blind to other reviewers' decisions. Empty otherwise.
   */
  public OptionalLong blindReviewer(String reviewer) throws LabelCriticException {
    if (reviewer == null || reviewer.isBlank()) {
      return OptionalLong.empty();
    }
    return store.call(
        c -> {
          PreparedStatement ps =
              store.statement(
                  "SELECT r.id FROM reviewer r WHERE r.name = ? AND EXISTS (SELECT 1 FROM"
                      + " assignment a WHERE a.reviewer_id = r.id"
                      + " AND a.plan_id = (SELECT MAX(id) FROM assignment_plan))");
          ps.setString(1, reviewer.strip());
          Optional<Long> id = store.optionalLong(ps);
          return id.isPresent() ? OptionalLong.of(id.get()) : OptionalLong.empty();
        });
  }

  /** The queue in item and structure order, at most {@code limit} rows. */
  public List<QueueRow> queue(int limit) throws LabelCriticException {
    return queue(limit, DEFAULT_CONFIDENT_THRESHOLD);
  }

  public List<QueueRow> queue(int limit, double confidentThreshold) throws LabelCriticException {
    return store.call(
        c -> {
          PreparedStatement ps =
              store.statement(
                  "SELECT i.id, i.external_id, i.kind, s.id, s.name, p.n, "
                      + STATUS_CASE
                      + ", v.confidence"
                      + QUEUE_FROM
                      + " ORDER BY i.external_id, s.name LIMIT ?");
          ps.setDouble(1, confidentThreshold);
          ps.setInt(2, limit);
          return readQueue(ps);
        });
  }

  private static List<QueueRow> readQueue(PreparedStatement ps) throws SQLException {
    List<QueueRow> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        double conf = rs.getDouble(8);
        boolean noVerdict = rs.wasNull();
        out.add(
            new QueueRow(
                rs.getLong(1),
                rs.getString(2),
                ItemKind.valueOf(rs.getString(3)),
                rs.getLong(4),
                rs.getString(5),
                rs.getInt(6),
                ReviewStatus.valueOf(rs.getString(7)),
                noVerdict ? OptionalDouble.empty() : OptionalDouble.of(conf)));
      }
    }
    return out;
  }

  /** The item with this id, if there is one. */
  public Optional<Item> item(long itemId) throws LabelCriticException {
    return store.call(
        c -> {
          PreparedStatement ps = store.statement(ExportQueries.ITEM_SELECT + " WHERE i.id = ?");
          ps.setLong(1, itemId);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(ExportQueries.readItem(rs)) : Optional.empty();
          }
        });
  }

  /** Every candidate for an item and structure, in source order. */
  public List<Candidate> candidates(long itemId, long structureId) throws LabelCriticException {
    return store.call(
        c -> {
          PreparedStatement ps =
              store.statement(
                  "SELECT id, item_id, structure_id, source_id, revision, mask_path, mask_size,"
                      + " mask_sha256, label_values, code, confidence, digit_confidences"
                      + " FROM candidate WHERE item_id = ? AND structure_id = ?"
                      + " ORDER BY source_id, revision");
          ps.setLong(1, itemId);
          ps.setLong(2, structureId);
          List<Candidate> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(readCandidate(rs));
            }
          }
          return out;
        });
  }

  /**
   * The newest verdict, decision and candidate ids, cheap enough to poll every second: the queue
   * only needs reloading when one of them moved.
   */
  public ChangeMark changeMark() throws LabelCriticException {
    return store.call(
        c ->
            new ChangeMark(
                single("SELECT COALESCE(MAX(id), 0) FROM verdict"),
                single("SELECT COALESCE(MAX(id), 0) FROM decision"),
                single("SELECT COALESCE(MAX(id), 0) FROM candidate")));
  }

  /** The counts behind {@code lcw status}. */
  public StatusReport status() throws LabelCriticException {
    int schema = store.schemaVersion();
    return store.call(
        c -> {
          Map<String, Long> byKind =
              countMap("SELECT kind, items FROM item_count WHERE items > 0 ORDER BY kind");
          List<StatusReport.StructureCount> structures = new ArrayList<>();
          try (ResultSet rs =
              store
                  .statement(
                      "SELECT s.name, COALESCE(p.pairs, 0),"
                          + " (SELECT COALESCE(SUM(cc.candidates), 0) FROM candidate_count cc"
                          + " WHERE cc.structure_id = s.id)"
                          + " FROM structure s LEFT JOIN pair_count p ON p.structure_id = s.id"
                          + " ORDER BY s.name")
                  .executeQuery()) {
            while (rs.next()) {
              structures.add(
                  new StatusReport.StructureCount(rs.getString(1), rs.getLong(2), rs.getLong(3)));
            }
          }
          List<StatusReport.SourceCount> sources = new ArrayList<>();
          try (ResultSet rs =
              store
                  .statement(
                      "SELECT s.name, s.kind, s.version,"
                          + " (SELECT COALESCE(SUM(cc.candidates), 0) FROM candidate_count cc"
                          + " WHERE cc.source_id = s.id)"
                          + " FROM source s ORDER BY s.name")
                  .executeQuery()) {
            while (rs.next()) {
              sources.add(
                  new StatusReport.SourceCount(
                      rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
            }
          }
          Map<String, Long> byOutcome =
              countMap("SELECT outcome, COUNT(*) FROM verdict GROUP BY outcome ORDER BY outcome");
          Map<String, Long> byCritic =
              countMap(
                  "SELECT critic || ' ' || model_version, COUNT(*) FROM verdict"
                      + " GROUP BY critic, model_version ORDER BY critic, model_version");
          Map<String, Long> queueByStatus = queueCounts();
          return new StatusReport(
              store.dataset().name(),
              store.dataset().uid(),
              schema,
              byKind,
              structures,
              sources,
              byOutcome,
              byCritic,
              single("SELECT COUNT(*) FROM decision"),
              queueByStatus,
              single("SELECT COUNT(*) FROM reviewer"),
              single("SELECT COUNT(*) FROM review_session"));
        });
  }

  /**
   * Queue lines per status. Only pairs that have a verdict or a decision are looked at; every other
   * pair is pending, and the number of pairs comes from the counters, so this stays fast on a
   * census-scale database.
   */
  private Map<String, Long> queueCounts() throws SQLException {
    long pairs = single("SELECT COALESCE(SUM(pairs), 0) FROM pair_count");
    PreparedStatement q =
        store.statement(
            "SELECT "
                + STATUS_CASE
                + ", COUNT(*) FROM (SELECT item_id, structure_id FROM verdict"
                + " UNION SELECT item_id, structure_id FROM decision) p"
                + " LEFT JOIN (SELECT item_id, structure_id, MAX(id) AS vid FROM verdict"
                + " GROUP BY item_id, structure_id) lv"
                + " ON lv.item_id = p.item_id AND lv.structure_id = p.structure_id"
                + " LEFT JOIN verdict v ON v.id = lv.vid"
                + " LEFT JOIN (SELECT item_id, structure_id, MAX(id) AS did FROM decision"
                + " GROUP BY item_id, structure_id) ld"
                + " ON ld.item_id = p.item_id AND ld.structure_id = p.structure_id"
                + " LEFT JOIN decision d ON d.id = ld.did GROUP BY 1");
    q.setDouble(1, DEFAULT_CONFIDENT_THRESHOLD);
    Map<ReviewStatus, Long> byStatus = new EnumMap<>(ReviewStatus.class);
    long seen = 0;
    try (ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        byStatus.put(ReviewStatus.valueOf(rs.getString(1)), rs.getLong(2));
        seen += rs.getLong(2);
      }
    }
    if (pairs > seen) {
      byStatus.merge(ReviewStatus.PENDING, pairs - seen, Long::sum);
    }
    Map<String, Long> out = new LinkedHashMap<>();
    byStatus.forEach((k, v) -> out.put(k.name(), v));
    return out;
  }

  private long single(String sql) throws SQLException {
    return store.optionalLong(store.statement(sql)).orElse(0L);
  }

  private Map<String, Long> countMap(String sql) throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (ResultSet rs = store.statement(sql).executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    return out;
  }

  static Candidate readCandidate(ResultSet rs) throws SQLException {
    String maskPath = rs.getString(6);
    CandidateLabel label;
    if (maskPath != null) {
      SortedSet<Integer> values = new TreeSet<>();
      for (String v : rs.getString(9).split(",")) {
        values.add(Integer.parseInt(v.strip()));
      }
      label =
          new CandidateLabel.Mask(new FileRef(maskPath, rs.getLong(7), rs.getString(8)), values);
    } else {
      double conf = rs.getDouble(11);
      if (rs.wasNull()) {
        conf = Double.NaN;
      }
      String digits = rs.getString(12);
      List<Double> dc = new ArrayList<>();
      if (digits != null && !digits.isEmpty()) {
        for (String d : digits.split(";")) {
          dc.add(Double.parseDouble(d));
        }
      }
      label = new CandidateLabel.Code(rs.getString(10), conf, dc);
    }
    return new Candidate(
        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getInt(5), label);
  }
}
