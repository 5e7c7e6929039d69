package org.labelcritic.model.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.labelcritic.model.LabelCriticException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only audit log (table {@code audit_log}, schema V2): who did what, when. Every
 * decision, session start and end, merge, export and settings change appends a row, and the same
 * line goes to the SLF4J logger named {@value #LOGGER}, so that a log configuration can route it to
 * its own file. The table's triggers refuse UPDATE and DELETE; this class offers neither.
 */
public final class AuditLog {
  /** The name of the audit logger. */
  public static final String LOGGER = "audit";

  private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER);
  private static final String INSERT =
      "INSERT INTO audit_log (at, reviewer, action, detail) VALUES (?, ?, ?, ?)";

  /** What is audited; {@link #code()} is what the {@code action} column holds. */
  public enum Kind {
    DECISION("decision"),
    SESSION_START("session.start"),
    SESSION_END("session.end"),
    MERGE("merge"),
    EXPORT("export"),
    SETTINGS("settings");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** One row of the log. */
  public record Entry(long id, Instant at, String reviewer, String action, String detail) {}

  private final Store store;

  public AuditLog(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** Appends one row (committed when this returns) and logs it. */
  public void record(String reviewer, Kind kind, String detail) throws LabelCriticException {
    store.call(
        c -> {
          append(store, reviewer, kind, detail, true);
          return null;
        });
  }

  /** The newest rows first, at most {@code limit}. */
  public List<Entry> latest(int limit) throws LabelCriticException {
    return store.call(
        c -> {
          PreparedStatement ps =
              store.statement(
                  "SELECT id, at, reviewer, action, detail FROM audit_log ORDER BY id DESC LIMIT ?");
          ps.setInt(1, limit);
          List<Entry> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(
                  new Entry(
                      rs.getLong(1),
                      Instant.parse(rs.getString(2)),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5)));
            }
          }
          return out;
        });
  }

  /** Rows of one kind. */
  public long count(Kind kind) throws LabelCriticException {
    return store.call(
        c -> {
          PreparedStatement ps = store.statement("SELECT COUNT(*) FROM audit_log WHERE action = ?");
          ps.setString(1, kind.code());
          return store.optionalLong(ps).orElse(0L);
        });
  }

  /**
   * Appends a row on the store's connection; call under the store's lock (inside the caller's
   * transaction, so that the row commits with what it describes).
   *
   * @param log whether to write the line to the audit logger too (a batch logs one summary)
   */
  static void append(Store store, String reviewer, Kind kind, String detail, boolean log)
      throws SQLException {
    String who = reviewer == null ? "" : reviewer;
    String what = detail == null ? "" : detail;
    PreparedStatement ps = store.statement(INSERT);
    ps.setString(1, Instant.now().toString());
    ps.setString(2, who);
    ps.setString(3, kind.code());
    ps.setString(4, what);
    ps.executeUpdate();
    if (log) {
      AUDIT.info("{} {} {}: {}", store.dataset().uid(), who, kind.code(), what);
    }
  }
}
