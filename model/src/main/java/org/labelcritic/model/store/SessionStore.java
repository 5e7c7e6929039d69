package org.labelcritic.model.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.session.CandidateKey;
import org.labelcritic.model.session.MergeReport;
import org.labelcritic.model.session.PortableCandidate;
import org.labelcritic.model.session.PortableDecision;
import org.labelcritic.model.session.PortableSession;
import org.labelcritic.model.session.PortableVerdict;
import org.labelcritic.model.session.SessionData;

/**
 * Exports one reviewer's work as portable {@link SessionData} and merges such data back, by stable
 * keys (decision and session uids, item external ids, structure and source names).
 *
 * <p>A merge never changes or removes a decision: decisions already present (same uid) are skipped,
 * so merging again adds nothing; new ones are appended with their original uid and time. Two
 * reviewers' different decisions on the same item are both kept and listed as conflicts.
 */
public final class SessionStore {
  private static final String EXPORT_DECISIONS =
      "SELECT d.uid, i.external_id, s.name, r.name, rs.uid, d.action,"
          + " cs.name, cs.kind, cs.version, c.revision, d.flag_reason, d.note,"
          + " v.critic, v.model_version,"
          + " sa.name, sa.kind, sa.version, ca.revision,"
          + " sb.name, sb.kind, sb.version, cb.revision,"
          + " d.time_spent_ms, d.decided_at, c.id"
          + " FROM decision d JOIN item i ON i.id = d.item_id"
          + " JOIN structure s ON s.id = d.structure_id JOIN reviewer r ON r.id = d.reviewer_id"
          + " LEFT JOIN review_session rs ON rs.id = d.session_id"
          + " LEFT JOIN candidate c ON c.id = d.candidate_id"
          + " LEFT JOIN source cs ON cs.id = c.source_id"
          + " LEFT JOIN verdict v ON v.id = d.verdict_id"
          + " LEFT JOIN candidate ca ON ca.id = v.candidate_a_id"
          + " LEFT JOIN source sa ON sa.id = ca.source_id"
          + " LEFT JOIN candidate cb ON cb.id = v.candidate_b_id"
          + " LEFT JOIN source sb ON sb.id = cb.source_id"
          + " WHERE r.name = ? ORDER BY d.id";

  private final Store store;

