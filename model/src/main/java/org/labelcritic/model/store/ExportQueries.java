package org.labelcritic.model.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.Item;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.Structure;
import org.labelcritic.model.domain.Verdict;

/**
 * The exporters' reads: the whole decision log with names, and every item-structure pair of a kind
 * with its candidates, decisions and verdicts. Both stream, so an export of a census-scale database
 * holds one page of items at a time, never the whole table.
 */
public final class ExportQueries {
  /** Items loaded per page of {@link #forEachPair}. */
  static final int ITEMS_PER_PAGE = 500;

  private static final String D_COLUMNS =
      "d.id, d.uid, d.item_id, d.structure_id, d.reviewer_id, d.session_id, d.action,"
          + " d.candidate_id, d.flag_reason, d.note, d.verdict_id, d.supersedes_id,"
          + " d.time_spent_ms, d.decided_at";

  private final Store store;

  public ExportQueries(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * One decision of the log with names instead of ids.
   *
   * @param sessionUid the session's uid; empty when the decision was made outside a session
   * @param candidateSource the name of the chosen candidate's source; empty for flag and reopen
   * @param candidateRevision the chosen candidate's revision; -1 for flag and reopen
   */
  public record DecisionRow(
      Decision decision,
      String item,
      ItemKind itemKind,
      String structure,
      String reviewer,
      String sessionUid,
      String candidateSource,
      int candidateRevision) {
    public DecisionRow {
      Objects.requireNonNull(decision, "decision");
      sessionUid = sessionUid == null ? "" : sessionUid;
      candidateSource = candidateSource == null ? "" : candidateSource;
    }
  }

  /** Receives decisions one at a time. */
  @FunctionalInterface
  public interface DecisionSink {
    void accept(DecisionRow row) throws LabelCriticException;
  }

  /** Every decision, oldest first (the full append-only log); returns how many. */
  public long forEachDecision(DecisionSink sink) throws LabelCriticException {
    return store.call(
        c -> {
          long n = 0;
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT "
                          + D_COLUMNS
                          + ", i.external_id, i.kind, s.name, r.name, rs.uid, src.name, ca.revision"
                          + " FROM decision d JOIN item i ON i.id = d.item_id"
                          + " JOIN structure s ON s.id = d.structure_id"
                          + " JOIN reviewer r ON r.id = d.reviewer_id"
                          + " LEFT JOIN review_session rs ON rs.id = d.session_id"
                          + " LEFT JOIN candidate ca ON ca.id = d.candidate_id"
                          + " LEFT JOIN source src ON src.id = ca.source_id ORDER BY d.id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              int revision = rs.getInt(21);
              if (rs.wasNull()) {
                revision = -1;
              }
              sink.accept(
                  new DecisionRow(
                      Reviews.readDecision(rs),
                      rs.getString(15),
                      ItemKind.valueOf(rs.getString(16)),
                      rs.getString(17),
                      rs.getString(18),
                      rs.getString(19),
                      rs.getString(20),
                      revision));
              n++;
            }
          }
          return n;
        });
  }

  /**
   * One item-structure pair with everything an export rests on.
   *
   * @param candidates in source order
   * @param decisions every decision of every reviewer, oldest first
   * @param verdicts every verdict, oldest first
   */
  public record PairHistory(
      Item item,
      Structure structure,
      List<Candidate> candidates,
      List<Decision> decisions,
      List<Verdict> verdicts) {
    public PairHistory {
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(structure, "structure");
      candidates = List.copyOf(candidates);
      decisions = List.copyOf(decisions);
      verdicts = List.copyOf(verdicts);
    }
  }

  /** Receives pairs one at a time. */
  @FunctionalInterface
  public interface PairSink {
    void accept(PairHistory pair) throws LabelCriticException;
  }

  /** The number of item-structure pairs of this kind (pairs with at least one candidate). */
  public long countPairs(ItemKind kind) throws LabelCriticException {
    return store.call(
        c -> {
          PreparedStatement ps =
              store.statement(
                  "SELECT COUNT(*) FROM (SELECT DISTINCT c.item_id, c.structure_id"
                      + " FROM candidate c JOIN item i ON i.id = c.item_id WHERE i.kind = ?) p");
          ps.setString(1, kind.name());
          return store.optionalLong(ps).orElse(0L);
        });
  }

  /**
   * Every item-structure pair of this kind that has a candidate, in item id then structure name
   * order, one page of items at a time; the sink runs outside the database lock. Returns how many.
   */
  public long forEachPair(ItemKind kind, PairSink sink) throws LabelCriticException {
    Map<Long, Structure> structures = new HashMap<>();
    for (Structure s : store.structures()) {
      structures.put(s.id(), s);
    }
    long after = 0;
    long n = 0;
    while (true) {
      Page page = page(kind, after, structures);
      if (page.lastItemId() < 0) {
        return n;
      }
      for (PairHistory p : page.pairs()) {
        sink.accept(p);
        n++;
      }
      after = page.lastItemId();
    }
  }

  /** Reviewer names by id. */
  public Map<Long, String> reviewerNames() throws LabelCriticException {
    return store.call(
        c -> {
          Map<Long, String> out = new HashMap<>();
          try (ResultSet rs = store.statement("SELECT id, name FROM reviewer").executeQuery()) {
            while (rs.next()) {
              out.put(rs.getLong(1), rs.getString(2));
            }
          }
          return out;
        });
  }

  private record Key(long item, long structure) {}

  /** A page of pairs and the last item id it covered (-1 past the end). */
  private record Page(long lastItemId, List<PairHistory> pairs) {}

  /** The pairs of the next page of items after item id {@code after}; empty at the end. */
  private Page page(ItemKind kind, long after, Map<Long, Structure> structures)
      throws LabelCriticException {
    return store.call(
        c -> {
          PreparedStatement items =
              store.statement(ITEM_SELECT + " WHERE i.kind = ? AND i.id > ? ORDER BY i.id LIMIT ?");
          items.setString(1, kind.name());
          items.setLong(2, after);
          items.setInt(3, ITEMS_PER_PAGE);
          Map<Long, Item> byId = new LinkedHashMap<>();
          try (ResultSet rs = items.executeQuery()) {
            while (rs.next()) {
              Item it = readItem(rs);
              byId.put(it.id(), it);
            }
          }
          if (byId.isEmpty()) {
            return new Page(-1, List.of());
          }
          long lo = byId.keySet().iterator().next();
          long hi = after;
          for (long id : byId.keySet()) {
            hi = id;
          }
          // Items of other kinds may lie in the id range: the maps below drop them.
          Map<Key, List<Candidate>> candidates = new LinkedHashMap<>();
          PreparedStatement cs =
              store.statement(
                  "SELECT id, item_id, structure_id, source_id, revision, mask_path, mask_size,"
                      + " mask_sha256, label_values, code, confidence, digit_confidences"
                      + " FROM candidate WHERE item_id BETWEEN ? AND ?"
                      + " ORDER BY item_id, structure_id, source_id, revision");
          cs.setLong(1, lo);
          cs.setLong(2, hi);
          try (ResultSet rs = cs.executeQuery()) {
            while (rs.next()) {
              Candidate cand = Queries.readCandidate(rs);
              if (byId.containsKey(cand.itemId())) {
                candidates
                    .computeIfAbsent(
                        new Key(cand.itemId(), cand.structureId()), k -> new ArrayList<>())
                    .add(cand);
              }
            }
          }
          Map<Key, List<Decision>> decisions = new HashMap<>();
          PreparedStatement ds =
              store.statement(
                  "SELECT "
                      + D_COLUMNS
                      + " FROM decision d WHERE d.item_id BETWEEN ? AND ? ORDER BY d.id");
          ds.setLong(1, lo);
          ds.setLong(2, hi);
          try (ResultSet rs = ds.executeQuery()) {
            while (rs.next()) {
              Decision d = Reviews.readDecision(rs);
              decisions
                  .computeIfAbsent(new Key(d.itemId(), d.structureId()), k -> new ArrayList<>())
                  .add(d);
            }
          }
          Map<Key, List<Verdict>> verdicts = new HashMap<>();
          PreparedStatement vs =
              store.statement(
                  "SELECT id, item_id, structure_id, candidate_a_id, candidate_b_id, outcome,"
                      + " confidence, critic, model_version, reasons, created_at FROM verdict"
                      + " WHERE item_id BETWEEN ? AND ? ORDER BY id");
          vs.setLong(1, lo);
          vs.setLong(2, hi);
          try (ResultSet rs = vs.executeQuery()) {
            while (rs.next()) {
              Verdict v = Verdicts.read(rs);
              verdicts
                  .computeIfAbsent(new Key(v.itemId(), v.structureId()), k -> new ArrayList<>())
                  .add(v);
            }
          }
          List<PairHistory> out = new ArrayList<>();
          List<Map.Entry<Key, List<Candidate>>> entries = new ArrayList<>(candidates.entrySet());
          entries.sort(
              (a, b) -> {
                int byItem = Long.compare(a.getKey().item(), b.getKey().item());
                return byItem != 0
                    ? byItem
                    : structureName(structures, a.getKey())
                        .compareTo(structureName(structures, b.getKey()));
              });
          for (Map.Entry<Key, List<Candidate>> e : entries) {
            Key k = e.getKey();
            out.add(
                new PairHistory(
                    byId.get(k.item()),
                    structures.get(k.structure()),
                    e.getValue(),
                    decisions.getOrDefault(k, List.of()),
                    verdicts.getOrDefault(k, List.of())));
          }
          return new Page(hi, out);
        });
  }

  private static String structureName(Map<Long, Structure> structures, Key k) {
    Structure s = structures.get(k.structure());
    return s == null ? "" : s.name();
  }

  /** Items with their image file, in the columns {@link #readItem} reads; add a WHERE clause. */
  static final String ITEM_SELECT =
      "SELECT i.id, i.kind, i.external_id, f.path, f.size, f.sha256, i.box_x, i.box_y, i.box_w,"
          + " i.box_h, i.geometry FROM item i LEFT JOIN image_file f ON f.id = i.image_id";

  static Item readItem(ResultSet rs) throws SQLException {
    String path = rs.getString(4);
    FileRef image = null;
    if (path != null) {
      long size = rs.getLong(5);
      image = new FileRef(path, rs.wasNull() ? -1 : size, rs.getString(6));
    }
    int w = rs.getInt(9);
    Item.Box box = null;
    if (!rs.wasNull()) {
      box = new Item.Box(rs.getInt(7), rs.getInt(8), w, rs.getInt(10));
    }
    return new Item(
        rs.getLong(1),
        ItemKind.valueOf(rs.getString(2)),
        rs.getString(3),
        image,
        box,
        rs.getString(11));
  }
}
