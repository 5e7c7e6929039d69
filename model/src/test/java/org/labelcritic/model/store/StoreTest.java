package org.labelcritic.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.ReviewStatus;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.domain.VerdictOutcome;
import org.labelcritic.model.store.ImportWriter.CandidateResult;

class StoreTest {
  @TempDir Path dir;
  Path db;

  @BeforeEach
  void setUp() {
    db = dir.resolve("data/test.db");
  }

  @Test
  void opensWithWalFullSynchronousAndForeignKeys() throws Exception {
    try (Store store = Store.open(db, "demo")) {
      assertThat(store.dataset().name()).isEqualTo("demo");
      assertThat(store.integrityCheck()).isEqualTo("ok");
      String[] pragmas =
          store.call(
              c -> {
                try (Statement s = c.createStatement()) {
                  return new String[] {
                    one(s, "PRAGMA journal_mode"),
                    one(s, "PRAGMA synchronous"),
                    one(s, "PRAGMA foreign_keys")
                  };
                }
              });
      assertThat(pragmas).containsExactly("wal", "2", "1");
    }
  }

  @Test
  void datasetIdentityIsKeptAcrossOpens() throws Exception {
    String uid;
    try (Store store = Store.open(db, "first")) {
      uid = store.dataset().uid();
    }
    try (Store store = Store.open(db, "ignored")) {
      assertThat(store.dataset().uid()).isEqualTo(uid);
      assertThat(store.dataset().name()).isEqualTo("first");
    }
  }

  @Test
  void importingTheSameCandidatesTwiceAddsNothing() throws Exception {
    try (Store store = Store.open(db)) {
      long liver = store.structureId("liver");
      long src = store.sourceId("model-a", SourceKind.MODEL, "2.0");
      FileRef ct = new FileRef("/x/ct.nii.gz", 100, "ab");
      CandidateLabel mask = new CandidateLabel.Mask(new FileRef("/x/seg.nii.gz", 10, "cd"), set(5));
      for (int round = 0; round < 2; round++) {
        boolean first = round == 0;
        store
            .writer()
            .inTransaction(
                b -> {
                  var item = b.item(ItemKind.VOLUME, "case-1", ct, null, "{}");
                  assertThat(item.created()).isEqualTo(first);
                  assertThat(b.candidate(item.id(), liver, src, mask))
                      .isEqualTo(first ? CandidateResult.INSERTED : CandidateResult.UNCHANGED);
                  return null;
                });
      }
      assertThat(store.structureId("liver")).isEqualTo(liver);
      StatusReport s = store.queries().status();
      assertThat(s.items()).isEqualTo(1);
      assertThat(s.candidates()).isEqualTo(1);
      assertThat(s.queueByStatus()).containsEntry("PENDING", 1L);
    }
  }

  @Test
  void aChangedCandidateIsReportedAsConflictAndTheStoredOneIsKept() throws Exception {
    try (Store store = Store.open(db)) {
      long code = store.structureId("code");
      long src = store.sourceId("reader", SourceKind.MODEL, "");
      var first = new CandidateLabel.Code("412", 0.91, List.of(0.99, 0.95, 0.97));
      var changed = new CandidateLabel.Code("413", 0.91, List.of(0.99, 0.95, 0.97));
      long item =
          store
              .writer()
              .inTransaction(
                  b -> {
                    long id = b.item(ItemKind.CELL, "c1", null, null, null).id();
                    b.candidate(id, code, src, first);
                    return id;
                  });
      CandidateResult r = store.writer().inTransaction(b -> b.candidate(item, code, src, changed));
      assertThat(r).isEqualTo(CandidateResult.CONFLICT);
      assertThat(store.queries().candidates(item, code))
          .singleElement()
          .extracting(c -> ((CandidateLabel.Code) c.label()).code())
          .isEqualTo("412");
    }
  }

  @Test
  void aFailedTransactionLeavesNothingBehind() throws Exception {
    try (Store store = Store.open(db)) {
      assertThatThrownBy(
              () ->
                  store
                      .writer()
                      .inTransaction(
                          b -> {
                            b.item(ItemKind.CELL, "c1", null, null, null);
                            // a candidate pointing at a structure that does not exist
                            return b.candidate(
                                1, 999, 999, new CandidateLabel.Code("1", 0.5, List.of()));
                          }))
          .isInstanceOf(LabelCriticException.class)
          .hasMessageContaining(db.toString());
      assertThat(store.queries().status().items()).isZero();
    }
  }

