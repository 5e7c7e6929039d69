package org.labelcritic.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.app.Main;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The program is killed with SIGKILL at random (seeded) moments while it records decisions, imports
 * and scores; after each kill the database is sound, every decision acknowledged before the kill is
 * there exactly once, and a restarted import or critic run finishes with the same counts as one
 * that was never interrupted.
 *
 * <p>{@code -Dkill.count} sets the number of kills of the decision test (default 20), {@code
 * -Dkill.seed} the seed of the moments.
 */
class KillTest {
  private static final Logger LOG = LoggerFactory.getLogger(KillTest.class);
  private static final int KILLS = Integer.getInteger("kill.count", 20);
  private static final long SEED = Long.getLong("kill.seed", 20_261_129L);

  @TempDir Path dir;

  // ---------------------------------------------------------------- decisions

  @Test
  void everyAcknowledgedDecisionSurvivesAKillExactlyOnce() throws Exception {
    Path db = dir.resolve("review.db");
    try (Store store = Store.open(db)) {
      long code = store.structureId("code");
      long src = store.sourceId("reader-a", SourceKind.MODEL, "1");
      store
          .writer()
          .inTransaction(
              b -> {
                for (int i = 0; i < 40; i++) {
                  long item = b.item(ItemKind.CELL, "cell-" + i, null, null, null).id();
                  b.candidate(item, code, src, new CandidateLabel.Code("1" + i, 0.5, List.of()));
                }
                return null;
              });
    }
    Random random = new Random(SEED);
    Map<Long, Long> acked = new HashMap<>(); // decision id -> sequence number
    int killedWhileRecording = 0;
    for (int k = 0; k < KILLS; k++) {
      try (ChildJvm child =
          ChildJvm.start(
              dir.resolve("child"), ReviewDriver.class, List.of(db.toString(), "1000000"))) {
        if (random.nextInt(5) == 0) {
          // now and then while the JVM starts or the store opens and migrates
          Thread.sleep(random.nextInt(1500));
        } else {
          assertThat(child.awaitFirstLine(60_000)).as("the driver started").isTrue();
          Thread.sleep(random.nextInt(400));
        }
        boolean alive = child.alive();
        child.kill();
        assertThat(alive).as("killed, not ended: " + child.stderr()).isTrue();
        int before = acked.size();
        for (String line : child.lines()) {
          if (line.startsWith("ACK ")) {
            String[] p = line.split(" ");
            acked.put(Long.parseLong(p[1]), Long.parseLong(p[2]));
          }
        }
        killedWhileRecording += acked.size() > before ? 1 : 0;
      }
      assertSound(db, acked);
    }
    LOG.info(
        "{} kills ({} while recording), {} acknowledged decisions all present once",
        KILLS,
        killedWhileRecording,
        acked.size());
    assertThat(killedWhileRecording).as("most kills hit a run of commits").isGreaterThan(KILLS / 2);
  }

