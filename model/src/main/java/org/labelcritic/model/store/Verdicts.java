package org.labelcritic.model.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Verdict;
import org.labelcritic.model.domain.VerdictOutcome;

/** The critic's verdicts. A model version scores a pair once; a restart skips what it scored. */
public final class Verdicts {
  private final Store store;

  Verdicts(Store store) {
    this.store = store;
  }

  /**
   * Stores a verdict unless the same critic and model version already scored this pair.
   *
   * @return true when stored, false when it was already there
   */
  public boolean save(NewVerdict v) throws LabelCriticException {
    return store.call(
        c -> {
          PreparedStatement ins =
              store.statement(
                  "INSERT INTO verdict (item_id, structure_id, candidate_a_id, candidate_b_id,"
                      + " outcome, confidence, critic, model_version, reasons, created_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
          ins.setLong(1, v.itemId());
          ins.setLong(2, v.structureId());
          ins.setLong(3, v.candidateA());
          if (v.candidateB().isPresent()) {
            ins.setLong(4, v.candidateB().getAsLong());
          } else {
            ins.setNull(4, Types.INTEGER);
          }
          ins.setString(5, v.outcome().name());
          ins.setDouble(6, v.confidence());
          ins.setString(7, v.critic());
          ins.setString(8, v.modelVersion());
          ins.setString(9, v.reasonsJson());
          ins.setString(10, Instant.now().toString());
          return ins.executeUpdate() == 1;
        });
  }

  /** Every verdict on an item and structure, newest first. */
  public List<Verdict> forItem(long itemId, long structureId) throws LabelCriticException {
    return store.call(
        c -> {
          PreparedStatement ps =
              store.statement(
                  "SELECT id, item_id, structure_id, candidate_a_id, candidate_b_id, outcome,"
                      + " confidence, critic, model_version, reasons, created_at FROM verdict"
                      + " WHERE item_id = ? AND structure_id = ? ORDER BY id DESC");
          ps.setLong(1, itemId);
          ps.setLong(2, structureId);
          List<Verdict> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(read(rs));
            }
          }
          return out;
        });
  }

  /**
   * Stores verdicts in one transaction (one durable commit instead of one per verdict), each
   * through {@link #save}: a verdict the same critic and model version already gave is skipped.
   *
   * @return how many were stored
   */
  public int saveAll(List<NewVerdict> verdicts) throws LabelCriticException {
    if (verdicts.isEmpty()) {
      return 0;
    }
    return store.transaction(
        c -> {
          int stored = 0;
          for (NewVerdict v : verdicts) {
            if (save(v)) {
              stored++;
            }
          }
          return stored;
        });
  }

  public long count() throws LabelCriticException {
    return store.call(
        c -> store.optionalLong(store.statement("SELECT COUNT(*) FROM verdict")).orElse(0L));
  }

  static Verdict read(ResultSet rs) throws SQLException {
    long b = rs.getLong(5);
    OptionalLong candB = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(b);
    return new Verdict(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getLong(4),
        candB,
        VerdictOutcome.valueOf(rs.getString(6)),
        rs.getDouble(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        Instant.parse(rs.getString(11)));
  }
}
