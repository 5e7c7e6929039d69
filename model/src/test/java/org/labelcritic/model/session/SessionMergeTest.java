package org.labelcritic.model.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.ReviewSession;
import org.labelcritic.model.report.DatasetSummaries;
import org.labelcritic.model.report.DatasetSummary;
import org.labelcritic.model.stats.AgreementSummary;
import org.labelcritic.model.store.AuditLog;
import org.labelcritic.model.store.SessionStore;
import org.labelcritic.model.store.Store;
import org.labelcritic.model.team.TeamFixture;

/**
 * Three reviewers work offline on copies of one dataset, each exports a session file, and the files
 * are merged into a fresh copy in every order.
 */
class SessionMergeTest {
  static final int CASES = 8;
  @TempDir Path dir;
  Path base;
  List<Path> sessions = new ArrayList<>();

  @BeforeEach
  void threeOfflineSessions() throws Exception {
    Path baseDir = dir.resolve("base");
    TeamFixture f = TeamFixture.create(baseDir, "base.db", CASES);
    f.store.close();
    base = baseDir.resolve("base.db");
    work("ann", new boolean[] {true, true, true, false, true, true, true, true});
    work("bob", new boolean[] {true, false, true, true, true, false, true, true});
    work("cem", new boolean[] {true, true, false, true, true, true, false, true});
  }

  /** One reviewer's laptop: a copy of the base, a session, a decision per case, one edit. */
  private void work(String reviewer, boolean[] acceptA) throws Exception {
    Path laptop = dir.resolve(reviewer);
    Files.createDirectories(laptop);
    Files.copy(base, laptop.resolve("copy.db"));
    TeamFixture f = TeamFixture.reopen(laptop.resolve("copy.db"), laptop, CASES);
    try {
      long r = f.store.reviews().reviewer(reviewer).id();
      ReviewSession s = f.store.reviews().startSession(r, reviewer + "-laptop");
      for (int i = 0; i < CASES - 1; i++) {
        f.accept(reviewer, i, acceptA[i]);
      }
      f.decide(reviewer, 2, new DecisionAction.Flag(FlagReason.UNCERTAIN), 700); // supersedes
      f.edit(reviewer, CASES - 1, OptionalLong.of(s.id()));
      f.store.reviews().endSession(s.id());
      Path out = dir.resolve(reviewer + ".lcws");
      SessionFile.write(out, new SessionStore(f.store).export(reviewer));
      sessions.add(out);
    } finally {
      f.store.close();
    }
  }

  private Path freshTarget(String name) throws Exception {
    Path t = dir.resolve("targets").resolve(name);
    Files.createDirectories(t.getParent());
    Files.copy(base, t);
    return t;
  }

  private List<MergeReport> mergeAll(Store store, List<Path> files) throws Exception {
    List<MergeReport> out = new ArrayList<>();
    for (Path p : files) {
      out.add(
          new SessionStore(store)
              .merge(
                  SessionFile.read(p),
                  p.getFileName().toString(),
                  store.file().resolveSibling("masks")));
    }
    return out;
  }

  /** Every statistic the report shows, as text. */
  static String fingerprint(DatasetSummary s) {
    StringBuilder b = new StringBuilder();
    b.append(s.labelsBySource()).append(s.units()).append('/').append(s.reviewed());
    b.append('/')
        .append(s.accepted())
        .append('/')
        .append(s.edited())
        .append('/')
        .append(s.flagged());
    b.append(" critic ")
        .append(s.criticAccuracy().pooled())
        .append(s.criticAccuracy().byStructure());
    b.append(" outcomes ").append(s.outcomes().bySource());
    AgreementSummary a = s.agreement();
    b.append(" agreement ").append(a);
    b.append(" overlap ").append(s.overlapUnits());
    b.append(" times ").append(s.times().pooled()).append(s.times().byReviewer());
    b.append(" residual ").append(s.residualError().groups());
    return b.toString();
  }

  @Test
  void mergingThreeSessionsInEveryOrderGivesIdenticalStatistics() throws Exception {
    int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
    Set<String> prints = new TreeSet<>();
    for (int[] o : orders) {
      Path t = freshTarget("order-" + o[0] + o[1] + o[2] + ".db");
      try (Store store = Store.open(t)) {
        List<MergeReport> reports =
            mergeAll(store, List.of(sessions.get(o[0]), sessions.get(o[1]), sessions.get(o[2])));
        assertThat(reports).allSatisfy(r -> assertThat(r.added()).isEqualTo(CASES + 1));
        assertThat(store.reviews().count()).isEqualTo(3L * (CASES + 1));
        prints.add(fingerprint(new DatasetSummaries(store).read()));
      }
    }
    assertThat(prints).hasSize(1);
    assertThat(prints.iterator().next()).contains("overlap " + CASES);
  }

