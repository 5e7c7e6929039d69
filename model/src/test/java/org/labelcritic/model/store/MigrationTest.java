package org.labelcritic.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.FlagReason;

/**
 * Schema migrations against a golden database file created by schema version 1 (committed under
 * src/test/resources/golden). Regenerate it only by running this class with
 * -Dlcw.regenerateGolden=true, never by hand: its Flyway checksums guard V1 against edits.
 */
class MigrationTest {
  private static final String GOLDEN_V1 = "/golden/schema-v1.db";

  @TempDir Path dir;

  @Test
  void aDatabaseCreatedBySchemaVersionOneMigratesAndKeepsItsData() throws Exception {
    Path db = dir.resolve("old.db");
    try (InputStream in = MigrationTest.class.getResourceAsStream(GOLDEN_V1)) {
      assertThat(in).as("golden v1 database on the test class path").isNotNull();
      Files.copy(in, db, StandardCopyOption.REPLACE_EXISTING);
    }

    try (Store store = Store.open(db)) {
      assertThat(store.schemaVersion()).isEqualTo(Database.SCHEMA_VERSION);
      assertThat(store.dataset().name()).isEqualTo("golden-v1");
      StatusReport s = store.queries().status();
      assertThat(s.itemsByKind()).containsEntry("VOLUME", 1L).containsEntry("CELL", 1L);
      assertThat(s.decisions()).isEqualTo(2);
      assertThat(store.queries().candidates(1, 1))
          .singleElement()
          .extracting(c -> ((CandidateLabel.Mask) c.label()).labelValues())
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.COLLECTION)
          .containsExactly(5);
      assertThat(store.reviews().history(1, 1)).hasSize(2);
      // V5 moved the items' image files into a table of their own.
      assertThat(store.queries().item(1).orElseThrow().image())
          .isEqualTo(new FileRef("/data/case-1/ct.nii.gz", 10, "aa"));
      assertThat(store.queries().item(2).orElseThrow().image())
          .isEqualTo(new FileRef("/data/cell-1.png", 5, "bb"));
      assertThat(store.integrityCheck()).isEqualTo("ok");
    }
    // The V2 audit table exists and is append-only after migration.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      st.executeUpdate("INSERT INTO audit_log (at, action) VALUES ('2026-01-01T00:00:00Z', 'x')");
      assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_log"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void aDatabaseFromANewerProgramIsRefusedWithAClearMessage() throws Exception {
    Path db = dir.resolve("newer.db");
    try (Store store = Store.open(db)) {
      assertThat(store.schemaVersion()).isEqualTo(Database.SCHEMA_VERSION);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      st.executeUpdate(
          "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
              + " checksum, installed_by, execution_time, success)"
              + " VALUES (99, '99', 'future', 'SQL', 'V99__future.sql', 0, 'x', 0, 1)");
    }
    assertThatThrownBy(() -> Store.open(db))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining(db.toString())
        .hasMessageContaining("schema version 99")
        .hasMessageContaining("newer than this program knows");
  }

  /** Writes the golden file; run with -Dlcw.regenerateGolden=true -Dtest=MigrationTest. */
  @Test
  void regenerateGoldenWhenAsked() throws Exception {
    if (!Boolean.getBoolean("lcw.regenerateGolden")) {
      return;
    }
    Path out = Path.of("src/test/resources" + GOLDEN_V1);
    Files.createDirectories(out.getParent());
    Files.deleteIfExists(out);
    Flyway.configure()
        .dataSource("jdbc:sqlite:" + out.toAbsolutePath(), null, null)
        .locations("classpath:db/migration")
        .target("1")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out.toAbsolutePath());
        Statement st = c.createStatement()) {
      String t = "'2026-11-29T12:00:00Z'";
      st.executeUpdate(
          "INSERT INTO dataset VALUES (1, '6f1c1b0e-golden-v1', 'golden-v1', " + t + ")");
      st.executeUpdate(
          "INSERT INTO item (id, kind, external_id, image_path, image_size, image_sha256,"
              + " geometry, created_at) VALUES (1, 'VOLUME', 'case-1', '/data/case-1/ct.nii.gz',"
              + " 10, 'aa', '{\"dims\":[2,2,2]}', "
              + t
              + ")");
      st.executeUpdate(
          "INSERT INTO item (id, kind, external_id, image_path, image_size, image_sha256,"
              + " created_at) VALUES (2, 'CELL', 'cell-1', '/data/cell-1.png', 5, 'bb', "
              + t
              + ")");
      st.executeUpdate("INSERT INTO structure VALUES (1, 'liver'), (2, 'code')");
      st.executeUpdate("INSERT INTO source VALUES (1, 'model-a', 'MODEL', '1.0')");
      st.executeUpdate(
          "INSERT INTO candidate (id, item_id, structure_id, source_id, mask_path, mask_size,"
              + " mask_sha256, label_values, created_at) VALUES (1, 1, 1, 1, '/data/m.nii.gz', 3,"
              + " 'cc', '5', "
              + t
              + ")");
      st.executeUpdate(
          "INSERT INTO candidate (id, item_id, structure_id, source_id, code, confidence,"
              + " digit_confidences, created_at) VALUES (2, 2, 2, 1, '412', 0.9, '0.9;1.0;1.0', "
              + t
              + ")");
      st.executeUpdate("INSERT INTO reviewer VALUES (1, 'ana', " + t + ")");
      st.executeUpdate(
          "INSERT INTO decision (id, uid, item_id, structure_id, reviewer_id, action,"
              + " candidate_id, decided_at) VALUES (1, 'd-1', 1, 1, 1, 'ACCEPT', 1, "
              + t
              + ")");
      st.executeUpdate(
          "INSERT INTO decision (id, uid, item_id, structure_id, reviewer_id, action,"
              + " flag_reason, supersedes_id, decided_at) VALUES (2, 'd-2', 1, 1, 1, 'FLAG', '"
              + FlagReason.NEEDS_EXPERT
              + "', 1, "
              + t
              + ")");
    }
  }
}