  public SessionStore(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  // ---------------------------------------------------------------- export

  /**
   * Everything {@code reviewer} did in this database: sessions, decisions, and the candidates the
   * reviewer made (person sources) with their mask files' bytes.
   *
   * @throws LabelCriticException when the reviewer is unknown, or an edited mask file is missing or
   *     changed since it was recorded
   */
  public SessionData export(String reviewer) throws LabelCriticException {
    String name = reviewer.strip();
    List<PortableDecision> decisions = new ArrayList<>();
    Map<Long, PortableDecision> personCandidates = new LinkedHashMap<>();
    List<PortableSession> sessions = new ArrayList<>();
    Map<Long, Candidate> candidates = new LinkedHashMap<>();
    store.call(
        c -> {
          PreparedStatement who = store.statement("SELECT id FROM reviewer WHERE name = ?");
          who.setString(1, name);
          if (store.optionalLong(who).isEmpty()) {
            throw LabelCriticException.inFile(store.file(), "has no reviewer named '" + name + "'");
          }
          PreparedStatement ss =
              store.statement(
                  "SELECT s.uid, s.machine, s.started_at, s.ended_at FROM review_session s"
                      + " JOIN reviewer r ON r.id = s.reviewer_id WHERE r.name = ? ORDER BY s.id");
          ss.setString(1, name);
          try (ResultSet rs = ss.executeQuery()) {
            while (rs.next()) {
              sessions.add(
                  new PortableSession(
                      rs.getString(1), name, rs.getString(2), rs.getString(3), rs.getString(4)));
            }
          }
          PreparedStatement ps = store.statement(EXPORT_DECISIONS);
          ps.setString(1, name);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              String critic = rs.getString(13);
              PortableVerdict v =
                  critic == null
                      ? null
                      : new PortableVerdict(critic, rs.getString(14), key(rs, 15), key(rs, 19));
              PortableDecision d =
                  new PortableDecision(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      key(rs, 7),
                      rs.getString(11),
                      rs.getString(12),
                      v,
                      rs.getLong(23),
                      rs.getString(24));
              decisions.add(d);
              long candidateId = rs.getLong(25);
              if (!rs.wasNull() && SourceKind.PERSON.name().equals(rs.getString(8))) {
                personCandidates.putIfAbsent(candidateId, d);
              }
            }
          }
          for (long id : personCandidates.keySet()) {
            PreparedStatement cs =
                store.statement(
                    "SELECT id, item_id, structure_id, source_id, revision, mask_path, mask_size,"
                        + " mask_sha256, label_values, code, confidence, digit_confidences"
                        + " FROM candidate WHERE id = ?");
            cs.setLong(1, id);
            try (ResultSet rs = cs.executeQuery()) {
              if (rs.next()) {
                candidates.put(id, Queries.readCandidate(rs));
              }
            }
          }
          return null;
        });
    List<PortableCandidate> made = new ArrayList<>();
    for (Map.Entry<Long, Candidate> e : candidates.entrySet()) {
      PortableDecision d = personCandidates.get(e.getKey());
      made.add(portable(d, e.getValue()));
    }
    return new SessionData(
        UUID.randomUUID().toString(),
        store.dataset().uid(),
        store.dataset().name(),
        Database.SCHEMA_VERSION,
        name,
        Instant.now().toString(),
        sessions,
        made,
        decisions);
  }

  private PortableCandidate portable(PortableDecision d, Candidate c) throws LabelCriticException {
    return switch (c.label()) {
      case CandidateLabel.Mask m -> {
        Path file = Path.of(m.file().path());
        byte[] bytes;
        try {
          bytes = Files.readAllBytes(file);
        } catch (IOException e) {
          throw LabelCriticException.inFile(
              file,
              "cannot read the edited mask of decision " + d.uid() + ": " + e.getMessage(),
              e);
        }
        String sha = sha256(bytes);
        if (m.file().sha256() != null && !m.file().sha256().equals(sha)) {
          throw LabelCriticException.inFile(
              file,
              "the edited mask of decision "
                  + d.uid()
                  + " changed since it was recorded (SHA-256 differs); nothing was exported");
        }
        yield new PortableCandidate(
            d.item(),
            d.structure(),
            d.candidate(),
            sha,
            m.labelValuesText(),
            file.getFileName().toString(),
            bytes,
            null,
            null,
            null);
      }
      case CandidateLabel.Code code ->
          new PortableCandidate(
              d.item(),
              d.structure(),
              d.candidate(),
              null,
              null,
              null,
              null,
              code.code(),
              Double.isNaN(code.confidence()) ? null : code.confidence(),
              ImportWriter.digitsText(code));
    };
  }

  private static CandidateKey key(ResultSet rs, int first) throws SQLException {
    String source = rs.getString(first);
    if (source == null) {
      return null;
    }
    return new CandidateKey(
        source, rs.getString(first + 1), rs.getString(first + 2), rs.getInt(first + 3));
  }

  // ---------------------------------------------------------------- merge

  /**
   * Merges a session's data into this database, in one transaction: everything is merged, or
   * nothing (no candidate, source, session, decision or mask file is left behind by a merge that
   * fails midway). Decisions, sessions and edited candidates that cannot be placed (an unknown
   * item, a damaged value) are skipped and listed in the report; the rest merges.
   *
   * @param fileName the session file's name, for the report and the record of merges; every error
   *     names it
   * @param maskDir where edited masks carried in the session are written ({@code
   *     <maskDir>/<sha256>/<file name>}); the candidates refer to them there
   * @throws LabelCriticException when the session belongs to another dataset, comes from a newer
   *     schema, carries a mask whose bytes do not match its SHA-256, or cannot be written (a mask
   *     file, the database); nothing is merged then
   */
  public MergeReport merge(SessionData data, String fileName, Path maskDir)
      throws LabelCriticException {
    Path here = store.file();
    Path file = Path.of(fileName);
    if (!store.dataset().uid().equals(data.datasetUid())) {
      throw LabelCriticException.inFile(
          file,
          "belongs to dataset '"
              + data.datasetName()
              + "' ("
              + data.datasetUid()
              + "), not to '"
              + store.dataset().name()
              + "' ("
              + store.dataset().uid()
              + ") in "
              + here
              + "; nothing was merged");
    }
    if (data.schemaVersion() > Database.SCHEMA_VERSION) {
      throw LabelCriticException.inFile(
          file,
          "was written with schema version "
              + data.schemaVersion()
              + ", newer than this program knows ("
              + Database.SCHEMA_VERSION
              + "); update LabelCritic Workbench before merging; nothing was merged");
    }
    for (PortableCandidate c : data.candidates()) {
      if (c.isMask() && !sha256(c.maskBytes()).equals(c.maskSha256())) {
        throw LabelCriticException.inFile(
            file,
            "the edited mask "
                + c.maskFileName()
                + " of "
                + c.item()
                + "/"
                + c.structure()
                + " does not match its SHA-256: the file is damaged; nothing was merged");
      }
    }
    List<PortableDecision> ordered = new ArrayList<>(data.decisions());
    Comparator<String> text = Comparator.nullsFirst(Comparator.naturalOrder());
    ordered.sort(
        Comparator.comparing(PortableDecision::decidedAt, text)
            .thenComparing(PortableDecision::uid, text));
    // Mask files this merge wrote: removed again when the transaction does not commit.
    List<Path> written = new ArrayList<>();
    try {
      return store.transaction(
          c -> {
            List<String> skipped = new ArrayList<>();
            List<String> conflicts = new ArrayList<>();
            // The session's edited candidates: where each landed here, or empty when skipped.
            Map<String, Optional<Long>> placed = new HashMap<>();
            int masks = 0;
            for (PortableCandidate p : data.candidates()) {
              masks += ensureCandidate(p, maskDir, skipped, conflicts, written, placed) ? 1 : 0;
            }
            int sessionsAdded = mergeSessions(data.sessions(), skipped);
            int added = 0;
            int present = 0;
            for (PortableDecision d : ordered) {
              PreparedStatement exists = store.statement("SELECT id FROM decision WHERE uid = ?");
              exists.setString(1, d.uid());
              if (store.optionalLong(exists).isPresent()) {
                present++;
                continue;
              }
              Optional<String> invalid = invalid(d);
              if (invalid.isPresent()) {
                skipped.add("decision " + d.uid() + ": " + invalid.get());
                continue;
              }
              if (insert(d, skipped, conflicts, placed)) {
                added++;
              }
            }
            PreparedStatement rec =
                store.statement(
                    "INSERT INTO merged_session (file_uid, reviewer, file_name, decisions_added,"
                        + " merged_at) VALUES (?, ?, ?, ?, ?)");
            rec.setString(1, data.fileUid());
            rec.setString(2, data.reviewer());
            rec.setString(3, fileName);
            rec.setInt(4, added);
            rec.setString(5, Instant.now().toString());
            rec.executeUpdate();
            AuditLog.append(
                store,
                data.reviewer(),
                AuditLog.Kind.MERGE,
                "merged "
                    + fileName
                    + " ("
                    + data.fileUid()
                    + "): "
                    + added
                    + " decision(s) added, "
                    + present
                    + " already present, "
                    + conflicts.size()
                    + " conflict(s), "
                    + skipped.size()
                    + " skipped",
                true);
            return new MergeReport(
                fileName,
                data.reviewer(),
                added,
                present,
                sessionsAdded,
                masks,
                conflicts,
                skipped);
          });
    } catch (LabelCriticException e) {
      removeWritten(written, e);
      throw LabelCriticException.inFile(
          file,
          "cannot be merged into " + here + ": " + e.getMessage() + "; nothing was merged",
          e);
    } catch (RuntimeException e) {
      removeWritten(written, e);
      throw e;
    }
  }

  /** Removes the mask files a failed merge wrote, and their folders when empty. */
  private static void removeWritten(List<Path> written, Exception cause) {
    for (Path p : written) {
      try {
        Files.deleteIfExists(p);
        try (var left = Files.list(p.getParent())) {
          if (left.findAny().isEmpty()) {
            Files.deleteIfExists(p.getParent());
          }
        }
      } catch (IOException suppressed) {
        cause.addSuppressed(suppressed);
      }
    }
  }

  /** Why a decision read from a session file cannot be a decision, if it cannot. */
  static Optional<String> invalid(PortableDecision d) {
    if (d.uid() == null || d.uid().isBlank()) {
      return Optional.of("no uid");
    }
    if (d.reviewer() == null || d.reviewer().isBlank()) {
      return Optional.of("no reviewer");
    }
    if (d.decidedAt() == null) {
      return Optional.of("no decision time");
    }
    try {
      Instant.parse(d.decidedAt());
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.of("decision time '" + d.decidedAt() + "' is not an ISO-8601 instant");
    }
    boolean withCandidate = d.candidate() != null;
    return switch (d.action() == null ? "" : d.action()) {
      case "ACCEPT", "EDIT" ->
          withCandidate && d.flagReason() == null
              ? Optional.empty()
              : Optional.of(d.action() + " needs a candidate and no flag reason");
      case "FLAG" -> {
        if (withCandidate || d.flagReason() == null) {
          yield Optional.of("FLAG needs a flag reason and no candidate");
        }
        try {
          org.labelcritic.model.domain.FlagReason.valueOf(d.flagReason());
          yield Optional.empty();
        } catch (IllegalArgumentException e) {
          yield Optional.of("unknown flag reason '" + d.flagReason() + "'");
        }
      }
      case "REOPEN" ->
          withCandidate || d.flagReason() != null
              ? Optional.of("REOPEN takes no candidate and no flag reason")
              : Optional.empty();
      default -> Optional.of("unknown action '" + d.action() + "'");
    };
  }

  private int mergeSessions(List<PortableSession> sessions, List<String> skipped)
      throws SQLException, LabelCriticException {
    int added = 0;
    for (PortableSession s : sessions) {
      Optional<String> invalid = invalid(s);
      if (invalid.isPresent()) {
        skipped.add("session " + s.uid() + ": " + invalid.get());
        continue;
      }
      PreparedStatement find = store.statement("SELECT ended_at FROM review_session WHERE uid = ?");
      find.setString(1, s.uid());
      boolean found;
      String ended = null;
      try (ResultSet rs = find.executeQuery()) {
        found = rs.next();
        if (found) {
          ended = rs.getString(1);
        }
      }
      if (!found) {
        PreparedStatement ins =
            store.statement(
                "INSERT INTO review_session (uid, reviewer_id, machine, started_at, ended_at)"
                    + " VALUES (?, ?, ?, ?, ?)");
        ins.setString(1, s.uid());
        ins.setLong(2, store.reviews().reviewer(s.reviewer()).id());
        ins.setString(3, s.machine() == null ? "" : s.machine());
        ins.setString(4, s.startedAt());
        ins.setString(5, s.endedAt());
        ins.executeUpdate();
        added++;
      } else if (ended == null && s.endedAt() != null) {
        PreparedStatement up =
            store.statement(
                "UPDATE review_session SET ended_at = ? WHERE uid = ? AND ended_at IS NULL");
        up.setString(1, s.endedAt());
        up.setString(2, s.uid());
        up.executeUpdate();
      }
    }
    return added;
  }

  /** Why a session read from a session file cannot be a review session, if it cannot. */
  static Optional<String> invalid(PortableSession s) {
    if (s.uid() == null || s.uid().isBlank()) {
      return Optional.of("no uid");
    }
    if (s.reviewer() == null || s.reviewer().isBlank()) {
      return Optional.of("no reviewer");
    }
    if (s.startedAt() == null) {
      return Optional.of("no start time");
    }
    return Optional.empty();
  }

  /** Inserts one decision; false (with the reason in {@code skipped}) when it cannot be placed. */
  private boolean insert(
      PortableDecision d,
      List<String> skipped,
      List<String> conflicts,
      Map<String, Optional<Long>> placed)
      throws SQLException, LabelCriticException {
    String unit = d.item() + "/" + d.structure();
    Optional<Long> item = idByName("SELECT id FROM item WHERE external_id = ?", d.item());
    Optional<Long> structure = idByName("SELECT id FROM structure WHERE name = ?", d.structure());
    if (item.isEmpty() || structure.isEmpty()) {
      skipped.add(
          "decision "
              + d.uid()
              + ": "
              + (item.isEmpty() ? "item '" + d.item() + "'" : "structure '" + d.structure() + "'")
              + " is not in this database");
      return false;
    }
    Long candidate = null;
    if (d.candidate() != null) {
      Optional<Long> cid = placed.get(ref(d.item(), d.structure(), d.candidate()));
      if (cid != null && cid.isEmpty()) {
        skipped.add(
            "decision "
                + d.uid()
                + ": the edited candidate it chooses on "
                + unit
                + " was skipped");
        return false;
      }
      if (cid == null) {
        cid = candidateId(item.get(), structure.get(), d.candidate());
      }
      if (cid.isEmpty()) {
        skipped.add(
            "decision "
                + d.uid()
                + ": candidate of source '"
                + d.candidate().source()
                + "' on "
                + unit
                + " is not in this database");
        return false;
      }
      candidate = cid.get();
    }
    Long verdict = verdictId(item.get(), structure.get(), d.verdict()).orElse(null);
    long reviewer = store.reviews().reviewer(d.reviewer()).id();
    Long session = null;
    if (d.sessionUid() != null) {
      session =
          idByName("SELECT id FROM review_session WHERE uid = ?", d.sessionUid()).orElse(null);
    }
    PreparedStatement latest =
        store.statement(
            "SELECT id, decided_at FROM decision WHERE item_id = ? AND structure_id = ?"
                + " AND reviewer_id = ? ORDER BY id DESC LIMIT 1");
    latest.setLong(1, item.get());
    latest.setLong(2, structure.get());
    latest.setLong(3, reviewer);
    Long supersedes = null;
    try (ResultSet rs = latest.executeQuery()) {
      if (rs.next()) {
        supersedes = rs.getLong(1);
        if (rs.getString(2).compareTo(d.decidedAt()) > 0) {
          conflicts.add(
              unit
                  + ": "
                  + d.reviewer()
                  + "'s merged decision of "
                  + d.decidedAt()
                  + " is older than their decision of "
                  + rs.getString(2)
                  + " already here; both are kept, the merged one is now the latest");
        }
      }
    }
    PreparedStatement ins =
        store.statement(
            "INSERT INTO decision (uid, item_id, structure_id, reviewer_id, session_id,"
                + " action, candidate_id, flag_reason, note, verdict_id, supersedes_id,"
                + " time_spent_ms, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.setString(1, d.uid());
    ins.setLong(2, item.get());
    ins.setLong(3, structure.get());
    ins.setLong(4, reviewer);
    setLong(ins, 5, session);
    ins.setString(6, d.action());
    setLong(ins, 7, candidate);
    ins.setString(8, d.flagReason());
    ins.setString(9, d.note() == null ? "" : d.note());
    setLong(ins, 10, verdict);
    setLong(ins, 11, supersedes);
    ins.setLong(12, Math.max(0, d.timeSpentMillis()));
    ins.setString(13, d.decidedAt());
    ins.executeUpdate();
    String mine = describe(d.action(), candidate, d.flagReason());
    AuditLog.append(
        store,
        d.reviewer(),
        AuditLog.Kind.DECISION,
        "merged decision " + d.uid() + " on " + unit + ": " + mine,
        false);
    if (!"REOPEN".equals(d.action())) {
      PreparedStatement others =
          store.statement(
              "SELECT r.name, d.action, d.candidate_id, d.flag_reason FROM decision d"
                  + " JOIN (SELECT MAX(id) AS id FROM decision WHERE item_id = ?"
                  + " AND structure_id = ? AND reviewer_id <> ? GROUP BY reviewer_id) m"
                  + " ON m.id = d.id JOIN reviewer r ON r.id = d.reviewer_id ORDER BY r.name");
      others.setLong(1, item.get());
      others.setLong(2, structure.get());
      others.setLong(3, reviewer);
      List<String[]> rows = new ArrayList<>();
      try (ResultSet rs = others.executeQuery()) {
        while (rs.next()) {
          long cid = rs.getLong(3);
          rows.add(
              new String[] {
                rs.getString(1),
                rs.getString(2),
                rs.wasNull() ? null : String.valueOf(cid),
                rs.getString(4)
              });
        }
      }
      for (String[] o : rows) {
        if ("REOPEN".equals(o[1])) {
          continue;
        }
        String theirs = describe(o[1], o[2] == null ? null : Long.valueOf(o[2]), o[3]);
        if (!theirs.equals(mine)) {
          conflicts.add(unit + ": " + d.reviewer() + " " + mine + ", " + o[0] + " " + theirs);
        }
      }
    }
    return true;
  }

  /** "ACCEPT source", "EDIT source" or "FLAG reason", the text conflicts are compared by. */
  private String describe(String action, Long candidateId, String flagReason) throws SQLException {
    if (candidateId == null) {
      return flagReason == null ? action : action + " " + flagReason;
    }
    PreparedStatement ps =
        store.statement(
            "SELECT s.name, c.revision FROM candidate c JOIN source s ON s.id = c.source_id"
                + " WHERE c.id = ?");
    ps.setLong(1, candidateId);
    try (ResultSet rs = ps.executeQuery()) {
      if (rs.next()) {
        return action + " " + rs.getString(1) + (rs.getInt(2) > 0 ? " r" + rs.getInt(2) : "");
      }
    }
    return action + " #" + candidateId;
  }

  /**
   * Makes sure a reviewer-made candidate exists, with the revision it has in the session file (or
   * the next free one when this database has a different edit under that revision); true when a
   * mask file was written (its path is added to {@code written}). Where it landed, or that it was
   * skipped, goes into {@code placed}. Runs inside the merge's transaction.
   */
  private boolean ensureCandidate(
      PortableCandidate p,
      Path maskDir,
      List<String> skipped,
      List<String> conflicts,
      List<Path> written,
      Map<String, Optional<Long>> placed)
      throws SQLException, LabelCriticException {
    String what = "edited candidate of " + p.item() + "/" + p.structure() + ": ";
    Optional<Long> item = idByName("SELECT id FROM item WHERE external_id = ?", p.item());
    Optional<Long> structure = idByName("SELECT id FROM structure WHERE name = ?", p.structure());
    if (item.isEmpty() || structure.isEmpty()) {
      skipped.add(what + "the item or structure is not in this database");
      return false;
    }
    CandidateKey k = p.key();
    if (k == null) {
      skipped.add(what + "no source");
      return false;
    }
    String ref = ref(p.item(), p.structure(), k);
    if (placed.containsKey(ref)) {
      skipped.add(what + "a second edit of source '" + k.source() + "' r" + k.revision());
      return false;
    }
    placed.put(ref, Optional.empty()); // until it is placed
    if (k.revision() < 0) {
      skipped.add(what + "revision " + k.revision() + " is negative");
      return false;
    }
    if (!SourceKind.PERSON.name().equals(k.sourceKind())) {
      skipped.add(
          what
              + "source kind '"
              + k.sourceKind()
              + "' is not "
              + SourceKind.PERSON
              + ": a session carries only reviewers' edits");
      return false;
    }
    if (k.source().isBlank()) {
      skipped.add(what + "the source has no name");
      return false;
    }
    PreparedStatement kind = store.statement("SELECT kind FROM source WHERE name = ?");
    kind.setString(1, k.source());
    try (ResultSet rs = kind.executeQuery()) {
      if (rs.next() && !SourceKind.PERSON.name().equals(rs.getString(1))) {
        skipped.add(
            what + "'" + k.source() + "' is the name of a " + rs.getString(1) + " source here");
        return false;
      }
    }
    CandidateLabel label;
    Path target = null;
    if (p.isMask()) {
      java.util.SortedSet<Integer> values = new java.util.TreeSet<>();
      try {
        for (String v : (p.labelValues() == null ? "1" : p.labelValues()).split(",")) {
          values.add(Integer.parseInt(v.strip()));
        }
      } catch (NumberFormatException e) {
        skipped.add(what + "label values '" + p.labelValues() + "' are not whole numbers");
        return false;
      }
      target = maskDir.resolve(p.maskSha256()).resolve(safeName(p.maskFileName()));
      label =
          new CandidateLabel.Mask(
              new FileRef(
                  target.toAbsolutePath().normalize().toString(),
                  p.maskBytes().length,
                  p.maskSha256()),
              values);
    } else {
      if (p.code() == null) {
        skipped.add(what + "neither a mask nor a code");
        return false;
      }
      Double confidence = p.confidence();
      if (confidence != null && !confidence.isNaN() && (confidence < 0 || confidence > 1)) {
        skipped.add(what + "confidence " + confidence + " is not between 0 and 1");
        return false;
      }
      List<Double> digits = new ArrayList<>();
      try {
        if (p.digitConfidences() != null && !p.digitConfidences().isBlank()) {
          for (String v : p.digitConfidences().split(";")) {
            digits.add(Double.parseDouble(v.strip()));
          }
        }
      } catch (NumberFormatException e) {
        skipped.add(what + "digit confidences '" + p.digitConfidences() + "' are not numbers");
        return false;
      }
      label =
          new CandidateLabel.Code(p.code(), confidence == null ? Double.NaN : confidence, digits);
    }
    int revision = k.revision();
    Optional<Long> existing = candidateId(item.get(), structure.get(), k);
    if (existing.isPresent()) {
      Optional<Long> same = sameEdit(item.get(), structure.get(), k.source(), p);
      if (same.isPresent()) { // this edit, here already (under another revision after a clash)
        placed.put(ref, same);
        return false;
      }
      PreparedStatement next =
          store.statement(
              "SELECT COALESCE(MAX(c.revision), 0) + 1 FROM candidate c"
                  + " JOIN source s ON s.id = c.source_id"
                  + " WHERE c.item_id = ? AND c.structure_id = ? AND s.name = ?");
      next.setLong(1, item.get());
      next.setLong(2, structure.get());
      next.setString(3, k.source());
      revision = (int) (long) store.optionalLong(next).orElse(1L);
      conflicts.add(
          p.item()
              + "/"
              + p.structure()
              + ": "
              + k.source()
              + "'s edit r"
              + k.revision()
              + " differs from the edit r"
              + k.revision()
              + " already here; both are kept, the merged one as r"
              + revision);
    }
    long source = store.sourceId(k.source(), SourceKind.PERSON, k.sourceVersion());
    boolean wrote = false;
    if (target != null) {
      wrote = writeMask(target, p.maskBytes(), p.maskSha256());
      if (wrote) {
        written.add(target);
      }
    }
    long id =
        store
            .writer()
            .insertReviewerCandidate(item.get(), structure.get(), source, revision, label);
    placed.put(ref, Optional.of(id));
    return wrote;
  }

  /** The candidate of this source that holds the same mask (by SHA-256) or code as {@code p}. */
  private Optional<Long> sameEdit(long item, long structure, String source, PortableCandidate p)
      throws SQLException {
    PreparedStatement ps =
        store.statement(
            "SELECT c.id FROM candidate c JOIN source s ON s.id = c.source_id"
                + " WHERE c.item_id = ? AND c.structure_id = ? AND s.name = ?"
                + " AND (c.mask_sha256 = ? OR c.code = ?) ORDER BY c.revision LIMIT 1");
    ps.setLong(1, item);
    ps.setLong(2, structure);
    ps.setString(3, source);
    ps.setString(4, p.isMask() ? p.maskSha256() : null);
    ps.setString(5, p.isMask() ? null : p.code());
    return store.optionalLong(ps);
  }

  /** A session candidate's key within one merge. */
  private static String ref(String item, String structure, CandidateKey k) {
    return item + "\u0000" + structure + "\u0000" + k.source() + "\u0000" + k.revision();
  }

  /** Writes a mask file unless it is there already with these bytes; true when written. */
  private static boolean writeMask(Path target, byte[] bytes, String sha)
      throws LabelCriticException {
    try {
      if (Files.isRegularFile(target) && sha256(Files.readAllBytes(target)).equals(sha)) {
        return false;
      }
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".mask-", ".tmp");
      try {
        Files.write(tmp, bytes);
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return true;
    } catch (IOException e) {
      throw LabelCriticException.inFile(
          target, "cannot write the edited mask: " + e.getMessage(), e);
    }
  }

  /** A file name without folders or characters that do not belong in one. */
  static String safeName(String name) {
    String n = name == null ? "" : name;
    n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
    n = n.replaceAll("[^A-Za-z0-9._-]", "_");
    if (n.length() > MAX_NAME) { // file systems refuse names over 255 bytes
      n = n.substring(n.length() - MAX_NAME);
    }
    return n.isEmpty() || n.startsWith(".") ? "mask" + n : n;
  }

  private static final int MAX_NAME = 120;

  private Optional<Long> candidateId(long item, long structure, CandidateKey k)
      throws SQLException {
    PreparedStatement ps =
        store.statement(
            "SELECT c.id FROM candidate c JOIN source s ON s.id = c.source_id"
                + " WHERE c.item_id = ? AND c.structure_id = ? AND s.name = ? AND c.revision = ?");
    ps.setLong(1, item);
    ps.setLong(2, structure);
    ps.setString(3, k.source());
    ps.setInt(4, k.revision());
    return store.optionalLong(ps);
  }

  private Optional<Long> verdictId(long item, long structure, PortableVerdict v)
      throws SQLException {
    if (v == null || v.a() == null) {
      return Optional.empty();
    }
    Optional<Long> a = candidateId(item, structure, v.a());
    Optional<Long> b = v.b() == null ? Optional.of(0L) : candidateId(item, structure, v.b());
    if (a.isEmpty() || b.isEmpty()) {
      return Optional.empty();
    }
    PreparedStatement ps =
        store.statement(
            "SELECT MAX(id) FROM verdict WHERE candidate_a_id = ?"
                + " AND COALESCE(candidate_b_id, 0) = ? AND critic = ? AND model_version = ?");
    ps.setLong(1, a.get());
    ps.setLong(2, b.get());
    ps.setString(3, v.critic());
    ps.setString(4, v.modelVersion());
    return store.optionalLong(ps);
  }

  private Optional<Long> idByName(String sql, String name) throws SQLException {
    PreparedStatement ps = store.statement(sql);
    ps.setString(1, name);
    return store.optionalLong(ps);
  }

  private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setLong(i, v);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