  @Test
  void mergingAgainAddsNothingAndKeepsEveryReviewersDecision() throws Exception {
    try (Store store = Store.open(freshTarget("twice.db"))) {
      List<MergeReport> first = mergeAll(store, sessions);
      long decisions = store.reviews().count();
      List<MergeReport> again = mergeAll(store, sessions);

      assertThat(again)
          .allSatisfy(
              r -> {
                assertThat(r.added()).isZero();
                assertThat(r.alreadyPresent()).isEqualTo(CASES + 1);
                assertThat(r.sessionsAdded()).isZero();
              });
      assertThat(store.reviews().count()).isEqualTo(decisions);
      // case 1: ann and cem accepted model-a, bob model-b: both kept, and listed
      assertThat(store.reviews().history(2, 1)) // case-001/liver: one decision per reviewer
          .extracting(d -> d.reviewerId())
          .doesNotHaveDuplicates()
          .hasSize(3);
      assertThat(first.get(1).conflicts())
          .anySatisfy(
              c ->
                  assertThat(c)
                      .contains("case-001/liver")
                      .contains("bob ACCEPT model-b")
                      .contains("ann ACCEPT model-a"));
      assertThat(new AuditLog(store).count(AuditLog.Kind.MERGE)).isEqualTo(6);
    }
  }

  @Test
  void editedMasksTravelInTheSessionFileAndLandNextToTheDatabase() throws Exception {
    try (Store store = Store.open(freshTarget("masks.db"))) {
      MergeReport r = mergeAll(store, List.of(sessions.getFirst())).getFirst();
      assertThat(r.masksWritten()).isEqualTo(1);
      long item = 0;
      List<Candidate> cs = null;
      for (long id = 1; id <= CASES; id++) {
        List<Candidate> c = store.queries().candidates(id, 1);
        if (c.size() == 3) {
          item = id;
          cs = c;
        }
      }
      assertThat(item).isPositive();
      CandidateLabel.Mask edit = (CandidateLabel.Mask) cs.get(2).label();
      Path file = Path.of(edit.file().path());
      assertThat(file).startsWith(store.file().resolveSibling("masks"));
      assertThat(Files.readString(file, StandardCharsets.UTF_8))
          .isEqualTo("mask case-007-ann-edit");
    }
  }

  @Test
  void aSessionFromAnotherDatasetIsRefusedAndNothingIsMerged() throws Exception {
    TeamFixture other = TeamFixture.create(dir.resolve("other"), "other.db", 2);
    try (Store store = other.store) {
      SessionData data = SessionFile.read(sessions.getFirst());
      assertThatThrownBy(() -> new SessionStore(store).merge(data, "ann.lcws", dir))
          .isInstanceOf(LabelCriticException.class)
          .hasMessageContaining("ann.lcws")
          .hasMessageContaining("belongs to dataset")
          .hasMessageContaining("nothing was merged");
      assertThat(store.reviews().count()).isZero();
    }
  }

