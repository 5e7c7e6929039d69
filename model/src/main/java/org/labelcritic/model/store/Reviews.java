package org.labelcritic.model.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.ReviewSession;
import org.labelcritic.model.domain.Reviewer;

/** Reviewers, their sessions and their append-only decisions. */
public final class Reviews {
  private static final org.slf4j.Logger AUDIT = org.slf4j.LoggerFactory.getLogger(AuditLog.LOGGER);
  static final String DECISION_COLUMNS =
      "id, uid, item_id, structure_id, reviewer_id, session_id, action, candidate_id,"
          + " flag_reason, note, verdict_id, supersedes_id, time_spent_ms, decided_at";

  private final Store store;

  Reviews(Store store) {
    this.store = store;
  }

  /** The id of the reviewer with this name, without creating one; empty when there is none. */
  public OptionalLong reviewerId(String name) throws LabelCriticException {
    return store.call(
        c -> {
          PreparedStatement ps = store.statement("SELECT id FROM reviewer WHERE name = ?");
          ps.setString(1, name.strip());
          Optional<Long> id = store.optionalLong(ps);
          return id.isPresent() ? OptionalLong.of(id.get()) : OptionalLong.empty();
        });
  }

  /** The reviewer with this name, created when new. */
  public Reviewer reviewer(String name) throws LabelCriticException {
    if (name == null || name.isBlank()) {
      throw new LabelCriticException("a reviewer needs a name");
    }
    String n = name.strip();
    return store.call(
        c -> {
          PreparedStatement find = store.statement("SELECT id FROM reviewer WHERE name = ?");
          find.setString(1, n);
          Optional<Long> id = store.optionalLong(find);
          if (id.isPresent()) {
            return new Reviewer(id.get(), n);
          }
          PreparedStatement ins =
              store.statement("INSERT INTO reviewer (name, created_at) VALUES (?, ?)");
          ins.setString(1, n);
          ins.setString(2, Instant.now().toString());
          ins.executeUpdate();
          return new Reviewer(store.lastId(), n);
        });
  }

  public ReviewSession startSession(long reviewerId, String machine) throws LabelCriticException {
    String uid = UUID.randomUUID().toString();
    Instant now = Instant.now();
    return store.transaction(
        c -> {
          PreparedStatement ins =
              store.statement(
                  "INSERT INTO review_session (uid, reviewer_id, machine, started_at)"
                      + " VALUES (?, ?, ?, ?)");
          ins.setString(1, uid);
          ins.setLong(2, reviewerId);
          ins.setString(3, machine == null ? "" : machine);
          ins.setString(4, now.toString());
          ins.executeUpdate();
          long id = store.lastId();
          AuditLog.append(
              store,
              reviewerName(reviewerId),
              AuditLog.Kind.SESSION_START,
              "session " + uid + " on " + (machine == null ? "" : machine),
              true);
          return new ReviewSession(id, uid, reviewerId, machine, now, Optional.empty());
        });
  }

  public void endSession(long sessionId) throws LabelCriticException {
    store.transaction(
        c -> {
          PreparedStatement up =
              store.statement(
                  "UPDATE review_session SET ended_at = ? WHERE id = ? AND ended_at IS NULL");
          up.setString(1, Instant.now().toString());
          up.setLong(2, sessionId);
          int changed = up.executeUpdate();
          if (changed > 0) {
            PreparedStatement who =
                store.statement(
                    "SELECT r.name, s.uid FROM review_session s"
                        + " JOIN reviewer r ON r.id = s.reviewer_id WHERE s.id = ?");
            who.setLong(1, sessionId);
            try (ResultSet rs = who.executeQuery()) {
              if (rs.next()) {
                AuditLog.append(
                    store,
                    rs.getString(1),
                    AuditLog.Kind.SESSION_END,
                    "session " + rs.getString(2),
                    true);
              }
            }
          }
          return changed;
        });
  }

  /**
   * Appends a decision; it supersedes the same reviewer's latest decision on the same item and
   * structure. The decision is committed (durably) before this method returns.
   */
  public Decision record(NewDecision d) throws LabelCriticException {
    return store.transaction(
        c -> {
          Decision out = insert(d);
          audit(out, true);
          return out;
        });
  }

  /**
   * Appends decisions in one transaction (one durable commit for all, e.g. for automatic adoption
   * at census scale); each supersedes as {@link #record} does. All are committed, or none.
   */
  public List<Decision> recordAll(List<NewDecision> decisions) throws LabelCriticException {
    if (decisions.isEmpty()) {
      return List.of();
    }
    return store.transaction(
        c -> {
          List<Decision> out = new ArrayList<>(decisions.size());
          for (NewDecision d : decisions) {
            Decision one = insert(d);
            audit(one, false);
            out.add(one);
          }
          AUDIT.info(
              "{} appended {} decision(s) in one transaction", store.dataset().uid(), out.size());
          return out;
        });
  }

  /** Appends the audit row of a decision just inserted; call inside its transaction. */
  void audit(Decision d, boolean log) throws SQLException {
    AuditLog.append(store, reviewerName(d.reviewerId()), AuditLog.Kind.DECISION, describe(d), log);
  }