  /** Integrity, every acknowledged decision present with its number, no number twice. */
  private static void assertSound(Path db, Map<Long, Long> acked) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement s = c.createStatement()) {
      assertThat(single(s, "PRAGMA integrity_check")).isEqualTo("ok");
      Map<Long, String> notes = new HashMap<>();
      try (ResultSet rs = s.executeQuery("SELECT id, note FROM decision")) {
        while (rs.next()) {
          notes.put(rs.getLong(1), rs.getString(2));
        }
      }
      acked.forEach((id, seq) -> assertThat(notes).containsEntry(id, "seq=" + seq));
      assertThat(notes.values()).doesNotHaveDuplicates();
      // Numbers run without gaps: nothing committed was lost behind a later commit.
      for (long seq = 0; seq < notes.size(); seq++) {
        assertThat(notes).containsValue("seq=" + seq);
      }
    }
  }

  private static String single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static long count(Path db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement s = c.createStatement()) {
      return Long.parseLong(single(s, sql));
    }
  }

  // ---------------------------------------------------------------- import and critic run

  /** A manifest of {@code cells} form cells read by two sources, all on one small image. */
  private Path manifest(int cells) throws IOException {
    Path data = Files.createDirectories(dir.resolve("cells"));
    ImageIO.write(
        new BufferedImage(60, 20, BufferedImage.TYPE_BYTE_GRAY),
        "png",
        data.resolve("c.png").toFile());
    StringBuilder sb =
        new StringBuilder("item_id,image,page,x,y,w,h,source,code,confidence,digit_confidences\n");
    for (int i = 0; i < cells; i++) {
      String a = String.valueOf(100 + i % 900);
      String b = i % 7 == 0 ? String.valueOf(100 + (i + 1) % 900) : a;
      sb.append("cell-").append(i).append(",c.png,,,,,,reader-a,").append(a).append(",0.9,\n");
      sb.append("cell-").append(i).append(",c.png,,,,,,reader-b,").append(b).append(",0.8,\n");
    }
    return Files.writeString(data.resolve("manifest.csv"), sb);
  }

  /** Rows {@code sql} counts now, read-only; 0 while the database or its tables do not exist. */
  private static long peek(Path db, String sql) {
    if (!Files.exists(db)) {
      return 0;
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    try (Connection c = config.createConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement s = c.createStatement()) {
      return Long.parseLong(single(s, sql));
    } catch (SQLException e) {
      return 0; // not created or migrated yet
    }
  }

  /**
   * Runs {@code lcw args} in a child to the end; returns how long it worked, in ms, from the first
   * row {@code progressSql} sees (the end of JVM start and the first commit) to its end.
   */
  private long runToEnd(Path db, String progressSql, String... args) throws Exception {
    try (ChildJvm child = ChildJvm.start(dir.resolve("child"), Main.class, List.of(args))) {
      long base = peek(db, progressSql);
      while (child.alive() && peek(db, progressSql) == base) {
        Thread.sleep(10);
      }
      long t0 = System.nanoTime();
      int code = child.waitFor(170);
      assertThat(code).as(String.join("\n", child.lines()) + child.stderr()).isZero();
      return (System.nanoTime() - t0) / 1_000_000;
    }
  }

  /**
   * Starts {@code lcw args} in a child {@code times} times; each is killed at a random moment after
   * its first commit, within the time an uninterrupted run needed for the rest ({@code
   * workMillis}). Returns how many kills left a partial result (more than before, less than {@code
   * complete}), with the database sound after each.
   */
  private int killMidway(
      Random random,
      long workMillis,
      Path db,
      String progressSql,
      long complete,
      int times,
      String... args)
      throws Exception {
    int partial = 0;
    for (int k = 0; k < times; k++) {
      long before = peek(db, progressSql);
      try (ChildJvm child = ChildJvm.start(dir.resolve("child"), Main.class, List.of(args))) {
        while (child.alive() && peek(db, progressSql) == before) {
          Thread.sleep(5);
        }
        Thread.sleep((long) (workMillis * 0.8 * random.nextDouble()));
        child.kill();
      }
      long after = peek(db, progressSql);
      partial += after > before && after < complete ? 1 : 0;
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
          Statement s = c.createStatement()) {
        assertThat(single(s, "PRAGMA integrity_check")).isEqualTo("ok");
      }
    }
    return partial;
  }

  private static List<Long> counts(Path db) throws SQLException {
    List<Long> out = new ArrayList<>();
    for (String table : List.of("item", "candidate", "verdict", "source", "structure")) {
      out.add(count(db, "SELECT COUNT(*) FROM " + table));
    }
    return out;
  }

  @Test
  void anImportAndACriticRunKilledMidwayResumeWithoutDuplicates() throws Exception {
    Path manifest = manifest(Integer.getInteger("kill.cells", 20_000));
    Path reference = dir.resolve("reference.db");
    Path killed = dir.resolve("killed.db");
    Random random = new Random(SEED + 1);
    String items = "SELECT COUNT(*) FROM item";
    String verdicts = "SELECT COUNT(*) FROM verdict";
    String[] importRef = {
      "import", "cells", "--db", reference.toString(), "--manifest", manifest.toString()
    };
    String[] importKilled = {
      "import", "cells", "--db", killed.toString(), "--manifest", manifest.toString()
    };

    long importMillis = runToEnd(reference, items, importRef);
    long allItems = peek(reference, items);
    int importPartial = killMidway(random, importMillis, killed, items, allItems, 3, importKilled);
    runToEnd(killed, items, importKilled);
    assertThat(counts(killed)).isEqualTo(counts(reference));

    long criticMillis =
        runToEnd(reference, verdicts, "critic", "run", "--db", reference.toString());
    long allVerdicts = peek(reference, verdicts);
    int criticPartial =
        killMidway(
            random,
            criticMillis,
            killed,
            verdicts,
            allVerdicts,
            3,
            "critic",
            "run",
            "--db",
            killed.toString());
    runToEnd(killed, verdicts, "critic", "run", "--db", killed.toString());
    assertThat(counts(killed)).isEqualTo(counts(reference));
    assertThat(allVerdicts).isPositive();

    LOG.info(
        "import: {} ms after its first commit, {} of 3 kills left it partial; critic run: {} ms,"
            + " {} of 3 kills left it partial; counts after the restarts equal an uninterrupted"
            + " run: {}",
        importMillis,
        importPartial,
        criticMillis,
        criticPartial,
        counts(killed));
    assertThat(importPartial).as("kills that stopped the import midway").isPositive();
    assertThat(criticPartial).as("kills that stopped the critic run midway").isPositive();
  }
}
