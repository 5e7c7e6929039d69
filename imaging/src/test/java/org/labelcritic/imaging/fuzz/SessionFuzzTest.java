package org.labelcritic.imaging.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.imaging.fuzz.FuzzRun.Seed;
import org.labelcritic.imaging.fuzz.Mutator.Field;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.Reviewer;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.domain.VerdictOutcome;
import org.labelcritic.model.session.MergeReport;
import org.labelcritic.model.session.PortableDecision;
import org.labelcritic.model.session.PortableSession;
import org.labelcritic.model.session.SessionData;
import org.labelcritic.model.session.SessionFile;
import org.labelcritic.model.store.AuditLog;
import org.labelcritic.model.store.CodeEdits;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.NewVerdict;
import org.labelcritic.model.store.SessionStore;
import org.labelcritic.model.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mutated offline session files ({@code .lcws}, SQLite) read with {@link SessionFile#read} and
 * merged with {@link SessionStore#merge} into a copy of the dataset they belong to. Each input ends
 * in a read and merge whose report matches what the database gained (no decision twice, every
 * decision merged, already there or reported skipped), or in a clear error that names the session
 * file; a refused merge leaves the database and the mask folder untouched. Two levels: the file's
 * bytes (SQLite's own structure: header, pages, cells) and, separately, the rows' values (each row
 * as an SQL INSERT line, mutated as text, built into a file again).
 *
 * <p>The seeds are made here, through the same calls the review screen and {@code lcw session
 * export} use: a dataset with scans (model masks) and form cells (codes), a verdict, a third
 * reviewer's decisions already in it, and two reviewers' offline work (accepts, a mask edit, a
 * typed code, a flag with a note, a reopen, an open and an ended session); ann also made another
 * edit of the same scan in the dataset itself. Uids, times and the dataset's uid are fixed
 * afterwards, so the seed files are the same bytes on every run and an input is reproduced by its
 * index and {@code -Dfuzz.seed}.
 */
class SessionFuzzTest {
  private static final Logger LOG = LoggerFactory.getLogger(SessionFuzzTest.class);

  static final String NAME = "fuzz-input";
  static final String FILE = NAME + ".lcws";
  static final String DATASET_UID = "5e551000-f022-4000-8000-000000000001";

  /** How often the target runs SQLite's integrity check and merges an accepted input again. */
  static final int CHECK_EVERY = 100;

  static final int AGAIN_EVERY = 10;

  /**
   * Inputs of the row-level run: a quarter of the byte-level count, as each builds a file first
   * (the byte-level run gives the 10,000 per reader); {@code -Dfuzz.inputs} scales both.
   */
  static final int ROW_INPUTS = FuzzRun.INPUTS / 4;

  @TempDir Path dir;

  /** The dataset both seeds belong to (never merged into) and the seed session files. */
  record Fixture(Path pristine, List<Seed> seeds) {}

  /** Builds the dataset and the two reviewers' session files in {@code dir}. */
  static Fixture prepare(Path dir) throws Exception {
    Path base = Files.createDirectories(dir.resolve("base")).resolve("base.db");
    Path masks = Files.createDirectories(dir.resolve("base/masks"));
    try (Store store = Store.open(base, "session-fuzz")) {
      store.integrityCheck(); // opened and migrated
    }
    // A fixed dataset uid: the seed files are the same bytes on every run.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + base);
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE dataset SET uid = '" + DATASET_UID + "' WHERE id = 1");
    }
    Map<String, Long> items = new HashMap<>();
    try (Store store = Store.open(base)) {
      long liver = store.structureId("liver");
      long code = store.structureId("code");
      long modelA = store.sourceId("model-a", SourceKind.MODEL, "1");
      long modelB = store.sourceId("model-b", SourceKind.MODEL, "2");
      long ocr = store.sourceId("ocr", SourceKind.MODEL, "7");
      for (String ct : List.of("ct-001", "ct-002", "ct-003")) {
        CandidateLabel a = mask(masks, ct + "-a");
        CandidateLabel b = mask(masks, ct + "-b");
        items.put(
            ct,
            store
                .writer()
                .inTransaction(
                    w -> {
                      long id = w.item(ItemKind.VOLUME, ct, null, null, "{}").id();
                      w.candidate(id, liver, modelA, a);
                      w.candidate(id, liver, modelB, b);
                      return id;
                    }));
      }
      for (String cell : List.of("cell-001", "cell-002", "cell-003")) {
        items.put(
            cell,
            store
                .writer()
                .inTransaction(
                    w -> {
                      long id = w.item(ItemKind.CELL, cell, null, null, "{}").id();
                      w.candidate(id, code, ocr, new CandidateLabel.Code("412", 0.9, List.of(0.9)));
                      return id;
                    }));
      }
      long ct1 = items.get("ct-001");
      List<Candidate> cs = store.queries().candidates(ct1, liver);
      store
          .verdicts()
          .save(
              new NewVerdict(
                  ct1,
                  liver,
                  cs.get(0).id(),
                  OptionalLong.of(cs.get(1).id()),
                  VerdictOutcome.PREFER_A,
                  0.8,
                  "feature-critic",
                  "1",
                  "{}"));
      // A colleague's decisions already in the dataset: the merged ones conflict with some.
      long cem = store.reviews().reviewer("cem").id();
      store
          .reviews()
          .record(NewDecision.of(ct1, liver, cem, new DecisionAction.Accept(cs.get(1).id())));
      store
          .reviews()
          .record(
              NewDecision.of(
                  items.get("cell-001"),
                  code,
                  cem,
                  new DecisionAction.Flag(FlagReason.NEEDS_EXPERT)));
    }
    Path pristine = dir.resolve("pristine.db");
    Files.copy(base, pristine);
    // ann also edited ct-002 in the shared dataset, differently: her offline edit has the same
    // revision, so every merge of hers takes the path that keeps both.
    try (Store store = Store.open(pristine)) {
      store
          .writer()
          .reviewerCandidate(
              items.get("ct-002"),
              store.structureId("liver"),
              "ann",
              mask(masks, "ct-002-ann-edit-in-the-office").file());
    }

    try (Store laptop = Store.open(base)) {
      long liver = laptop.structureId("liver");
      long code = laptop.structureId("code");
      long ct1 = items.get("ct-001");
      long ct2 = items.get("ct-002");
      long ct3 = items.get("ct-003");
      // ann: the scans, in one ended session
      Reviewer ann = laptop.reviews().reviewer("ann");
      long annSession = laptop.reviews().startSession(ann.id(), "ann-laptop").id();
      long verdict = verdictId(laptop, ct1, liver);
      List<Candidate> c1 = laptop.queries().candidates(ct1, liver);
      laptop
          .reviews()
          .record(
              new NewDecision(
                  ct1,
                  liver,
                  ann.id(),
                  OptionalLong.of(annSession),
                  new DecisionAction.Accept(c1.get(0).id()),
                  "",
                  OptionalLong.of(verdict),
                  4200));
      long edited =
          laptop
              .writer()
              .reviewerCandidate(ct2, liver, "ann", mask(masks, "ct-002-ann-edit").file());
      laptop
          .reviews()
          .record(
              new NewDecision(
                  ct2,
                  liver,
                  ann.id(),
                  OptionalLong.of(annSession),
                  new DecisionAction.Edit(edited),
                  "drew the left lobe",
                  OptionalLong.empty(),
                  31_000));
      laptop
          .reviews()
          .record(
              new NewDecision(
                  ct3,
                  liver,
                  ann.id(),
                  OptionalLong.of(annSession),
                  new DecisionAction.Flag(FlagReason.WRONG_STRUCTURE),
                  "this is the spleen",
                  OptionalLong.empty(),
                  900));
      laptop.reviews().endSession(annSession);
      // bob: the form cells, in a session left open, and one decision outside it
      Reviewer bob = laptop.reviews().reviewer("bob");
      long bobSession = laptop.reviews().startSession(bob.id(), "bob-tablet").id();
      long cell1 = items.get("cell-001");
      long cell2 = items.get("cell-002");
      laptop
          .reviews()
          .record(
              new NewDecision(
                  cell1,
                  code,
                  bob.id(),
                  OptionalLong.of(bobSession),
                  new DecisionAction.Accept(laptop.queries().candidates(cell1, code).get(0).id()),
                  "",
                  OptionalLong.empty(),
                  1500));
      new CodeEdits(laptop)
          .record(
              new NewDecision(
                  cell2,
                  code,
                  bob.id(),
                  OptionalLong.of(bobSession),
                  new DecisionAction.Reopen(),
                  "the 4 is a 9",
                  OptionalLong.empty(),
                  2500),
              bob,
              "912");
      laptop.reviews().record(NewDecision.of(cell1, code, bob.id(), new DecisionAction.Reopen()));
      laptop
          .reviews()
          .record(
              new NewDecision(
                  items.get("cell-003"),
                  code,
                  bob.id(),
                  OptionalLong.empty(),
                  new DecisionAction.Flag(FlagReason.UNREADABLE),
                  "ink blot",
                  OptionalLong.empty(),
                  700));
      List<Seed> seeds = new ArrayList<>();
      for (String reviewer : List.of("ann", "bob")) {
        SessionData data = fixed(new SessionStore(laptop).export(reviewer));
        Path out = dir.resolve("seeds").resolve(reviewer + ".lcws");
        SessionFile.write(out, data);
        byte[] bytes = Files.readAllBytes(out);
        seeds.add(new Seed(reviewer + ".lcws", bytes, sqliteFields(bytes)));
      }
      return new Fixture(pristine, seeds);
    }
  }

  private static long verdictId(Store store, long item, long structure)
      throws LabelCriticException {
    return store.verdicts().forItem(item, structure).getFirst().id();
  }

  /** The export with fixed uids and times, so the seed file is the same on every run. */
  private static SessionData fixed(SessionData d) {
    Map<String, String> uids = new HashMap<>();
    List<PortableSession> sessions = new ArrayList<>();
    int n = 0;
    for (PortableSession s : d.sessions()) {
      String uid = d.reviewer() + "-session-" + ++n;
      uids.put(s.uid(), uid);
      sessions.add(
          new PortableSession(
              uid,
              s.reviewer(),
              s.machine(),
              "2026-03-0" + n + "T09:00:00Z",
              s.endedAt() == null ? null : "2026-03-0" + n + "T17:00:00Z"));
    }
    List<PortableDecision> decisions = new ArrayList<>();
    n = 0;
    for (PortableDecision x : d.decisions()) {
      n++;
      decisions.add(
          new PortableDecision(
              d.reviewer() + "-decision-" + n,
              x.item(),
              x.structure(),
              x.reviewer(),
              x.sessionUid() == null ? null : uids.get(x.sessionUid()),
              x.action(),
              x.candidate(),
              x.flagReason(),
              x.note(),
              x.verdict(),
              x.timeSpentMillis(),
              "2026-03-01T10:0" + n + ":00Z"));
    }
    return new SessionData(
        d.reviewer() + "-file",
        d.datasetUid(),
        d.datasetName(),
        d.schemaVersion(),
        d.reviewer(),
        "2026-03-02T18:00:00Z",
        sessions,
        d.candidates(),
        decisions);
  }

  /** A small mask file with content derived from its name. */
  private static CandidateLabel.Mask mask(Path masks, String name) throws Exception {
    Path f = masks.resolve(name + ".nii.gz");
    byte[] bytes = ("mask " + name).getBytes(StandardCharsets.UTF_8);
    Files.write(f, bytes);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    return new CandidateLabel.Mask(
        new FileRef(f.toAbsolutePath().toString(), bytes.length, sha), new TreeSet<>(Set.of(1)));
  }

  /**
   * The places in an SQLite file where a change matters most: the header's fields, each b-tree
   * page's header and cell pointers, and the first bytes of each cell (payload size, row id and the
   * record header that gives each column's type and length), and a share of the values.
   */
  static List<Field> sqliteFields(byte[] b) {
    List<Field> fields = new ArrayList<>();
    int[][] header = {
      {16, 2}, {18, 1}, {19, 1}, {20, 1}, {21, 1}, {22, 1}, {23, 1}, {24, 4}, {28, 4}, {32, 4},
      {36, 4}, {40, 4}, {44, 4}, {48, 4}, {52, 4}, {56, 4}, {60, 4}, {64, 4}, {92, 4}, {96, 4}
    };
    for (int[] h : header) {
      fields.add(new Field(h[0], h[1], true));
    }
    int pageSize = u16(b, 16) == 1 ? 65536 : u16(b, 16);
    for (int page = 0; (long) page * pageSize < b.length; page++) {
      int start = page * pageSize;
      int h = start + (page == 0 ? 100 : 0);
      int type = b[h];
      if (type != 2 && type != 5 && type != 10 && type != 13) {
        continue;
      }
      boolean interior = type == 2 || type == 5;
      fields.add(new Field(h, 1, true));
      fields.add(new Field(h + 1, 2, true));
      fields.add(new Field(h + 3, 2, true));
      fields.add(new Field(h + 5, 2, true));
      fields.add(new Field(h + 7, 1, true));
      if (interior) {
        fields.add(new Field(h + 8, 4, true));
      }
      int cells = u16(b, h + 3);
      int pointers = h + (interior ? 12 : 8);
      for (int i = 0; i < cells; i++) {
        fields.add(new Field(pointers + 2 * i, 2, true));
        int cell = start + u16(b, pointers + 2 * i);
        for (int k = 0; k < 16 && cell + k < start + pageSize; k++) {
          fields.add(new Field(cell + k, 1, true));
        }
      }
      // the values themselves: every fourth byte of the cell content area
      int content = u16(b, h + 5) == 0 ? 65536 : u16(b, h + 5);
      for (int at = start + content; at < start + pageSize && at < b.length; at += 4) {
        fields.add(new Field(at, 1, true));
      }
    }
    return fields;
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
  }

  /**
   * Reads each input as a session file and merges it into the dataset, then checks the database and
   * puts it back as it was (SQLite's backup API, through a second connection) for the next.
   */
  static final class SessionTarget implements FuzzRun.Target, AutoCloseable {
    final Path input;
    final Path db;
    final Path pristine;
    final Path masks;
    final Store store;
    final SessionStore sessions;
    final Connection watch;
    final Map<String, Long> before;
    final Map<String, Integer> refusals = new TreeMap<>();
    final Map<String, String> seedText = new HashMap<>();

    /** The seeds' session files by seed name, to count the inputs whose values changed. */
    final Map<String, byte[]> seedFiles;

    int inputs;
    int changed;
    int merged;
    int mergeRefused;
    int mergedAgain;
    int decisionsAdded;
    int integrityChecks;

    SessionTarget(Path dir, Path pristine, Map<String, byte[]> seedFiles) throws Exception {
      this.pristine = pristine;
      this.seedFiles = seedFiles;
      this.input = dir.resolve(FILE);
      this.db = dir.resolve("target.db");
      this.masks = Files.createDirectories(dir.resolve("target-masks"));
      Files.copy(pristine, db);
      this.store = Store.open(db);
      this.sessions = new SessionStore(store);
      this.watch = DriverManager.getConnection("jdbc:sqlite:" + db);
      this.before = counts();
      dataVersion();
    }

    @Override
    public void read(Seed seed, byte[] bytes) throws Exception {
      if (inputs++ % CHECK_EVERY == 0) {
        checkIntegrity();
      }
      for (String suffix : List.of("-wal", "-shm", "-journal")) {
        Files.deleteIfExists(input.resolveSibling(FILE + suffix));
      }
      Files.write(input, bytes);
      SessionData data;
      try {
        data = SessionFile.read(input);
      } catch (LabelCriticException e) {
        refusals.merge(kind(e.getMessage()), 1, Integer::sum);
        throw e;
      }
      byte[] original = seedFiles.get(seed.name());
      if (original != null
          && !text(data).equals(seedText.computeIfAbsent(seed.name(), n -> seedText(original)))) {
        changed++;
      }
      long version = dataVersion();
      try {
        mergeAndCheck(data);
      } finally {
        if (dataVersion() != version || maskFiles() != 0) {
          restore(); // also after a finding, so that it does not spill into the next input
        }
      }
    }

    private void mergeAndCheck(SessionData data) throws Exception {
      long version = dataVersion();
      MergeReport report;
      try {
        report = sessions.merge(data, FILE, masks);
      } catch (LabelCriticException e) {
        mergeRefused++;
        refusals.merge("merge: " + kind(e.getMessage()), 1, Integer::sum);
        if (dataVersion() != version || !counts().equals(before) || maskFiles() != 0) {
          throw new AssertionError(
              "partial merge: the merge was refused ("
                  + e.getMessage()
                  + ") but the database or the mask folder changed: "
                  + counts()
                  + ", "
                  + maskFiles()
                  + " mask file(s)",
              e);
        }
        throw e;
      }
      merged++;
      checkMerged(data, report);
      if (merged % AGAIN_EVERY == 0) {
        MergeReport again = sessions.merge(data, FILE, masks);
        mergedAgain++;
        assertThat(again.added()).as("merging again adds nothing").isZero();
        assertThat(again.sessionsAdded()).isZero();
        assertThat(again.alreadyPresent()).isEqualTo(report.added() + report.alreadyPresent());
        assertThat(counts().get("decision")).isEqualTo(before.get("decision") + report.added());
      }
    }

    /** What a refusal says, without the file's path and the details that vary. */
    private String kind(String message) {
      String m = message.replace(input.toString(), "").replace(db.toString(), "<db>");
      m = m.replaceAll("'[^']*'", "'…'").replaceAll("[0-9]+", "N");
      return m.length() > 120 ? m.substring(0, 120) : m;
    }

    /** The content as text: equal for an input whose mutations changed no value. */
    private static String text(SessionData d) {
      StringBuilder b = new StringBuilder(d.toString());
      d.candidates().forEach(c -> b.append(Arrays.toString(c.maskBytes())));
      return b.toString();
    }

    private String seedText(byte[] seedFile) {
      try {
        Path copy = input.resolveSibling("seed.lcws");
        Files.write(copy, seedFile);
        return text(SessionFile.read(copy));
      } catch (IOException | LabelCriticException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The report says what the database gained; every decision was merged or reported skipped. */
    private void checkMerged(SessionData data, MergeReport r) throws Exception {
      Map<String, Long> now = counts();
      assertThat(now.get("decision") - before.get("decision"))
          .as("decisions added, as the report says")
          .isEqualTo(r.added());
      assertThat(now.get("review_session") - before.get("review_session"))
          .as("sessions added, as the report says")
          .isEqualTo(r.sessionsAdded());
      assertThat(now.get("merged_session") - before.get("merged_session")).isEqualTo(1);
      assertThat(r.file()).isEqualTo(FILE);
      Set<String> uids = new HashSet<>();
      try (Statement s = watch.createStatement();
          ResultSet rs = s.executeQuery("SELECT uid FROM decision")) {
        while (rs.next()) {
          assertThat(uids.add(rs.getString(1))).as("decision uids are unique").isTrue();
        }
      }
      long skippedDecisions = r.skipped().stream().filter(x -> x.startsWith("decision ")).count();
      assertThat(r.added() + r.alreadyPresent() + skippedDecisions)
          .as("every decision is added, already present or skipped: " + r)
          .isEqualTo(data.decisions().size());
      for (PortableDecision d : data.decisions()) {
        boolean skipped =
            r.skipped().stream().anyMatch(x -> x.startsWith("decision " + d.uid() + ":"));
        assertThat(skipped || uids.contains(d.uid()))
            .as("decision " + d.uid() + " is in the database or reported skipped: " + r)
            .isTrue();
      }
      decisionsAdded += r.added();
    }

    private void checkIntegrity() throws LabelCriticException {
      integrityChecks++;
      String check = store.integrityCheck();
      if (!"ok".equals(check)) {
        throw new AssertionError("integrity_check after input " + inputs + ": " + check);
      }
    }

    /** The database back to the dataset as prepared, the mask folder empty. */
    private void restore() throws Exception {
      try (Statement s = watch.createStatement()) {
        s.executeUpdate("restore from " + pristine.toAbsolutePath());
      }
      try (Stream<Path> files = Files.walk(masks)) {
        for (Path p : files.sorted((x, y) -> y.compareTo(x)).toList()) {
          if (!p.equals(masks)) {
            Files.delete(p);
          }
        }
      }
    }

    /** Changes when another connection (the store's) commits anything. */
    private long dataVersion() throws SQLException {
      try (Statement s = watch.createStatement();
          ResultSet rs = s.executeQuery("PRAGMA data_version")) {
        rs.next();
        return rs.getLong(1);
      }
    }

    /** Rows per table. */
    Map<String, Long> counts() throws SQLException {
      Map<String, Long> out = new HashMap<>();
      List<String> tables = new ArrayList<>();
      try (Statement s = watch.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT name FROM sqlite_master WHERE type = 'table'"
                      + " AND name NOT LIKE 'sqlite_%'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        try (Statement s = watch.createStatement();
            ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + t + "\"")) {
          rs.next();
          out.put(t, rs.getLong(1));
        }
      }
      return out;
    }

    private long maskFiles() throws IOException {
      try (Stream<Path> files = Files.walk(masks)) {
        return files.filter(Files::isRegularFile).count();
      }
    }

    String summary() {
      StringBuilder top = new StringBuilder();
      refusals.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .limit(12)
          .forEach(e -> top.append("\n  ").append(e.getValue()).append(" x ").append(e.getKey()));
      return "session merge: "
          + changed
          + " read inputs with changed values, "
          + merged
          + " merged ("
          + decisionsAdded
          + " decisions added), "
          + mergeRefused
          + " refused by the merge, "
          + mergedAgain
          + " merged again, "
          + integrityChecks
          + " integrity checks; refusals:"
          + top;
    }

    @Override
    public void close() throws LabelCriticException, SQLException {
      try (watch) {
        store.close();
      }
    }
  }

  /**
   * A session file as text: its rows as one SQL INSERT a line (blobs in hex), for mutating the
   * values rather than the file's structure.
   */
  static byte[] rowsAsSql(byte[] sessionFile, Path scratch) throws Exception {
    Files.write(scratch, sessionFile);
    StringBuilder sql = new StringBuilder();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + scratch);
        Statement s = c.createStatement()) {
      for (String table : List.of("lcws_meta", "session", "candidate", "decision")) {
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            sql.append("INSERT INTO ").append(table).append(" VALUES (");
            for (int i = 1; i <= n; i++) {
              Object v = rs.getObject(i);
              sql.append(i > 1 ? ", " : "")
                  .append(
                      switch (v) {
                        case null -> "NULL";
                        case byte[] b -> "X'" + HexFormat.of().formatHex(b) + "'";
                        case Number x -> x.toString();
                        default -> "'" + v.toString().replace("'", "''") + "'";
                      });
            }
            sql.append(");\n");
          }
        }
      }
    }
    return sql.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The session file format's tables, as a session file of {@code seed} declares them. */
  static List<String> schema(byte[] sessionFile, Path scratch) throws Exception {
    Files.write(scratch, sessionFile);
    List<String> ddl = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + scratch);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT sql FROM sqlite_master WHERE type = 'table' ORDER BY rootpage")) {
      while (rs.next()) {
        ddl.add(rs.getString(1));
      }
    }
    return ddl;
  }

  /**
   * Builds a session file from mutated INSERT lines (a line SQLite refuses, such as one that breaks
   * the format's NOT NULL, leaves its row out) and hands its bytes to {@code target}.
   */
  static FuzzRun.Target fromRows(Path dir, List<String> schema, FuzzRun.Target target) {
    Path built = dir.resolve("built.lcws");
    return (seed, input) -> {
      Files.deleteIfExists(built);
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + built);
          Statement s = c.createStatement()) {
        s.executeUpdate("PRAGMA journal_mode = OFF");
        s.executeUpdate("PRAGMA synchronous = OFF");
        c.setAutoCommit(false);
        for (String ddl : schema) {
          s.executeUpdate(ddl);
        }
        for (String line : new String(input, StandardCharsets.UTF_8).split("\n")) {
          if (!line.isBlank()) {
            try {
              s.executeUpdate(line);
            } catch (SQLException refused) {
              // not a row: left out, as a damaged row would be
            }
          }
        }
        c.commit();
      }
      target.read(seed, Files.readAllBytes(built));
    };
  }

  /** For {@link FuzzRegressionTest}: each input merged into a fresh copy of the dataset. */
  static FuzzRun.Target target(Path dir) throws Exception {
    Fixture f = prepare(Files.createDirectories(dir.resolve("fixture")));
    int[] n = {0};
    return (seed, input) -> {
      Path d = Files.createDirectories(dir.resolve("run-" + n[0]++));
      try (SessionTarget t = new SessionTarget(d, f.pristine(), Map.of())) {
        t.read(seed, input);
      }
    };
  }

  @Test
  void theSeedsMergeCleanly() throws Exception {
    Fixture f = prepare(dir.resolve("fixture"));
    Map<String, byte[]> seedFiles = Map.of();
    try (SessionTarget t =
        new SessionTarget(Files.createDirectories(dir.resolve("t")), f.pristine(), seedFiles)) {
      for (Seed s : f.seeds()) {
        Files.write(t.input, s.bytes());
        SessionData data = SessionFile.read(t.input);
        MergeReport r = t.sessions.merge(data, FILE, t.masks);
        assertThat(r.skipped()).as(r.toString()).isEmpty();
        assertThat(r.added()).isEqualTo(data.decisions().size());
        assertThat(r.conflicts()).isNotEmpty();
        if (s.name().equals("ann.lcws")) {
          assertThat(r.conflicts())
              .anySatisfy(c -> assertThat(c).contains("ct-002/liver").contains("as r2"));
          assertThat(r.masksWritten()).isEqualTo(1);
        }
        assertThat(t.store.integrityCheck()).isEqualTo("ok");
      }
      assertThat(f.seeds()).allSatisfy(s -> assertThat(s.fields()).hasSizeGreaterThan(50));
    }
    Fixture again = prepare(dir.resolve("again"));
    for (int i = 0; i < f.seeds().size(); i++) {
      assertThat(again.seeds().get(i).bytes())
          .as("the seed files are the same bytes every time")
          .isEqualTo(f.seeds().get(i).bytes());
    }
  }

  @Test
  void everyMutatedSessionRowIsMergedSkippedOrRefusedClearly() throws Exception {
    Fixture f = prepare(dir.resolve("fixture"));
    Path work = Files.createDirectories(dir.resolve("rows"));
    List<Seed> seeds = new ArrayList<>();
    Map<String, byte[]> seedFiles = new HashMap<>();
    for (Seed s : f.seeds()) {
      seeds.add(new Seed(s.name() + ".sql", rowsAsSql(s.bytes(), work.resolve("scratch.lcws"))));
      seedFiles.put(s.name() + ".sql", s.bytes());
    }
    List<String> schema = schema(f.seeds().getFirst().bytes(), work.resolve("scratch.lcws"));
    FuzzRun.Result r;
    try (SessionTarget t =
        new SessionTarget(Files.createDirectories(dir.resolve("t")), f.pristine(), seedFiles)) {
      ch.qos.logback.classic.Logger audit =
          (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(AuditLog.LOGGER);
      ch.qos.logback.classic.Level level = audit.getLevel();
      audit.setLevel(ch.qos.logback.classic.Level.WARN);
      try {
        r =
            new FuzzRun("session-rows", seeds, true, FILE)
                .run(ROW_INPUTS, fromRows(work, schema, t));
      } finally {
        audit.setLevel(level);
      }
      LOG.info("{}; {}", r.summary(), t.summary());
      assertThat(r.findings()).as(r.summary()).isEmpty();
      assertThat(t.merged).as("some inputs are read and merged").isPositive();
      assertThat(t.store.integrityCheck()).isEqualTo("ok");
    }
    assertThat(r.inputs()).isEqualTo(ROW_INPUTS);
    assertThat(r.refused()).as("some mutations damage a row").isPositive();
  }

  @Test
  void everyMutatedSessionFileIsMergedOrRefusedClearly() throws Exception {
    Fixture f = prepare(dir.resolve("fixture"));
    Map<String, byte[]> seedFiles = new HashMap<>();
    f.seeds().forEach(s -> seedFiles.put(s.name(), s.bytes()));
    FuzzRun.Result r;
    try (SessionTarget t =
        new SessionTarget(Files.createDirectories(dir.resolve("t")), f.pristine(), seedFiles)) {
      // every merge writes an audit line; ten thousand would bury the test output
      ch.qos.logback.classic.Logger audit =
          (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(AuditLog.LOGGER);
      ch.qos.logback.classic.Level level = audit.getLevel();
      audit.setLevel(ch.qos.logback.classic.Level.WARN);
      try {
        r = new FuzzRun("session", f.seeds(), false, FILE).run(FuzzRun.INPUTS, t);
      } finally {
        audit.setLevel(level);
      }
      LOG.info("{}; {}", r.summary(), t.summary());
      assertThat(r.findings()).as(r.summary()).isEmpty();
      assertThat(t.merged).as("some inputs are read and merged").isPositive();
      assertThat(t.store.integrityCheck()).isEqualTo("ok");
    }
    assertThat(r.inputs()).isEqualTo(FuzzRun.INPUTS);
    assertThat(r.refused()).as("some mutations break the file").isPositive();
  }
}