  private String reviewerName(long reviewerId) throws SQLException {
    PreparedStatement ps = store.statement("SELECT name FROM reviewer WHERE id = ?");
    ps.setLong(1, reviewerId);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : "#" + reviewerId;
    }
  }

  /** The audit text of a decision: ids only, so that it costs no extra lookups. */
  static String describe(Decision d) {
    String what =
        switch (d.action()) {
          case DecisionAction.Accept a -> "ACCEPT candidate " + a.candidateId();
          case DecisionAction.Edit e -> "EDIT candidate " + e.newCandidateId();
          case DecisionAction.Flag f -> "FLAG " + f.reason().name();
          case DecisionAction.Reopen r -> "REOPEN";
        };
    return "decision "
        + d.uid()
        + " item "
        + d.itemId()
        + " structure "
        + d.structureId()
        + ": "
        + what
        + (d.sessionId().isPresent() ? " (session " + d.sessionId().getAsLong() + ")" : "");
  }

  /** Inserts one decision; call inside a transaction (also used by {@link CodeEdits}). */
  Decision insert(NewDecision d) throws SQLException {
    String uid = UUID.randomUUID().toString();
    Instant now = Instant.now();
    PreparedStatement latest =
        store.statement(
            "SELECT MAX(id) FROM decision"
                + " WHERE item_id = ? AND structure_id = ? AND reviewer_id = ?");
    latest.setLong(1, d.itemId());
    latest.setLong(2, d.structureId());
    latest.setLong(3, d.reviewerId());
    Optional<Long> supersedes = store.optionalLong(latest);
    PreparedStatement ins =
        store.statement(
            "INSERT INTO decision (uid, item_id, structure_id, reviewer_id, session_id,"
                + " action, candidate_id, flag_reason, note, verdict_id, supersedes_id,"
                + " time_spent_ms, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.setString(1, uid);
    ins.setLong(2, d.itemId());
    ins.setLong(3, d.structureId());
    ins.setLong(4, d.reviewerId());
    setOptional(ins, 5, d.sessionId());
    ins.setString(6, d.action().kind());
    switch (d.action()) {
      case DecisionAction.Accept a -> {
        ins.setLong(7, a.candidateId());
        ins.setNull(8, Types.VARCHAR);
      }
      case DecisionAction.Edit e -> {
        ins.setLong(7, e.newCandidateId());
        ins.setNull(8, Types.VARCHAR);
      }
      case DecisionAction.Flag f -> {
        ins.setNull(7, Types.INTEGER);
        ins.setString(8, f.reason().name());
      }
      case DecisionAction.Reopen r -> {
        ins.setNull(7, Types.INTEGER);
        ins.setNull(8, Types.VARCHAR);
      }
    }
    ins.setString(9, d.note());
    setOptional(ins, 10, d.verdictId());
    setOptional(ins, 11, supersedes.map(OptionalLong::of).orElseGet(OptionalLong::empty));
    ins.setLong(12, d.timeSpentMillis());
    ins.setString(13, now.toString());
    ins.executeUpdate();
    long id = store.lastId();
    return new Decision(
        id,
        uid,
        d.itemId(),
        d.structureId(),
        d.reviewerId(),
        d.sessionId(),
        d.action(),
        d.note(),
        d.verdictId(),
        supersedes.map(OptionalLong::of).orElseGet(OptionalLong::empty),
        d.timeSpentMillis(),
        now);
  }

  /** Every decision on an item and structure, oldest first (the audit trail). */
  public List<Decision> history(long itemId, long structureId) throws LabelCriticException {
    return store.call(
        c -> {
          PreparedStatement ps =
              store.statement(
                  "SELECT "
                      + DECISION_COLUMNS
                      + " FROM decision WHERE item_id = ? AND structure_id = ? ORDER BY id");
          ps.setLong(1, itemId);
          ps.setLong(2, structureId);
          return readDecisions(ps);
        });
  }

  /** The reviewer's current decision on an item and structure (the latest one), if any. */
  public Optional<Decision> current(long itemId, long structureId, long reviewerId)
      throws LabelCriticException {
    return store.call(
        c -> {
          PreparedStatement ps =
              store.statement(
                  "SELECT "
                      + DECISION_COLUMNS
                      + " FROM decision WHERE item_id = ? AND structure_id = ? AND reviewer_id = ?"
                      + " ORDER BY id DESC LIMIT 1");
          ps.setLong(1, itemId);
          ps.setLong(2, structureId);
          ps.setLong(3, reviewerId);
          List<Decision> l = readDecisions(ps);
          return l.isEmpty() ? Optional.empty() : Optional.of(l.getFirst());
        });
  }

  public long count() throws LabelCriticException {
    return store.call(
        c -> store.optionalLong(store.statement("SELECT COUNT(*) FROM decision")).orElse(0L));
  }

  private static List<Decision> readDecisions(PreparedStatement ps) throws SQLException {
    List<Decision> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(readDecision(rs));
      }
    }
    return out;
  }

  /** The decision in columns 1..14 of the current row, in {@link #DECISION_COLUMNS} order. */
  static Decision readDecision(ResultSet rs) throws SQLException {
    DecisionAction action =
        switch (rs.getString(7)) {
          case "ACCEPT" -> new DecisionAction.Accept(rs.getLong(8));
          case "EDIT" -> new DecisionAction.Edit(rs.getLong(8));
          case "FLAG" -> new DecisionAction.Flag(FlagReason.valueOf(rs.getString(9)));
          case "REOPEN" -> new DecisionAction.Reopen();
          default -> throw new SQLException("unknown decision action " + rs.getString(7));
        };
    return new Decision(
        rs.getLong(1),
        rs.getString(2),
        rs.getLong(3),
        rs.getLong(4),
        rs.getLong(5),
        optionalLong(rs, 6),
        action,
        rs.getString(10),
        optionalLong(rs, 11),
        optionalLong(rs, 12),
        rs.getLong(13),
        Instant.parse(rs.getString(14)));
  }

  private static OptionalLong optionalLong(ResultSet rs, int col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
  }

  private static void setOptional(PreparedStatement ps, int i, OptionalLong v) throws SQLException {
    if (v.isPresent()) {
      ps.setLong(i, v.getAsLong());
    } else {
      ps.setNull(i, Types.INTEGER);
    }
  }
}
