package org.labelcritic.model.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.Verdict;

/**
 * The critic's and the quality worker's reads: what a critic version has not scored yet, the
 * candidates of a batch of pairs, code frequencies, verdicts for export and verdicts that can be
 * adopted.
 */
public final class CriticQueries {
  /** Candidates are loaded for this many items per statement (padded, so it stays prepared). */
  static final int ITEMS_PER_LOAD = 200;

  private static final String UNSCORED =
      " FROM (SELECT DISTINCT item_id, structure_id FROM candidate) p"
          + " JOIN item i ON i.id = p.item_id"
          + " WHERE i.kind = ? AND NOT EXISTS (SELECT 1 FROM verdict v"
          + " WHERE v.item_id = p.item_id AND v.structure_id = p.structure_id"
          + " AND v.critic = ? AND v.model_version = ?)";

  private final Store store;

  public CriticQueries(Store store) {
    this.store = store;
  }

  /** Item-structure pairs of this kind that this critic version has not scored, in item order. */
  public PairList unscored(ItemKind kind, String critic, String modelVersion)
      throws LabelCriticException {
    return store.call(
        c -> {
          PreparedStatement ps =
              store.statement(
                  "SELECT p.item_id, p.structure_id"
                      + UNSCORED
                      + " ORDER BY p.item_id, p.structure_id");
          ps.setString(1, kind.name());
          ps.setString(2, critic);
          ps.setString(3, modelVersion);
          long[] items = new long[1024];
          long[] structures = new long[1024];
          int n = 0;
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              if (n == items.length) {
                items = Arrays.copyOf(items, n * 2);
                structures = Arrays.copyOf(structures, n * 2);
              }
              items[n] = rs.getLong(1);
              structures[n] = rs.getLong(2);
              n++;
            }
          }
          return new PairList(Arrays.copyOf(items, n), Arrays.copyOf(structures, n));
        });
  }

  public long countUnscored(ItemKind kind, String critic, String modelVersion)
      throws LabelCriticException {
    return store.call(
        c -> {
          PreparedStatement ps = store.statement("SELECT COUNT(*)" + UNSCORED);
          ps.setString(1, kind.name());
          ps.setString(2, critic);
          ps.setString(3, modelVersion);
          return store.optionalLong(ps).orElse(0L);
        });
  }

  /** An item-structure pair. */
  public record Pair(long itemId, long structureId) {}

  /** The candidates of these pairs, in source order; a pair without candidates is absent. */
  public Map<Pair, List<Candidate>> candidates(Collection<Pair> pairs) throws LabelCriticException {
    List<Long> itemIds = new ArrayList<>(new TreeSet<>(pairs.stream().map(Pair::itemId).toList()));
    Map<Pair, List<Candidate>> wanted = new LinkedHashMap<>();
    for (Pair p : pairs) {
      wanted.put(p, new ArrayList<>());
    }
    store.call(
        c -> {
          StringBuilder sql =
              new StringBuilder(
                  "SELECT id, item_id, structure_id, source_id, revision, mask_path, mask_size,"
                      + " mask_sha256, label_values, code, confidence, digit_confidences"
                      + " FROM candidate WHERE item_id IN (");
          for (int i = 0; i < ITEMS_PER_LOAD; i++) {
            sql.append(i == 0 ? "?" : ",?");
          }
          sql.append(") ORDER BY item_id, structure_id, source_id, revision");
          PreparedStatement ps = store.statement(sql.toString());
          for (int start = 0; start < itemIds.size(); start += ITEMS_PER_LOAD) {
            List<Long> chunk =
                itemIds.subList(start, Math.min(itemIds.size(), start + ITEMS_PER_LOAD));
            for (int i = 0; i < ITEMS_PER_LOAD; i++) {
              // Padding repeats the last id: same prepared statement for every chunk size.
              ps.setLong(i + 1, chunk.get(Math.min(i, chunk.size() - 1)));
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                Candidate cand = Queries.readCandidate(rs);
                List<Candidate> l = wanted.get(new Pair(cand.itemId(), cand.structureId()));
                if (l != null) {
                  l.add(cand);
                }
              }
            }
          }
          return null;
        });
    wanted.values().removeIf(List::isEmpty);
    return wanted;
  }

  /**
   * How often each code occurs among the sources' own candidates (revision 0; reviewer edits are
   * not counted). The dataset's stand-in for training-data frequencies.
   */
  public Map<String, Long> codeCounts() throws LabelCriticException {
    return store.call(
        c -> {
          Map<String, Long> out = new HashMap<>();
          try (ResultSet rs =
              store
                  .statement(
                      "SELECT code, COUNT(*) FROM candidate WHERE code IS NOT NULL"
                          + " AND revision = 0 GROUP BY code")
                  .executeQuery()) {
            while (rs.next()) {
              out.put(rs.getString(1), rs.getLong(2));
            }
          }
          return out;
        });
  }

  /** Reads each verdict with its names. */
  @FunctionalInterface
  public interface RowSink {
    void accept(VerdictRow row) throws LabelCriticException;
  }

  /** Every verdict, oldest first, with item, structure and source names. */
  public long forEachVerdict(RowSink sink) throws LabelCriticException {
    return store.call(
        c -> {
          long n = 0;
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT v.id, i.external_id, s.name, sa.name, sb.name, v.outcome,"
                          + " v.confidence, v.critic, v.model_version FROM verdict v"
                          + " JOIN item i ON i.id = v.item_id"
                          + " JOIN structure s ON s.id = v.structure_id"
                          + " JOIN candidate ca ON ca.id = v.candidate_a_id"
                          + " JOIN source sa ON sa.id = ca.source_id"
                          + " LEFT JOIN candidate cb ON cb.id = v.candidate_b_id"
                          + " LEFT JOIN source sb ON sb.id = cb.source_id ORDER BY v.id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              sink.accept(
                  new VerdictRow(
                      rs.getLong(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      org.labelcritic.model.domain.VerdictOutcome.valueOf(rs.getString(6)),
                      rs.getDouble(7),
                      rs.getString(8),
                      rs.getString(9)));
              n++;
            }
          }
          return n;
        });
  }

  /**
   * The latest verdict of each item-structure pair that has no decision at all, in verdict order,
   * after verdict {@code afterVerdictId}, at most {@code limit}. Page by passing the last id seen.
   */
  public List<Verdict> latestUndecided(long afterVerdictId, int limit) throws LabelCriticException {
    return store.call(
        c -> {
          PreparedStatement ps =
              store.statement(
                  "SELECT v.id, v.item_id, v.structure_id, v.candidate_a_id, v.candidate_b_id,"
                      + " v.outcome, v.confidence, v.critic, v.model_version, v.reasons,"
                      + " v.created_at FROM verdict v WHERE v.id > ?"
                      + " AND NOT EXISTS (SELECT 1 FROM verdict w WHERE w.item_id = v.item_id"
                      + " AND w.structure_id = v.structure_id AND w.id > v.id)"
                      + " AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.item_id = v.item_id"
                      + " AND d.structure_id = v.structure_id)"
                      + " ORDER BY v.id LIMIT ?");
          ps.setLong(1, afterVerdictId);
          ps.setInt(2, limit);
          List<Verdict> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(Verdicts.read(rs));
            }
          }
          return out;
        });
  }

  /**
   * Item-structure pairs still open: every pair minus those whose latest decision accepts, edits or
   * flags.
   */
  public long openPairs() throws LabelCriticException {
    return store.call(
        c -> {
          long pairs =
              store
                  .optionalLong(store.statement("SELECT COALESCE(SUM(pairs), 0) FROM pair_count"))
                  .orElse(0L);
          long closed =
              store
                  .optionalLong(
                      store.statement(
                          "SELECT COUNT(*) FROM decision d JOIN (SELECT item_id, structure_id,"
                              + " MAX(id) AS did FROM decision GROUP BY item_id, structure_id) ld"
                              + " ON ld.did = d.id WHERE d.action <> 'REOPEN'"))
                  .orElse(0L);
          return Math.max(0, pairs - closed);
        });
  }
}
