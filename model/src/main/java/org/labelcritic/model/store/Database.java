package org.labelcritic.model.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.labelcritic.model.LabelCriticException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Opens a dataset database with the settings the design requires and migrates its schema. */
final class Database {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  /** The newest schema version this build knows. A newer database is refused. */
  static final int SCHEMA_VERSION = 5;

  private static final String READ_ONLY = "the database is read-only";
  private static final List<String> SIDECARS = List.of("-wal", "-shm");

  private Database() {}

  static SQLiteDataSource dataSource(Path file, boolean readOnly) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(5_000);
    // 64 MiB of page cache: imports insert into large indexes, and a small cache makes them write
    // the same pages to the WAL over and over.
    config.setCacheSize(-65_536);
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    config.setReadOnly(readOnly);
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return ds;
  }

  /** Migrates the schema to the newest version, refusing a database from a newer build. */
  static void migrate(Path file) throws LabelCriticException {
    restoreSidecarModes(file);
    Path parent = file.toAbsolutePath().getParent();
    try {
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw LabelCriticException.inFile(parent, "cannot create the folder for the database", e);
    }
    Flyway flyway =
        Flyway.configure(Database.class.getClassLoader())
            .dataSource(dataSource(file, false))
            .locations("classpath:db/migration")
            .validateMigrationNaming(true)
            .ignoreMigrationPatterns("*:future")
            .load();
    try {
      MigrationInfo current = flyway.info().current();
      if (current != null && current.getVersion() != null) {
        int v = Integer.parseInt(current.getVersion().getVersion());
        if (v > SCHEMA_VERSION) {
          throw LabelCriticException.inFile(
              file,
              "the database has schema version "
                  + v
                  + ", newer than this program knows ("
                  + SCHEMA_VERSION
                  + "); update LabelCritic Workbench");
        }
      }
      int applied = flyway.migrate().migrationsExecuted;
      if (applied > 0) {
        LOG.info("Migrated {} by {} schema version(s)", file, applied);
      }
    } catch (FlywayException e) {
      Throwable root = rootCause(e);
      String why = root instanceof SQLException se ? describe(se, file) : rootMessage(e);
      throw LabelCriticException.inFile(file, "cannot open or migrate the database: " + why, e);
    }
  }

  static Connection connect(Path file, boolean readOnly) throws LabelCriticException {
    try {
      Connection c = dataSource(file, readOnly).getConnection();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
        rs.next();
        LOG.debug("Opened {} (journal_mode={})", file, rs.getString(1));
      }
      return c;
    } catch (SQLException e) {
      throw LabelCriticException.inFile(file, "cannot open the database: " + describe(e), e);
    }
  }

  /**
   * What a failed statement means to a user, from SQLite's result code: the file is locked,
   * read-only, on a full disk or failing, or damaged. The text says that nothing was saved where
   * the statement was a write that was rolled back.
   */
  static String describe(SQLException e, Path file) {
    String what = describe(e);
    if (what.startsWith(READ_ONLY) && file != null) {
      return READ_ONLY + " (" + notWritable(file) + "); nothing was saved";
    }
    return what;
  }

  static String describe(SQLException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int primary = e instanceof SQLiteException se ? se.getResultCode().code & 0xFF : -1;
    if (primary == SQLiteErrorCode.SQLITE_BUSY.code
        || primary == SQLiteErrorCode.SQLITE_LOCKED.code
        || m.contains("database is locked")) {
      return "the database is locked by another program; close it and try again";
    }
    if (primary == SQLiteErrorCode.SQLITE_READONLY.code || m.contains("readonly")) {
      return READ_ONLY + " (check the permissions of the file and its folder); nothing was saved";
    }
    if (primary == SQLiteErrorCode.SQLITE_FULL.code || m.contains("disk is full")) {
      return "the disk is full; nothing was saved";
    }
    if (primary == SQLiteErrorCode.SQLITE_IOERR.code) {
      return "cannot write to the disk (a full disk, a file size limit, or a failing or removed"
          + " drive); nothing was saved";
    }
    if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
      return "the file cannot be opened (is its folder missing or read-only?)";
    }
    if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code
        || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
      return "the file is damaged or is not a LabelCritic database";
    }
    return "database error: " + m;
  }

  /** Which part of a database SQLite cannot write: the file, its folder, or a WAL sidecar. */
  private static String notWritable(Path file) {
    Path abs = file.toAbsolutePath();
    if (Files.exists(abs) && !Files.isWritable(abs)) {
      return "the file is not writable";
    }
    Path parent = abs.getParent();
    if (parent != null && !Files.isWritable(parent)) {
      return "its folder " + parent + " is not writable";
    }
    for (String suffix : SIDECARS) {
      Path side = Path.of(abs + suffix);
      if (Files.exists(side) && !Files.isWritable(side)) {
        return side.getFileName() + " beside it is not writable";
      }
    }
    return "check the permissions of the file and its folder";
  }

  /**
   * SQLite creates the WAL sidecars ({@code -wal}, {@code -shm}) with the database file's mode. If
   * the database was opened while read-only, they stay read-only after the file is made writable
   * again, and every write fails (found by the storage fault tests). A writable database gets
   * writable sidecars back; nothing is deleted.
   */
  private static void restoreSidecarModes(Path file) {
    if (!Files.isWritable(file)) {
      return;
    }
    for (String suffix : SIDECARS) {
      Path side = Path.of(file.toAbsolutePath() + suffix);
      if (Files.exists(side) && !Files.isWritable(side)) {
        try {
          Files.setPosixFilePermissions(side, Files.getPosixFilePermissions(file));
          LOG.info("{}: made {} writable again, as the database is", file, side.getFileName());
        } catch (IOException | UnsupportedOperationException e) {
          LOG.warn("{}: {} is not writable and cannot be changed: {}", file, side, e.toString());
        }
      }
    }
  }

  private static Throwable rootCause(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r) {
      r = r.getCause();
    }
    return r;
  }

  private static String rootMessage(Throwable t) {
    Throwable r = rootCause(t);
    return r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
  }
}