  @Test
  void aSessionFromANewerSchemaOrFormatIsRefusedWithAClearMessage() throws Exception {
    SessionData d = SessionFile.read(sessions.getFirst());
    SessionData newer =
        new SessionData(
            d.fileUid(),
            d.datasetUid(),
            d.datasetName(),
            99,
            d.reviewer(),
            d.exportedAt(),
            d.sessions(),
            d.candidates(),
            d.decisions());
    try (Store store = Store.open(freshTarget("newer.db"))) {
      assertThatThrownBy(() -> new SessionStore(store).merge(newer, "ann.lcws", dir))
          .hasMessageContaining("schema version 99")
          .hasMessageContaining("newer than this program knows");
    }
    Path file = dir.resolve("future.lcws");
    Files.copy(sessions.getFirst(), file);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE lcws_meta SET value = '7' WHERE key = 'format'");
    }
    assertThatThrownBy(() -> SessionFile.read(file))
        .hasMessageContaining(file.toString())
        .hasMessageContaining("session format 7");
    Path junk = dir.resolve("junk.lcws");
    Files.writeString(junk, "this is not a database, just text that is long enough to be read");
    assertThatThrownBy(() -> SessionFile.read(junk))
        .hasMessageContaining("not a LabelCritic session file");
  }

  @Test
  void aDecisionThatCannotBePlacedIsSkippedWithItsReasonTheRestMerges() throws Exception {
    SessionData d = SessionFile.read(sessions.getFirst());
    List<PortableDecision> decisions = new ArrayList<>(d.decisions());
    PortableDecision first = decisions.getFirst();
    decisions.add(
        new PortableDecision(
            "uid-unknown-item",
            "case-999",
            "liver",
            "ann",
            null,
            "FLAG",
            null,
            "UNREADABLE",
            "",
            null,
            0,
            first.decidedAt()));
    decisions.add(
        new PortableDecision(
            "uid-bad-action",
            first.item(),
            "liver",
            "ann",
            null,
            "DELETE",
            null,
            null,
            "",
            null,
            0,
            first.decidedAt()));
    SessionData tampered =
        new SessionData(
            d.fileUid(),
            d.datasetUid(),
            d.datasetName(),
            d.schemaVersion(),
            d.reviewer(),
            d.exportedAt(),
            d.sessions(),
            d.candidates(),
            decisions);
    try (Store store = Store.open(freshTarget("skip.db"))) {
      MergeReport r = new SessionStore(store).merge(tampered, "t.lcws", dir.resolve("m"));
      assertThat(r.added()).isEqualTo(CASES + 1);
      assertThat(r.skipped())
          .anySatisfy(s -> assertThat(s).contains("uid-unknown-item").contains("case-999"))
          .anySatisfy(s -> assertThat(s).contains("uid-bad-action").contains("unknown action"));
    }
  }

  /** A mask file under {@code dir} and its reference. */
  private static FileRef drawn(Path dir, String name, String content) throws Exception {
    Path mask = dir.resolve("masks").resolve(name);
    Files.createDirectories(mask.getParent());
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    Files.write(mask, bytes);
    return new FileRef(
        mask.toString(),
        bytes.length,
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
  }

  /** dan edits case 3 on a laptop as the review screen does (a person source, revision 1). */
  private Path danEditsOffline() throws Exception {
    Path laptop = dir.resolve("dan");
    Files.createDirectories(laptop);
    Files.copy(base, laptop.resolve("copy.db"));
    Path out = dir.resolve("dan.lcws");
    TeamFixture f = TeamFixture.reopen(laptop.resolve("copy.db"), laptop, CASES);
    try {
      FileRef mask = drawn(laptop, "dan-edit.nii.gz", "mask drawn by dan");
      long edit = f.store.writer().reviewerCandidate(f.items[3], f.liver, "dan", mask);
      f.decide("dan", 3, new DecisionAction.Edit(edit), 900);
      SessionFile.write(out, new SessionStore(f.store).export("dan"));
    } finally {
      f.store.close();
    }
    return out;
  }

  @Test
  void editsMadeByTheReviewScreenKeepTheirRevisionAndMerge() throws Exception {
    Path out = danEditsOffline();
    try (Store store = Store.open(freshTarget("revision.db"))) {
      long item = 4; // case-003
      MergeReport r =
          new SessionStore(store)
              .merge(SessionFile.read(out), "dan.lcws", store.file().resolveSibling("masks"));

      assertThat(r.skipped()).isEmpty();
      assertThat(r.added()).isEqualTo(1);
      assertThat(r.masksWritten()).isEqualTo(1);
      Candidate merged = store.queries().candidates(item, 1).getLast();
      assertThat(merged.revision()).isEqualTo(1);
      assertThat(store.reviews().history(item, 1).getLast().action())
          .isEqualTo(new DecisionAction.Edit(merged.id()));
    }
  }

  @Test
  void anOfflineEditUnderARevisionThatHoldsAnotherEditHereIsKeptAsTheNextRevision()
      throws Exception {
    Path out = danEditsOffline();
    try (Store store = Store.open(freshTarget("clash.db"))) {
      long item = 4; // case-003
      // dan also edited case 3 here, differently: also revision 1
      long local =
          store
              .writer()
              .reviewerCandidate(
                  item, 1, "dan", drawn(dir.resolve("here"), "dan-here.nii.gz", "other mask"));

      MergeReport r =
          new SessionStore(store)
              .merge(SessionFile.read(out), "dan.lcws", store.file().resolveSibling("masks"));

      assertThat(r.added()).isEqualTo(1);
      assertThat(r.conflicts())
          .anySatisfy(c -> assertThat(c).contains("case-003/liver").contains("merged one as r2"));
      Candidate merged = store.queries().candidates(item, 1).getLast();
      assertThat(merged.id()).isNotEqualTo(local);
      assertThat(merged.revision()).isEqualTo(2);
      assertThat(((CandidateLabel.Mask) merged.label()).file().path()).contains("dan-edit");
      assertThat(store.reviews().history(item, 1).getLast().action())
          .as("the merged decision chooses dan's offline edit, not the one made here")
          .isEqualTo(new DecisionAction.Edit(merged.id()));
      // merging again finds the same edit and adds nothing
      MergeReport again =
          new SessionStore(store)
              .merge(SessionFile.read(out), "dan.lcws", store.file().resolveSibling("masks"));
      assertThat(again.added()).isZero();
      assertThat(store.queries().candidates(item, 1)).hasSize(4);
    }
  }

  @Test
  void aMergeThatFailsMidwayLeavesNothingBehind() throws Exception {
    SessionData ann = SessionFile.read(sessions.getFirst());
    try (Store store = Store.open(freshTarget("midway.db"))) {
      int sources = store.sources().size();
      Path notAFolder = dir.resolve("masks-is-a-file");
      Files.writeString(notAFolder, "in the way");

      assertThatThrownBy(() -> new SessionStore(store).merge(ann, "ann.lcws", notAFolder))
          .isInstanceOf(LabelCriticException.class)
          .hasMessageContaining("ann.lcws")
          .hasMessageContaining("cannot write the edited mask")
          .hasMessageContaining("nothing was merged");
      assertThat(store.sources()).hasSize(sources);
      assertThat(store.reviews().count()).isZero();
      for (int i = 0; i < CASES; i++) {
        assertThat(store.queries().candidates(i + 1, 1)).hasSize(2);
      }
      assertThat(new AuditLog(store).count(AuditLog.Kind.MERGE)).isZero();
      assertThat(store.integrityCheck()).isEqualTo("ok");
      // once the fault is gone the same session merges
      MergeReport r = new SessionStore(store).merge(ann, "ann.lcws", dir.resolve("masks-ok"));
      assertThat(r.added()).isEqualTo(CASES + 1);
    }
  }

  @Test
  void aNullInAColumnTheFormatRequiresIsADamagedFileNamingTableRowAndColumn() throws Exception {
    Path file = dir.resolve("damaged.lcws");
    Files.copy(sessions.getFirst(), file);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      // what a damaged record header reads as: the format's NOT NULL no longer holds
      st.executeUpdate("CREATE TABLE d2 AS SELECT * FROM decision");
      st.executeUpdate("DROP TABLE decision");
      st.executeUpdate("ALTER TABLE d2 RENAME TO decision");
      st.executeUpdate(
          "UPDATE decision SET decided_at = NULL"
              + " WHERE uid = (SELECT MIN(uid) FROM decision WHERE action = 'FLAG')");
    }

    assertThatThrownBy(() -> SessionFile.read(file))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("table decision, row 1: column decided_at is empty (NULL)")
        .hasMessageContaining("damaged");

    Path text = dir.resolve("text-number.lcws");
    Files.copy(sessions.getFirst(), text);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + text);
        Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE decision SET time_spent_ms = 'soon'");
    }
    assertThatThrownBy(() -> SessionFile.read(text))
        .hasMessageContaining(text.toString())
        .hasMessageContaining("table decision, row 1: column time_spent_ms is 'soon',")
        .hasMessageContaining("not a whole number");
  }

  @Test
  void decisionsAndSessionsWithoutUidTimeOrReviewerAreSkippedWithTheirReason() throws Exception {
    SessionData d = SessionFile.read(sessions.getFirst());
    PortableDecision first = d.decisions().getFirst();
    List<PortableDecision> decisions = new ArrayList<>(d.decisions());
    decisions.add(
        new PortableDecision(
            null, first.item(), "liver", "ann", null, "REOPEN", null, null, "", null, 0, null));
    decisions.add(
        new PortableDecision(
            "uid-no-time",
            first.item(),
            "liver",
            "ann",
            null,
            "REOPEN",
            null,
            null,
            "",
            null,
            0,
            null));
    decisions.add(
        new PortableDecision(
            "uid-no-reviewer",
            first.item(),
            "liver",
            " ",
            null,
            "REOPEN",
            null,
            null,
            "",
            null,
            0,
            first.decidedAt()));
    List<PortableSession> ss = new ArrayList<>(d.sessions());
    ss.add(new PortableSession("session-no-start", "ann", "laptop", null, null));
    ss.add(new PortableSession(" ", "ann", "laptop", "2026-01-01T00:00:00Z", null));
    SessionData tampered =
        new SessionData(
            d.fileUid(),
            d.datasetUid(),
            d.datasetName(),
            d.schemaVersion(),
            d.reviewer(),
            d.exportedAt(),
            ss,
            d.candidates(),
            decisions);
    try (Store store = Store.open(freshTarget("nulls.db"))) {
      MergeReport r = new SessionStore(store).merge(tampered, "t.lcws", dir.resolve("m"));

      assertThat(r.added()).isEqualTo(CASES + 1);
      assertThat(r.sessionsAdded()).isEqualTo(1);
      assertThat(r.skipped())
          .contains(
              "decision null: no uid",
              "decision uid-no-time: no decision time",
              "decision uid-no-reviewer: no reviewer",
              "session session-no-start: no start time",
              "session  : no uid");
    }
  }
}
