package org.labelcritic.model.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Dataset;
import org.labelcritic.model.domain.Source;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.domain.Structure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dataset database. One connection, guarded by a lock, because SQLite has one writer at a time
 * anyway; every public method is safe to call from any thread (never from the FX thread: callers in
 * the app run them on a background executor).
 *
 * <p>Reads and writes are grouped by concern: {@link #writer()} for imports, {@link #reviews()} for
 * decisions and sessions, {@link #verdicts()} for the critic's output and {@link #queries()} for
 * the queue and status counts.
 */
public final class Store implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Store.class);

  private final Path file;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final Dataset dataset;
  private final ImportWriter writer;
  private final Reviews reviews;
  private final Verdicts verdicts;
  private final Queries queries;

  private Store(Path file, Connection connection, String datasetNameIfNew)
      throws LabelCriticException {
    this.file = file;
    this.connection = connection;
    this.dataset = ensureDataset(datasetNameIfNew);
    this.writer = new ImportWriter(this);
    this.reviews = new Reviews(this);
    this.verdicts = new Verdicts(this);
    this.queries = new Queries(this);
  }

  /** Opens (creating and migrating when needed) the database at {@code file}. */
  public static Store open(Path file) throws LabelCriticException {
    return open(file, datasetNameFor(file));
  }

  /** Opens the database; a new one gets a dataset with the given name. */
  public static Store open(Path file, String datasetNameIfNew) throws LabelCriticException {
    if (Files.isDirectory(file)) {
      throw LabelCriticException.inFile(file, "is a folder; give the path of a database file");
    }
    Database.migrate(file);
    Connection c = Database.connect(file, false);
    try {
      return new Store(file, c, datasetNameIfNew);
    } catch (LabelCriticException | RuntimeException e) {
      try {
        c.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private static String datasetNameFor(Path file) {
    String n = file.getFileName() == null ? "dataset" : file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  public Path file() {
    return file;
  }

  public Dataset dataset() {
    return dataset;
  }

  public ImportWriter writer() {
    return writer;
  }

  public Reviews reviews() {
    return reviews;
  }

  public Verdicts verdicts() {
    return verdicts;
  }

  public Queries queries() {
    return queries;
  }

  /** The schema version of this database (the number of the newest migration applied). */
  public int schemaVersion() throws LabelCriticException {
    return call(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history"
                          + " WHERE success = 1")) {
            return rs.next() ? rs.getInt(1) : 0;
          }
        });
  }

  /** Runs SQLite's integrity check; "ok" when the file is sound. */
  public String integrityCheck() throws LabelCriticException {
    return call(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            StringBuilder sb = new StringBuilder();
            while (rs.next()) {
              sb.append(sb.isEmpty() ? "" : "; ").append(rs.getString(1));
            }
            return sb.toString();
          }
        });
  }

  // ---------------------------------------------------------------- structures and sources

  /** The id of the structure with this name, creating it when new. */
  public long structureId(String name) throws LabelCriticException {
    return call(c -> ensureNamed("structure", "INSERT INTO structure (name) VALUES (?)", name));
  }

  /** The id of the source with this name, creating it when new. */
  public long sourceId(String name, SourceKind kind, String version) throws LabelCriticException {
    return call(
        c -> {
          PreparedStatement find = statement("SELECT id FROM source WHERE name = ?");
          find.setString(1, name);
          try (ResultSet rs = find.executeQuery()) {
            if (rs.next()) {
              return rs.getLong(1);
            }
          }
          PreparedStatement ins =
              statement("INSERT INTO source (name, kind, version) VALUES (?, ?, ?)");
          ins.setString(1, name);
          ins.setString(2, kind.name());
          ins.setString(3, version == null ? "" : version);
          ins.executeUpdate();
          return lastId();
        });
  }

  public List<Structure> structures() throws LabelCriticException {
    return call(
        c -> {
          List<Structure> out = new ArrayList<>();
          try (ResultSet rs =
              statement("SELECT id, name FROM structure ORDER BY name").executeQuery()) {
            while (rs.next()) {
              out.add(new Structure(rs.getLong(1), rs.getString(2)));
            }
          }
          return out;
        });
  }

  public List<Source> sources() throws LabelCriticException {
    return call(
        c -> {
          List<Source> out = new ArrayList<>();
          try (ResultSet rs =
              statement("SELECT id, name, kind, version FROM source ORDER BY name")
                  .executeQuery()) {
            while (rs.next()) {
              out.add(
                  new Source(
                      rs.getLong(1),
                      rs.getString(2),
                      SourceKind.valueOf(rs.getString(3)),
                      rs.getString(4)));
            }
          }
          return out;
        });
  }

  // ---------------------------------------------------------------- plumbing

  /** Work on the connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection c) throws SQLException, LabelCriticException;
  }

  /** Runs one unit of work under the lock, in autocommit mode (each statement commits). */
  <T> T call(SqlWork<T> work) throws LabelCriticException {
    lock.lock();
    try {
      return work.run(connection);
    } catch (SQLException e) {
      discardStatements(e);
      throw translate(e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs one unit of work in a transaction under the lock: it is committed (durably, with
   * synchronous=FULL) before this method returns, or rolled back as a whole.
   */
  <T> T transaction(SqlWork<T> work) throws LabelCriticException {
    return transaction(work, true);
  }

  /**
   * {@link #transaction(SqlWork)}, optionally without SQLite's foreign-key checks: for bulk imports
   * whose writer checks every reference itself ({@link ImportWriter#inBulkTransaction}); the checks
   * are on again before this returns, whatever happened.
   */
  <T> T transaction(SqlWork<T> work, boolean foreignKeyChecks) throws LabelCriticException {
    lock.lock();
    try {
      if (foreignKeyChecks) {
        return transactionLocked(work);
      }
      setForeignKeys(false);
      T result;
      try {
        result = transactionLocked(work);
      } catch (LabelCriticException | RuntimeException e) {
        try {
          setForeignKeys(true);
        } catch (LabelCriticException again) {
          e.addSuppressed(again);
        }
        throw e;
      }
      // Committed; should the checks fail to come back on, the caller hears of it (an import
      // run again adds nothing) rather than the next writer running without them.
      setForeignKeys(true);
      return result;
    } finally {
      lock.unlock();
    }
  }

  private void setForeignKeys(boolean on) throws LabelCriticException {
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA foreign_keys=" + (on ? "ON" : "OFF"));
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  private <T> T transactionLocked(SqlWork<T> work) throws LabelCriticException {
    lock.lock();
    try {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | LabelCriticException | RuntimeException e) {
        // SQLite may already have rolled back by itself (a full disk, an I/O error): a failing
        // rollback or the autocommit switch must not hide the error that ended the transaction.
        rollbackQuietly(e);
        if (e instanceof SQLException || e.getCause() instanceof SQLException) {
          discardStatements(e);
        }
        throw e;
      } finally {
        restoreAutoCommit();
      }
    } catch (SQLException e) {
      discardStatements(e);
      throw translate(e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * After a failed statement the driver may have finalized it (a locked, full or read-only
   * database) while it still looks open; the cached statements are dropped and prepared again on
   * their next use, so the store works again once the fault is gone.
   */
  private void discardStatements(Exception cause) {
    for (PreparedStatement ps : statements.values()) {
      try {
        ps.close();
      } catch (SQLException e) {
        cause.addSuppressed(e);
      }
    }
    statements.clear();
  }

  private void rollbackQuietly(Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /**
   * Back to autocommit. The driver switches its mode before it ends the transaction, so a failure
   * here (no transaction left to end after SQLite's own rollback) leaves the connection usable.
   */
  private void restoreAutoCommit() {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      LOG.debug("{}: ending the transaction after a failure: {}", file, e.getMessage());
    }
  }

  /** A prepared statement cached for the life of the connection. Call only under the lock. */
  PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = connection.prepareStatement(sql);
      statements.put(sql, ps);
    }
    return ps;
  }

  /** The connection, for statements that live only as long as one transaction. */
  Connection connection() {
    return connection;
  }

  long lastId() throws SQLException {
    try (ResultSet rs = statement("SELECT last_insert_rowid()").executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  LabelCriticException translate(SQLException e) {
    return LabelCriticException.inFile(file, Database.describe(e, file), e);
  }

  private long ensureNamed(String table, String insertSql, String name) throws SQLException {
    PreparedStatement find = statement("SELECT id FROM " + table + " WHERE name = ?");
    find.setString(1, name);
    try (ResultSet rs = find.executeQuery()) {
      if (rs.next()) {
        return rs.getLong(1);
      }
    }
    PreparedStatement ins = statement(insertSql);
    ins.setString(1, name);
    ins.executeUpdate();
    return lastId();
  }

  private Dataset ensureDataset(String nameIfNew) throws LabelCriticException {
    return call(
        c -> {
          try (ResultSet rs =
              statement("SELECT uid, name, created_at FROM dataset WHERE id = 1").executeQuery()) {
            if (rs.next()) {
              return new Dataset(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3)));
            }
          }
          Dataset d = new Dataset(UUID.randomUUID().toString(), nameIfNew, Instant.now());
          PreparedStatement ins =
              statement("INSERT INTO dataset (id, uid, name, created_at) VALUES (1, ?, ?, ?)");
          ins.setString(1, d.uid());
          ins.setString(2, d.name());
          ins.setString(3, d.createdAt().toString());
          ins.executeUpdate();
          return d;
        });
  }

  /** Finds an optional single long. */
  Optional<Long> optionalLong(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      if (rs.next()) {
        long v = rs.getLong(1);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
      }
      return Optional.empty();
    }
  }

  @Override
  public void close() throws LabelCriticException {
    lock.lock();
    try {
      for (PreparedStatement ps : statements.values()) {
        ps.close();
      }
      statements.clear();
      connection.close();
    } catch (SQLException e) {
      throw translate(e);
    } finally {
      lock.unlock();
    }
  }
}