  /**
   * A bulk transaction runs without SQLite's foreign-key checks and checks each candidate's item,
   * structure and source itself: a bad reference throws, nothing of the transaction is kept, and
   * the checks are on again afterwards (also after the failure).
   */
  @Test
  void aBulkTransactionChecksReferencesItselfAndTurnsTheChecksBackOn() throws Exception {
    try (Store store = Store.open(db)) {
      long code = store.structureId("code");
      long model = store.sourceId("model-a", SourceKind.MODEL, "1");
      CandidateLabel.Code label = new CandidateLabel.Code("1", 0.5, List.of(0.9));
      long[][] bad = {{999, code, model}, {-1, 999, model}, {-1, code, 999}};
      for (long[] ref : bad) {
        assertThatThrownBy(
                () ->
                    store
                        .writer()
                        .inBulkTransaction(
                            b -> {
                              long item = b.item(ItemKind.CELL, "c1", null, null, null).id();
                              return b.candidate(ref[0] < 0 ? item : ref[0], ref[1], ref[2], label);
                            }))
            .isInstanceOf(LabelCriticException.class)
            .hasMessageContaining("does not exist");
        assertThat(store.queries().status().items()).as("nothing kept").isZero();
        assertThat(foreignKeys(store)).isEqualTo("1");
      }
      long other = store.sourceId("model-b", SourceKind.MODEL, "1");
      CandidateResult ok =
          store
              .writer()
              .inBulkTransaction(
                  b -> {
                    long item = b.item(ItemKind.CELL, "c1", null, null, null).id();
                    b.candidate(item, code, model, label);
                    return b.candidate(item, code, other, label);
                  });
      assertThat(ok).isEqualTo(CandidateResult.INSERTED);
      assertThat(foreignKeys(store)).isEqualTo("1");
      assertThat(store.integrityCheck()).isEqualTo("ok");
      String danglingReferences =
          store.call(
              c -> {
                try (Statement s = c.createStatement()) {
                  return one(s, "SELECT COUNT(*) FROM pragma_foreign_key_check");
                }
              });
      assertThat(danglingReferences).isEqualTo("0");
    }
  }

