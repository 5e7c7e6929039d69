package org.labelcritic.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.ItemKind;

/**
 * Storage faults on the review path's commit ({@link Reviews#record}): a full disk, a read-only
 * database, a database locked by another program. Each ends in a message that names the file and
 * the cause, stores no part of the decision, and recording works again once the fault is gone.
 */
class StorageFaultTest {
  @TempDir Path dir;
  Path db;
  long item;
  long structure;
  long reviewer;

  @BeforeEach
  void setUp() throws Exception {
    db = dir.resolve("data/faults.db");
    try (Store store = Store.open(db)) {
      structure = store.structureId("liver");
      item = store.writer().inTransaction(b -> b.item(ItemKind.CELL, "c1", null, null, null).id());
      reviewer = store.reviews().reviewer("ann").id();
      record(store);
    }
  }

  private Decision record(Store store) throws LabelCriticException {
    return store
        .reviews()
        .record(
            NewDecision.of(
                item, structure, reviewer, new DecisionAction.Flag(FlagReason.UNCERTAIN)));
  }

  /** What a decision changes: the log, and the counters the queue reads. */
  private static String state(Store store) throws LabelCriticException {
    return store.reviews().count() + " decisions, " + store.queries().status();
  }

  private void assertClearFailure(Store store, String cause) throws LabelCriticException {
    String before = state(store);
    assertThatThrownBy(() -> record(store))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining(db.getFileName().toString())
        .hasMessageContaining(cause);
    assertThat(state(store)).as("no part of the decision is stored").isEqualTo(before);
  }

  private static void pragma(Store store, String sql) throws LabelCriticException {
    store.call(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute(sql);
          }
          return null;
        });
  }

  private static long pageCount(Store store) throws LabelCriticException {
    return store.call(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("PRAGMA page_count")) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  @Test
  void aFullDiskIsReportedAndRecordingResumesWhenThereIsRoomAgain() throws Exception {
    try (Store store = Store.open(db)) {
      // SQLite's page limit makes the next page the database needs fail as a full disk does.
      pragma(store, "PRAGMA max_page_count = " + pageCount(store));
      String before = state(store);
      LabelCriticException full = null;
      for (int i = 0; i < 10_000 && full == null; i++) {
        try {
          record(store);
          before = state(store);
        } catch (LabelCriticException e) {
          full = e;
        }
      }
      assertThat(full).as("the page limit was reached").isNotNull();
      assertThat(full.getMessage()).contains(db.getFileName().toString(), "disk is full");
      assertThat(state(store)).isEqualTo(before);
      assertClearFailure(store, "disk is full");

      pragma(store, "PRAGMA max_page_count = 1073741823");
      long n = store.reviews().count();
      record(store);
      assertThat(store.reviews().count()).isEqualTo(n + 1);
      assertThat(store.integrityCheck()).isEqualTo("ok");
    }
  }

  @Test
  void aDatabaseMadeReadOnlyIsReportedAndRecordingResumesWhenWritableAgain() throws Exception {
    try (Store store = Store.open(db)) {
      pragma(store, "PRAGMA query_only = ON");
      assertClearFailure(store, "read-only");

      pragma(store, "PRAGMA query_only = OFF");
      long n = store.reviews().count();
      record(store);
      assertThat(store.reviews().count()).isEqualTo(n + 1);
    }
  }

  /** File modes do not stop root; those two tests need an ordinary user. */
  private void assumeModesAreEnforced() throws IOException {
    Path probe = Files.writeString(dir.resolve("probe"), "x");
    Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("r--r--r--"));
    boolean enforced;
    try {
      Files.writeString(probe, "y");
      enforced = false;
    } catch (IOException e) {
      enforced = true;
    }
    assumeThat(enforced).as("file modes are enforced (not running as root)").isTrue();
  }

  @Test
  void aReadOnlyFileIsReportedAndWorksAgainAfterReopening() throws Exception {
    assumeModesAreEnforced();
    long n;
    try (Store store = Store.open(db)) {
      n = store.reviews().count();
    }
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
    try {
      try (Store store = Store.open(db)) {
        assertClearFailure(store, "read-only (the file is not writable)");
      } catch (LabelCriticException e) {
        assertThat(e.getMessage()).contains(db.getFileName().toString(), "read-only");
      }
    } finally {
      Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
    }
    // SQLite made the -shm sidecar read-only like the file; reopening makes it writable again.
    try (Store store = Store.open(db)) {
      assertThat(store.reviews().count()).isEqualTo(n);
      record(store);
      assertThat(store.reviews().count()).isEqualTo(n + 1);
    }
  }

  @Test
  void aReadOnlyFolderIsReportedAndWorksAgainAfterReopening() throws Exception {
    assumeModesAreEnforced();
    Path folder = db.getParent();
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      try (Store store = Store.open(db)) {
        assertClearFailure(store, "read-only");
      } catch (LabelCriticException e) {
        assertThat(e.getMessage())
            .contains(db.getFileName().toString(), "read-only", "folder", "is not writable");
      }
    } finally {
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    try (Store store = Store.open(db)) {
      long n = store.reviews().count();
      record(store);
      assertThat(store.reviews().count()).isEqualTo(n + 1);
    }
  }

  @Test
  void aDatabaseLockedByAnotherProgramIsReportedAndRecordingResumesWhenReleased() throws Exception {
    try (Store store = Store.open(db);
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
      try (Statement s = other.createStatement()) {
        s.execute("BEGIN EXCLUSIVE");
        s.execute("INSERT INTO structure (name) VALUES ('held by the other program')");
      }
      assertClearFailure(store, "locked by another program");

      try (Statement s = other.createStatement()) {
        s.execute("ROLLBACK");
      }
      long n = store.reviews().count();
      Decision d = record(store);
      assertThat(store.reviews().count()).isEqualTo(n + 1);
      assertThat(store.reviews().history(item, structure))
          .extracting(Decision::id)
          .contains(d.id());
      assertThat(store.structures()).extracting(s -> s.name()).isEqualTo(List.of("liver"));
    }
  }
}
