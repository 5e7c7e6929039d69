package org.labelcritic.model.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.labelcritic.model.LabelCriticException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Reads and writes session files ({@code .lcws}): SQLite files with a small schema of their own
 * (format {@value #FORMAT}), independent of the dataset schema, holding one reviewer's sessions,
 * decisions and edited masks (mask file bytes as blobs, so one file carries everything).
 */
public final class SessionFile {
  /** The newest session file format this build writes and reads. */
  public static final int FORMAT = 1;

  private static final String[] SCHEMA = {
    "CREATE TABLE lcws_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE session (uid TEXT PRIMARY KEY, reviewer TEXT NOT NULL, machine TEXT NOT NULL,"
        + " started_at TEXT NOT NULL, ended_at TEXT)",
    "CREATE TABLE candidate (id INTEGER PRIMARY KEY, item TEXT NOT NULL, structure TEXT NOT NULL,"
        + " source TEXT NOT NULL, source_kind TEXT NOT NULL, source_version TEXT NOT NULL,"
        + " revision INTEGER NOT NULL, mask_sha256 TEXT, label_values TEXT, mask_file_name TEXT,"
        + " mask_bytes BLOB, code TEXT, confidence REAL, digit_confidences TEXT)",
    "CREATE TABLE decision (uid TEXT PRIMARY KEY, item TEXT NOT NULL, structure TEXT NOT NULL,"
        + " reviewer TEXT NOT NULL, session_uid TEXT, action TEXT NOT NULL,"
        + " cand_source TEXT, cand_kind TEXT, cand_version TEXT, cand_revision INTEGER,"
        + " flag_reason TEXT, note TEXT NOT NULL, verdict_critic TEXT, verdict_model TEXT,"
        + " va_source TEXT, va_kind TEXT, va_version TEXT, va_revision INTEGER,"
        + " vb_source TEXT, vb_kind TEXT, vb_version TEXT, vb_revision INTEGER,"
        + " time_spent_ms INTEGER NOT NULL, decided_at TEXT NOT NULL)"
  };

  private SessionFile() {}

  /** Writes {@code data} to {@code out} completely or not at all (a temporary file is moved in). */
  public static void write(Path out, SessionData data) throws LabelCriticException {
    Path parent = out.toAbsolutePath().getParent();
    Path tmp;
    try {
      Files.createDirectories(parent);
      tmp = Files.createTempFile(parent, ".lcws-", ".tmp");
    } catch (IOException e) {
      throw LabelCriticException.inFile(out, "cannot write the session file: " + e.getMessage(), e);
    }
    try {
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.toAbsolutePath())) {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
          for (String ddl : SCHEMA) {
            s.executeUpdate(ddl);
          }
        }
        writeMeta(c, data);
        writeSessions(c, data.sessions());
        writeCandidates(c, data.candidates());
        writeDecisions(c, data.decisions());
        c.commit();
      }
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (SQLException | IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw LabelCriticException.inFile(out, "cannot write the session file: " + e.getMessage(), e);
    }
  }

  /** Reads a session file, refusing one that is not a session file or has a newer format. */
  public static SessionData read(Path file) throws LabelCriticException {
    if (!Files.isRegularFile(file)) {
      throw LabelCriticException.inFile(file, "no such session file");
    }
    SQLiteConfig readOnly = new SQLiteConfig();
    readOnly.setReadOnly(true);
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:sqlite:" + file.toAbsolutePath(), readOnly.toProperties())) {
      Map<String, String> meta = new HashMap<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT key, value FROM lcws_meta")) {
        while (rs.next()) {
          meta.put(rs.getString(1), rs.getString(2));
        }
      } catch (SQLException e) {
        throw LabelCriticException.inFile(
            file,
            e.getMessage() != null && e.getMessage().contains("no such table")
                ? "is not a LabelCritic session file (no lcws_meta table)"
                : cannotRead(e),
            e);
      }
      int format = intMeta(file, meta, "format");
      if (format > FORMAT) {
        throw LabelCriticException.inFile(
            file,
            "has session format "
                + format
                + ", newer than this program reads ("
                + FORMAT
                + "); update LabelCritic Workbench");
      }
      for (String key : List.of("file_uid", "dataset_uid", "dataset_name", "reviewer")) {
        if (meta.get(key) == null) {
          throw LabelCriticException.inFile(file, "lcws_meta lacks '" + key + "'");
        }
      }
      return new SessionData(
          meta.get("file_uid"),
          meta.get("dataset_uid"),
          meta.get("dataset_name"),
          intMeta(file, meta, "schema_version"),
          meta.get("reviewer"),
          meta.getOrDefault("exported_at", ""),
          readSessions(file, c),
          readCandidates(file, c),
          readDecisions(file, c));
    } catch (SQLException e) {
      throw LabelCriticException.inFile(file, cannotRead(e), e);
    }
  }

  /** Why SQLite could not read a session file, in words. */
  private static String cannotRead(SQLException e) {
    int primary = e instanceof SQLiteException se ? se.getResultCode().code & 0xFF : -1;
    if (primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
      return "is not a LabelCritic session file (not an SQLite database)";
    }
    if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code) {
      return "is damaged (SQLite: the database disk image is malformed);"
          + " export the session again";
    }
    if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
      return "cannot be opened (SQLite: " + e.getMessage() + ")";
    }
    if (e.getMessage() != null
        && (e.getMessage().contains("no such table")
            || e.getMessage().contains("no such column"))) {
      return "is not a LabelCritic session file of format "
          + FORMAT
          + " (SQLite: "
          + e.getMessage()
          + ")";
    }
    return "cannot read the session file: " + e.getMessage();
  }

  private static int intMeta(Path file, Map<String, String> meta, String key)
      throws LabelCriticException {
    String v = meta.get(key);
    try {
      return Integer.parseInt(v == null ? "" : v.strip());
    } catch (NumberFormatException e) {
      throw LabelCriticException.inFile(
          file, "lcws_meta '" + key + "' is '" + v + "', not a whole number");
    }
  }

  private static void writeMeta(Connection c, SessionData d) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO lcws_meta (key, value) VALUES (?, ?)")) {
      String[][] rows = {
        {"format", String.valueOf(FORMAT)},
        {"file_uid", d.fileUid()},
        {"dataset_uid", d.datasetUid()},
        {"dataset_name", d.datasetName()},
        {"schema_version", String.valueOf(d.schemaVersion())},
        {"reviewer", d.reviewer()},
        {"exported_at", d.exportedAt()}
      };
      for (String[] r : rows) {
        ps.setString(1, r[0]);
        ps.setString(2, r[1]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void writeSessions(Connection c, List<PortableSession> sessions)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO session (uid, reviewer, machine, started_at, ended_at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      for (PortableSession s : sessions) {
        ps.setString(1, s.uid());
        ps.setString(2, s.reviewer());
        ps.setString(3, s.machine());
        ps.setString(4, s.startedAt());
        ps.setString(5, s.endedAt());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void writeCandidates(Connection c, List<PortableCandidate> candidates)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO candidate (item, structure, source, source_kind, source_version,"
                + " revision, mask_sha256, label_values, mask_file_name, mask_bytes, code,"
                + " confidence, digit_confidences) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (PortableCandidate p : candidates) {
        ps.setString(1, p.item());
        ps.setString(2, p.structure());
        ps.setString(3, p.key().source());
        ps.setString(4, p.key().sourceKind());
        ps.setString(5, p.key().sourceVersion());
        ps.setInt(6, p.key().revision());
        ps.setString(7, p.maskSha256());
        ps.setString(8, p.labelValues());
        ps.setString(9, p.maskFileName());
        ps.setBytes(10, p.maskBytes());
        ps.setString(11, p.code());
        if (p.confidence() == null) {
          ps.setNull(12, Types.REAL);
        } else {
          ps.setDouble(12, p.confidence());
        }
        ps.setString(13, p.digitConfidences());
        ps.executeUpdate();
      }
    }
  }

  private static void writeDecisions(Connection c, List<PortableDecision> decisions)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO decision (uid, item, structure, reviewer, session_uid, action,"
                + " cand_source, cand_kind, cand_version, cand_revision, flag_reason, note,"
                + " verdict_critic, verdict_model, va_source, va_kind, va_version, va_revision,"
                + " vb_source, vb_kind, vb_version, vb_revision, time_spent_ms, decided_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?)")) {
      for (PortableDecision d : decisions) {
        ps.setString(1, d.uid());
        ps.setString(2, d.item());
        ps.setString(3, d.structure());
        ps.setString(4, d.reviewer());
        ps.setString(5, d.sessionUid());
        ps.setString(6, d.action());
        setKey(ps, 7, d.candidate());
        ps.setString(11, d.flagReason());
        ps.setString(12, d.note());
        PortableVerdict v = d.verdict();
        ps.setString(13, v == null ? null : v.critic());
        ps.setString(14, v == null ? null : v.modelVersion());
        setKey(ps, 15, v == null ? null : v.a());
        setKey(ps, 19, v == null ? null : v.b());
        ps.setLong(23, d.timeSpentMillis());
        ps.setString(24, d.decidedAt());
        ps.executeUpdate();
      }
    }
  }

  private static void setKey(PreparedStatement ps, int first, CandidateKey k) throws SQLException {
    ps.setString(first, k == null ? null : k.source());
    ps.setString(first + 1, k == null ? null : k.sourceKind());
    ps.setString(first + 2, k == null ? null : k.sourceVersion());
    if (k == null) {
      ps.setNull(first + 3, Types.INTEGER);
    } else {
      ps.setInt(first + 3, k.revision());
    }
  }

  /**
   * A candidate key from four columns (source, kind, version, revision); null when the source is
   * null, unless {@code row.table} requires one.
   */
  private static CandidateKey readKey(Row row, ResultSet rs, int first, boolean required)
      throws SQLException, LabelCriticException {
    String source = required ? row.text(first) : rs.getString(first);
    if (source == null) {
      return null;
    }
    return new CandidateKey(
        source, row.text(first + 1), rs.getString(first + 2), row.whole(first + 3));
  }

  /**
   * One row being read, for messages that name the table, the row and the column: the format
   * declares these columns NOT NULL, so a NULL (or a damaged number) means a damaged file.
   */
  private record Row(Path file, String table, int number, ResultSet rs) {
    String text(int column) throws SQLException, LabelCriticException {
      String v = rs.getString(column);
      if (v == null) {
        throw damaged(column, "is empty (NULL)");
      }
      return v;
    }

    int whole(int column) throws SQLException, LabelCriticException {
      long v = wholeLong(column);
      if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw damaged(column, "is " + v + ", out of range");
      }
      return (int) v;
    }

    long wholeLong(int column) throws SQLException, LabelCriticException {
      Object v = rs.getObject(column);
      if (v instanceof Integer || v instanceof Long) {
        return ((Number) v).longValue();
      }
      throw damaged(
          column,
          switch (v) {
            case null -> "is empty (NULL)";
            case byte[] b -> "holds " + b.length + " bytes of binary data, not a whole number";
            default -> "is '" + shorten(String.valueOf(v)) + "', not a whole number";
          });
    }

    private static String shorten(String v) {
      return v.length() > 40 ? v.substring(0, 40) + "..." : v;
    }

    LabelCriticException damaged(int column, String what) throws SQLException {
      return LabelCriticException.inFile(
          file,
          "table "
              + table
              + ", row "
              + number
              + ": column "
              + rs.getMetaData().getColumnName(column)
              + " "
              + what
              + "; the session file is damaged");
    }
  }

  private static List<PortableSession> readSessions(Path file, Connection c)
      throws SQLException, LabelCriticException {
    List<PortableSession> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT uid, reviewer, machine, started_at, ended_at FROM session ORDER BY uid")) {
      while (rs.next()) {
        Row row = new Row(file, "session", out.size() + 1, rs);
        out.add(
            new PortableSession(
                row.text(1), row.text(2), row.text(3), row.text(4), rs.getString(5)));
      }
    }
    return out;
  }

  private static List<PortableCandidate> readCandidates(Path file, Connection c)
      throws SQLException, LabelCriticException {
    List<PortableCandidate> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT item, structure, source, source_kind, source_version, revision,"
                    + " mask_sha256, label_values, mask_file_name, mask_bytes, code, confidence,"
                    + " digit_confidences FROM candidate ORDER BY id")) {
      while (rs.next()) {
        Row row = new Row(file, "candidate", out.size() + 1, rs);
        double conf = rs.getDouble(12);
        Double confidence = rs.wasNull() ? null : conf;
        out.add(
            new PortableCandidate(
                row.text(1),
                row.text(2),
                readKey(row, rs, 3, true),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getBytes(10),
                rs.getString(11),
                confidence,
                rs.getString(13)));
      }
    }
    return out;
  }

  private static List<PortableDecision> readDecisions(Path file, Connection c)
      throws SQLException, LabelCriticException {
    List<PortableDecision> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT uid, item, structure, reviewer, session_uid, action, cand_source,"
                    + " cand_kind, cand_version, cand_revision, flag_reason, note,"
                    + " verdict_critic, verdict_model, va_source, va_kind, va_version,"
                    + " va_revision, vb_source, vb_kind, vb_version, vb_revision, time_spent_ms,"
                    + " decided_at FROM decision ORDER BY decided_at, uid")) {
      while (rs.next()) {
        Row row = new Row(file, "decision", out.size() + 1, rs);
        String critic = rs.getString(13);
        PortableVerdict v =
            critic == null
                ? null
                : new PortableVerdict(
                    critic,
                    rs.getString(14),
                    readKey(row, rs, 15, false),
                    readKey(row, rs, 19, false));
        out.add(
            new PortableDecision(
                row.text(1),
                row.text(2),
                row.text(3),
                row.text(4),
                rs.getString(5),
                row.text(6),
                readKey(row, rs, 7, false),
                rs.getString(11),
                row.text(12),
                v,
                row.wholeLong(23),
                row.text(24)));
      }
    }
    return out;
  }
}