  /**
   * Cells cut from one page refer to one image file row (V5); a file that changed on disk is a new
   * row; files written by a transaction that failed are not remembered as written.
   */
  @Test
  void itemsShareTheirImageFileAndAFailedTransactionLeavesNoRememberedFile() throws Exception {
    FileRef page = new FileRef("/scans/page-1.png", 100, "aa");
    FileRef other = new FileRef("/scans/page-2.png", 120, "bb");
    FileRef lost = new FileRef("/scans/page-3.png", 130, "cc");
    FileRef rescanned = new FileRef("/scans/page-1.png", 101, "dd");
    FileRef missing = FileRef.unreadable("/scans/missing.png");
    try (Store store = Store.open(db)) {
      write(store, cell("c1", page), cell("c2", page), cell("c3", other), cell("c4", null));
      assertThat(count(store, "image_file")).isEqualTo("2");
      assertThatThrownBy(
              () ->
                  store
                      .writer()
                      .inBulkTransaction(
                          b -> {
                            b.items(List.of(cell("lost", lost)));
                            throw new LabelCriticException("the import failed here");
                          }))
          .hasMessageContaining("failed here");
      assertThat(count(store, "image_file")).as("nothing kept").isEqualTo("2");
      write(
          store, cell("c5", lost), cell("c6", rescanned), cell("c7", missing), cell("c8", missing));
      assertThat(count(store, "image_file")).isEqualTo("5");
      assertThat(image(store, "c1")).isEqualTo(page);
      assertThat(image(store, "c2")).isEqualTo(page);
      assertThat(image(store, "c3")).isEqualTo(other);
      assertThat(image(store, "c4")).isNull();
      assertThat(image(store, "c5")).isEqualTo(lost);
      assertThat(image(store, "c6")).isEqualTo(rescanned);
      assertThat(image(store, "c7")).isEqualTo(missing);
      assertThat(image(store, "c8")).isEqualTo(missing);
      assertThat(count(store, "pragma_foreign_key_check")).isEqualTo("0");
    }
    // A new writer remembers nothing and finds the stored files.
    try (Store store = Store.open(db)) {
      write(store, cell("c9", page), cell("c10", missing));
      assertThat(count(store, "image_file")).isEqualTo("5");
      assertThat(image(store, "c9")).isEqualTo(page);
      assertThat(image(store, "c10")).isEqualTo(missing);
      assertThat(store.integrityCheck()).isEqualTo("ok");
    }
    // The rows of image files are never changed or deleted: items refer to them.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      assertThatThrownBy(() -> st.executeUpdate("UPDATE image_file SET size = 1"))
          .hasMessageContaining("never changed");
      assertThatThrownBy(() -> st.executeUpdate("DELETE FROM image_file"))
          .hasMessageContaining("never deleted");
    }
  }

  /** Writes the items in one bulk transaction, as a census import does. */
  private static void write(Store store, ImportWriter.NewItem... items)
      throws LabelCriticException {
    store.writer().inBulkTransaction(b -> b.items(List.of(items)));
  }

  private static ImportWriter.NewItem cell(String id, FileRef image) {
    return new ImportWriter.NewItem(ItemKind.CELL, id, image, null, null);
  }

  private static String count(Store store, String table) throws LabelCriticException {
    return store.call(
        c -> {
          try (Statement s = c.createStatement()) {
            return one(s, "SELECT COUNT(*) FROM " + table);
          }
        });
  }

  private static FileRef image(Store store, String externalId) throws LabelCriticException {
    long id =
        store.call(
            c -> {
              try (Statement s = c.createStatement()) {
                return Long.parseLong(
                    one(s, "SELECT id FROM item WHERE external_id = '" + externalId + "'"));
              }
            });
    return store.queries().item(id).orElseThrow().image();
  }

  private static String foreignKeys(Store store) throws LabelCriticException {
    return store.call(
        c -> {
          try (Statement s = c.createStatement()) {
            return one(s, "PRAGMA foreign_keys");
          }
        });
  }

  @Test
  void decisionsAreAppendOnlyAndALaterOneSupersedesTheEarlier() throws Exception {
    try (Store store = Store.open(db)) {
      Fixture f = fixture(store);
      long ana = store.reviews().reviewer("ana").id();
      long session = store.reviews().startSession(ana, "laptop-1").id();
      Decision accept =
          store
              .reviews()
              .record(
                  new NewDecision(
                      f.item,
                      f.structure,
                      ana,
                      OptionalLong.of(session),
                      new DecisionAction.Accept(f.candA),
                      "",
                      OptionalLong.empty(),
                      1200));
      Decision flag =
          store
              .reviews()
              .record(
                  NewDecision.of(
                      f.item, f.structure, ana, new DecisionAction.Flag(FlagReason.NEEDS_EXPERT)));
      assertThat(accept.supersedes()).isEmpty();
      assertThat(flag.supersedes()).hasValue(accept.id());
      assertThat(store.reviews().current(f.item, f.structure, ana)).contains(flag);
      assertThat(store.reviews().history(f.item, f.structure)).containsExactly(accept, flag);
      assertThat(store.queries().queue(10))
          .singleElement()
          .extracting(QueueRow::status)
          .isEqualTo(ReviewStatus.FLAGGED);
      store.reviews().endSession(session);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeUpdate("UPDATE decision SET note = 'changed'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM decision"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void aDecisionIsDurableOnceRecorded() throws Exception {
    long item;
    try (Store store = Store.open(db)) {
      Fixture f = fixture(store);
      item = f.item;
      long ana = store.reviews().reviewer("ana").id();
      store
          .reviews()
          .record(NewDecision.of(f.item, f.structure, ana, new DecisionAction.Accept(f.candB)));
    }
    // A second, independent connection sees it: it was committed before record() returned.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT item_id, action FROM decision")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(item);
      assertThat(rs.getString(2)).isEqualTo("ACCEPT");
    }
  }

  @Test
  void aPairIsScoredOncePerModelVersionAndTheQueueFollowsTheVerdict() throws Exception {
    try (Store store = Store.open(db)) {
      Fixture f = fixture(store);
      NewVerdict v =
          new NewVerdict(
              f.item,
              f.structure,
              f.candA,
              OptionalLong.of(f.candB),
              VerdictOutcome.PREFER_B,
              0.95,
              "feature",
              "1",
              "{}");
      assertThat(store.verdicts().save(v)).isTrue();
      assertThat(store.verdicts().save(v)).isFalse();
      assertThat(store.queries().queue(10).getFirst().status()).isEqualTo(ReviewStatus.CONFIDENT);
      NewVerdict unsure =
          new NewVerdict(
              f.item,
              f.structure,
              f.candA,
              OptionalLong.of(f.candB),
              VerdictOutcome.PREFER_A,
              0.6,
              "feature",
              "2",
              "{}");
      assertThat(store.verdicts().save(unsure)).isTrue();
      QueueRow row = store.queries().queue(10).getFirst();
      assertThat(row.status()).isEqualTo(ReviewStatus.UNSURE);
      assertThat(row.confidence()).hasValue(0.6);
      assertThat(row.candidates()).isEqualTo(2);
      assertThat(store.verdicts().forItem(f.item, f.structure)).hasSize(2);
      assertThat(store.queries().status().verdictsByCritic())
          .containsEntry("feature 1", 1L)
          .containsEntry("feature 2", 1L);
    }
  }

  @Test
  void statusCountersAgreeWithFullCounts() throws Exception {
    try (Store store = Store.open(db)) {
      fixture(store);
      long code = store.structureId("code");
      long src = store.sourceId("reader", SourceKind.MODEL, "");
      long src2 = store.sourceId("reader-2", SourceKind.MODEL, "");
      store
          .writer()
          .inTransaction(
              b -> {
                for (int i = 0; i < 50; i++) {
                  long item = b.item(ItemKind.CELL, "cell-" + i, null, null, null).id();
                  b.candidate(item, code, src, new CandidateLabel.Code("1" + i, 0.5, List.of()));
                  if (i % 3 == 0) {
                    b.candidate(item, code, src2, new CandidateLabel.Code("2" + i, 0.5, List.of()));
                  }
                }
                return null;
              });
      // A later transaction adds a structure to an existing item, and repeats a candidate.
      long spleen = store.structureId("spleen");
      store
          .writer()
          .inTransaction(
              b -> {
                long item = b.item(ItemKind.CELL, "cell-1", null, null, null).id();
                b.candidate(item, spleen, src, new CandidateLabel.Code("9", 0.5, List.of()));
                b.candidate(item, spleen, src2, new CandidateLabel.Code("8", 0.5, List.of()));
                b.candidate(item, code, src, new CandidateLabel.Code("11", 0.5, List.of()));
                return null;
              });
      // A reviewer types a code for an existing pair, and draws a structure no model labelled
      // (a new pair, so a new line of the queue).
      var ana = store.reviews().reviewer("ana");
      long cell2 =
          store.queries().queue(100).stream()
              .filter(r -> r.itemName().equals("cell-2"))
              .findFirst()
              .orElseThrow()
              .itemId();
      new CodeEdits(store).record(cell2, code, ana, "777");
      long pancreas = store.structureId("pancreas");
      store.writer().reviewerCandidate(cell2, pancreas, "ana", new FileRef("/x/p.nii.gz", 5, "ee"));
      StatusReport s = store.queries().status();
      long[] full =
          store.call(
              c -> {
                try (Statement st = c.createStatement()) {
                  return new long[] {
                    Long.parseLong(one(st, "SELECT COUNT(*) FROM item")),
                    Long.parseLong(one(st, "SELECT COUNT(*) FROM candidate")),
                    Long.parseLong(
                        one(
                            st,
                            "SELECT COUNT(*) FROM (SELECT DISTINCT item_id, structure_id"
                                + " FROM candidate)"))
                  };
                }
              });
      assertThat(s.items()).isEqualTo(full[0]).isEqualTo(51);
      assertThat(s.candidates()).isEqualTo(full[1]).isEqualTo(2 + 50 + 17 + 2 + 2);
      assertThat(s.structures().stream().mapToLong(StatusReport.StructureCount::items).sum())
          .isEqualTo(full[2])
          .isEqualTo(53);
      assertThat(s.queueByStatus().values().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(53);
    }
  }

  @Test
  void aFolderIsRefusedAsDatabasePath() throws Exception {
    Files.createDirectories(dir.resolve("folder"));
    assertThatThrownBy(() -> Store.open(dir.resolve("folder")))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("is a folder");
  }

  @Test
  void aFileThatIsNotADatabaseGivesAClearMessage() throws Exception {
    Path junk = dir.resolve("junk.db");
    Files.writeString(junk, "this is not a database, just text ".repeat(100));
    assertThatThrownBy(() -> Store.open(junk))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining(junk.toString());
  }

  record Fixture(long item, long structure, long candA, long candB) {}

  static Fixture fixture(Store store) throws LabelCriticException {
    long liver = store.structureId("liver");
    long a = store.sourceId("model-a", SourceKind.MODEL, "1");
    long b = store.sourceId("model-b", SourceKind.MODEL, "2");
    return store
        .writer()
        .inTransaction(
            batch -> {
              long item =
                  batch
                      .item(
                          ItemKind.VOLUME, "case-1", new FileRef("/ct.nii.gz", 1, "00"), null, "{}")
                      .id();
              batch.candidate(
                  item,
                  liver,
                  a,
                  new CandidateLabel.Mask(new FileRef("/a.nii.gz", 1, "aa"), set(1)));
              batch.candidate(
                  item,
                  liver,
                  b,
                  new CandidateLabel.Mask(new FileRef("/b.nii.gz", 1, "bb"), set(5)));
              List<Long> ids =
                  store.queries().candidates(item, liver).stream().map(c -> c.id()).toList();
              return new Fixture(item, liver, ids.get(0), ids.get(1));
            });
  }

  static TreeSet<Integer> set(Integer... v) {
    return new TreeSet<>(Set.of(v));
  }

  static String one(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
