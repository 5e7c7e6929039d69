package org.labelcritic.model.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.Item;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.SourceKind;

/**
 * Writes imported items and candidates, and keeps the status counters (V3) in step: every item and
 * candidate insert of the application goes through here. Idempotent: an item or candidate already
 * present is left as it is and reported as such, so importing the same files again adds nothing.
 *
 * <p>Speed matters at census scale (millions of rows): writes are JDBC batches, item ids are
 * assigned here inside the write transaction, and the transaction's timestamp is written into the
 * statement text once instead of being bound on every row (each bound value is a native call). An
 * item's image file (V5: a scanned page is shared by hundreds of cells) is written once and
 * referred to by id; the ids of files written before are remembered here, so a census import looks
 * each page up once.
 */
public final class ImportWriter {
  private static final int LOOKUP_CHUNK = 500;
  private static final String FIND_CANDIDATE =
      "SELECT mask_sha256, label_values, code, confidence, digit_confidences FROM candidate"
          + " WHERE item_id = ? AND structure_id = ? AND source_id = ? AND revision = 0";

  /** How many image files' ids are remembered across transactions (a census has ~10^5 pages). */
  private static final int IMAGE_IDS_REMEMBERED = 200_000;

  private final Store store;

  /**
   * Ids of image files that are committed (rows of {@code image_file} are never changed or deleted,
   * so an id once committed stays right), least recently used first. Guarded by itself.
   */
  private final Map<FileRef, Long> imageIds =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<FileRef, Long> eldest) {
          return size() > IMAGE_IDS_REMEMBERED;
        }
      };

  ImportWriter(Store store) {
    this.store = store;
  }

  /** The body of one import transaction. */
  @FunctionalInterface
  public interface Body<T> {
    T run(Batch batch) throws LabelCriticException;
  }

  /**
   * Runs {@code body} in one transaction: everything it wrote is committed when this returns, or
   * nothing is (when it throws).
   */
  public <T> T inTransaction(Body<T> body) throws LabelCriticException {
    return run(body, false);
  }

  /**
   * {@link #inTransaction} for a bulk import: SQLite's foreign-key checks (three index lookups per
   * candidate row, about a fifth of a census import's time) are off, and the batch checks every
   * reference itself instead: a candidate's item must be one that this batch wrote or found, its
   * structure and source must exist (looked up once each per batch). A reference that fails the
   * check throws, and nothing of the transaction is kept.
   */
  public <T> T inBulkTransaction(Body<T> body) throws LabelCriticException {
    return run(body, true);
  }

  private <T> T run(Body<T> body, boolean bulk) throws LabelCriticException {
    List<Batch> committed = new ArrayList<>(1);
    T out =
        store.transaction(
            c -> {
              try (Batch batch = new Batch(Instant.now().toString(), bulk)) {
                T result = body.run(batch);
                batch.flushCounters();
                committed.add(batch);
                return result;
              }
            },
            !bulk);
    // Only now, after the commit, are the image files this transaction wrote sure to exist.
    for (Batch b : committed) {
      synchronized (imageIds) {
        imageIds.putAll(b.newImages);
      }
    }
    return out;
  }

  /**
   * Registers a reviewer's edited mask as a new candidate for an item and structure, in one
   * transaction: the source is a person named after the reviewer (created when new), the revision
   * is one above that reviewer's last for the pair, the label is value 1 of {@code mask}.
   *
   * @return the new candidate's id
   * @throws LabelCriticException when a model source has the reviewer's name, or on a database
   *     error (nothing is written then)
   */
  public long reviewerCandidate(long itemId, long structureId, String reviewer, FileRef mask)
      throws LabelCriticException {
    if (reviewer == null || reviewer.isBlank()) {
      throw new LabelCriticException("an edited mask needs the reviewer's name");
    }
    String name = reviewer.strip();
    return store.transaction(
        c -> {
          PreparedStatement find = store.statement("SELECT id, kind FROM source WHERE name = ?");
          find.setString(1, name);
          long source = -1;
          try (ResultSet rs = find.executeQuery()) {
            if (rs.next()) {
              if (!SourceKind.PERSON.name().equals(rs.getString(2))) {
                throw new LabelCriticException(
                    "the reviewer's name '" + name + "' is already the name of a model source");
              }
              source = rs.getLong(1);
            }
          }
          if (source < 0) {
            PreparedStatement ins =
                store.statement("INSERT INTO source (name, kind, version) VALUES (?, ?, '')");
            ins.setString(1, name);
            ins.setString(2, SourceKind.PERSON.name());
            ins.executeUpdate();
            source = store.lastId();
          }
          PreparedStatement rev =
              store.statement(
                  "SELECT COALESCE(MAX(revision), 0) + 1 FROM candidate"
                      + " WHERE item_id = ? AND structure_id = ? AND source_id = ?");
          rev.setLong(1, itemId);
          rev.setLong(2, structureId);
          rev.setLong(3, source);
          long revision = store.optionalLong(rev).orElse(1L);
          return insertReviewerCandidate(
              itemId,
              structureId,
              source,
              revision,
              new CandidateLabel.Mask(mask, new java.util.TreeSet<>(Set.of(1))));
        });
  }

  /**
   * Inserts a reviewer's candidate (an edited mask or a typed code, revision above 0 of a person
   * source) and keeps the status counters in step; call inside a transaction. Every path that adds
   * a reviewer's candidate (an edit saved in the viewer, a typed code, a merged field session) goes
   * through here.
   *
   * @return the new candidate's id
   */
  long insertReviewerCandidate(
      long itemId, long structureId, long sourceId, long revision, CandidateLabel label)
      throws SQLException {
    PreparedStatement ins =
        store.statement(
            "INSERT INTO candidate (item_id, structure_id, source_id, revision, mask_path,"
                + " mask_size, mask_sha256, label_values, code, confidence, digit_confidences,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.setLong(1, itemId);
    ins.setLong(2, structureId);
    ins.setLong(3, sourceId);
    ins.setLong(4, revision);
    switch (label) {
      case CandidateLabel.Mask m -> {
        setFile(ins, 5, m.file());
        ins.setString(8, m.labelValuesText());
        ins.setNull(9, Types.VARCHAR);
        ins.setNull(10, Types.REAL);
        ins.setNull(11, Types.VARCHAR);
      }
      case CandidateLabel.Code code -> {
        setFile(ins, 5, null);
        ins.setNull(8, Types.VARCHAR);
        ins.setString(9, code.code());
        if (Double.isNaN(code.confidence())) {
          ins.setNull(10, Types.REAL);
        } else {
          ins.setDouble(10, code.confidence());
        }
        ins.setString(11, digitsText(code));
      }
    }
    ins.setString(12, Instant.now().toString());
    ins.executeUpdate();
    long id = store.lastId();
    PreparedStatement count =
        store.statement(
            "INSERT INTO candidate_count (structure_id, source_id, candidates)"
                + " VALUES (?, ?, 1) ON CONFLICT (structure_id, source_id)"
                + " DO UPDATE SET candidates = candidates + 1");
    count.setLong(1, structureId);
    count.setLong(2, sourceId);
    count.executeUpdate();
    // Usually the pair has the models' candidates already; when this is its first, it is a new
    // line of the queue.
    PreparedStatement probe =
        store.statement("SELECT COUNT(*) FROM candidate WHERE item_id = ? AND structure_id = ?");
    probe.setLong(1, itemId);
    probe.setLong(2, structureId);
    if (store.optionalLong(probe).orElse(0L) == 1) {
      PreparedStatement pairs =
          store.statement(
              "INSERT INTO pair_count (structure_id, pairs) VALUES (?, 1)"
                  + " ON CONFLICT (structure_id) DO UPDATE SET pairs = pairs + 1");
      pairs.setLong(1, structureId);
      pairs.executeUpdate();
    }
    return id;
  }

  /** What happened to an item. */
  public record ItemResult(
      long id, boolean created, boolean imageChanged, ItemKind existingKind, String storedSha) {}

  /** What happened to a candidate. */
  public enum CandidateResult {
    INSERTED,
    /** The same candidate was imported before; nothing was added. */
    UNCHANGED,
    /** A candidate for this item, structure and source exists with other content; kept as is. */
    CONFLICT
  }

  /** An item to write. */
  public record NewItem(
      ItemKind kind, String externalId, FileRef image, Item.Box box, String geometryJson) {
    public NewItem {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(externalId, "externalId");
    }
  }

  /** A candidate to write. */
  /**
   * @param digitsText a code's digit confidences as stored ({@link #digitsText}), when the caller
   *     has formatted them already (an import does it on its reading thread); null to have them
   *     formatted here
   */
  public record NewCandidate(
      long itemId, long structureId, long sourceId, CandidateLabel label, String digitsText) {
    public NewCandidate {
      Objects.requireNonNull(label, "label");
    }

    public NewCandidate(long itemId, long structureId, long sourceId, CandidateLabel label) {
      this(itemId, structureId, sourceId, label, null);
    }
  }

  private record PairKey(long item, long structure) {}

  private record CountKey(long structure, long source) {}

  /** Writes within one transaction; owns that transaction's statements. */
  public final class Batch implements AutoCloseable {
    private final String now;
    private PreparedStatement itemInsert;
    private PreparedStatement imageInsert;

    /** Image files this transaction wrote; remembered by the writer once it is committed. */
    private final Map<FileRef, Long> newImages = new HashMap<>();

    private PreparedStatement codeInsert;
    private PreparedStatement maskInsert;
    private final Set<Long> createdItems = new HashSet<>();
    private final boolean checkReferences;
    private long lastItemChecked = -1;
    private final Set<Long> itemsSeen = new HashSet<>();
    private final Set<Long> structuresSeen = new HashSet<>();
    private final Set<Long> sourcesSeen = new HashSet<>();
    private final Set<PairKey> countedPairs = new HashSet<>();
    private final Map<String, Long> itemDelta = new LinkedHashMap<>();
    private final Map<CountKey, Long> candidateDelta = new LinkedHashMap<>();
    private final Map<Long, Long> pairDelta = new LinkedHashMap<>();

    private Batch(String now, boolean checkReferences) {
      this.now = now;
      this.checkReferences = checkReferences;
    }

    /**
     * In a bulk transaction (no SQLite foreign-key checks) a candidate may only name an item this
     * batch wrote or found, and a structure and source that exist.
     */
    private void checkReferences(NewCandidate c) throws SQLException, LabelCriticException {
      if (!checkReferences) {
        return;
      }
      if (c.itemId() != lastItemChecked
          && !createdItems.contains(c.itemId())
          && !itemsSeen.contains(c.itemId())
          && !exists("item", c.itemId(), itemsSeen)) {
        throw new LabelCriticException(
            "a candidate names item id " + c.itemId() + ", which does not exist; nothing written");
      }
      if (!structuresSeen.contains(c.structureId())
          && !exists("structure", c.structureId(), structuresSeen)) {
        throw new LabelCriticException(
            "a candidate names structure id "
                + c.structureId()
                + ", which does not exist; nothing written");
      }
      if (!sourcesSeen.contains(c.sourceId()) && !exists("source", c.sourceId(), sourcesSeen)) {
        throw new LabelCriticException(
            "a candidate names source id "
                + c.sourceId()
                + ", which does not exist; nothing written");
      }
      lastItemChecked = c.itemId();
    }

    private boolean exists(String table, long id, Set<Long> seen) throws SQLException {
      PreparedStatement ps = store.statement("SELECT 1 FROM " + table + " WHERE id = ?");
      ps.setLong(1, id);
      boolean found = store.optionalLong(ps).isPresent();
      if (found) {
        seen.add(id);
      }
      return found;
    }

    /** Writes one item; see {@link #items(List)}. */
    public ItemResult item(
        ItemKind kind, String externalId, FileRef image, Item.Box box, String geometryJson)
        throws LabelCriticException {
      return items(List.of(new NewItem(kind, externalId, image, box, geometryJson))).getFirst();
    }

    /** Writes one candidate; see {@link #candidates(List)}. */
    public CandidateResult candidate(
        long itemId, long structureId, long sourceId, CandidateLabel label)
        throws LabelCriticException {
      return candidates(List.of(new NewCandidate(itemId, structureId, sourceId, label))).getFirst();
    }

    /**
     * Writes items as one JDBC batch with ids assigned here (the transaction holds SQLite's write
     * lock, so no other writer can take them); those whose external id is already taken are left as
     * they are and looked up. Results are in input order; an external id given twice gets the same
     * id, created only the first time.
     */
    public List<ItemResult> items(List<NewItem> items) throws LabelCriticException {
      try {
        // Inserted first, with ids assigned here; only the rows the database ignored (the external
        // id is taken, by an earlier import or earlier in this list) are looked up afterwards, so
        // a first import of millions of cells makes no lookups at all.
        long[] images = imageIds(items);
        long next = store.optionalLong(store.statement("SELECT MAX(id) FROM item")).orElse(0L);
        long[] ids = new long[items.size()];
        for (int i = 0; i < items.size(); i++) {
          ids[i] = ++next;
          bindItem(ids[i], items.get(i), images[i]);
        }
        int[] counts = items.isEmpty() ? new int[0] : itemInsert.executeBatch();
        List<NewItem> ignored = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
          if (counts[i] != 1) {
            ignored.add(items.get(i));
          }
        }
        Map<String, ItemResult> known = new HashMap<>();
        for (int from = 0; from < ignored.size(); from += LOOKUP_CHUNK) {
          lookUp(ignored.subList(from, Math.min(ignored.size(), from + LOOKUP_CHUNK)), known);
        }
        List<ItemResult> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
          NewItem it = items.get(i);
          String sha = it.image() == null ? null : it.image().sha256();
          if (counts[i] == 1) {
            createdItems.add(ids[i]);
            itemDelta.merge(it.kind().name(), 1L, Long::sum);
            out.add(new ItemResult(ids[i], true, false, it.kind(), sha));
            continue;
          }
          ItemResult k = known.get(it.externalId());
          if (k == null) {
            throw new LabelCriticException(
                "item '" + it.externalId() + "' was neither written nor found; nothing written");
          }
          boolean changed = sha != null && k.storedSha() != null && !k.storedSha().equals(sha);
          out.add(new ItemResult(k.id(), false, changed, k.existingKind(), k.storedSha()));
          if (checkReferences) {
            itemsSeen.add(k.id());
          }
        }
        return out;
      } catch (SQLException e) {
        throw store.translate(e);
      }
    }

    /**
     * The ids of the items' image files (0 for an item without one), in input order: remembered,
     * found in the database (a file is the same when path, size and SHA-256 are), or written now.
     */
    private long[] imageIds(List<NewItem> items) throws SQLException {
      Map<FileRef, Long> known = new HashMap<>();
      Set<FileRef> unknown = new LinkedHashSet<>();
      synchronized (imageIds) {
        for (NewItem it : items) {
          FileRef f = it.image();
          if (f == null || known.containsKey(f) || unknown.contains(f)) {
            continue;
          }
          Long id = newImages.get(f);
          if (id == null) {
            id = imageIds.get(f);
          }
          if (id != null) {
            known.put(f, id);
          } else {
            unknown.add(f);
          }
        }
      }
      if (!unknown.isEmpty()) {
        List<FileRef> ask = new ArrayList<>(unknown);
        for (int from = 0; from < ask.size(); from += LOOKUP_CHUNK) {
          findImages(ask.subList(from, Math.min(ask.size(), from + LOOKUP_CHUNK)), known);
        }
        long next =
            store.optionalLong(store.statement("SELECT MAX(id) FROM image_file")).orElse(0L);
        int written = 0;
        for (FileRef f : ask) {
          if (known.containsKey(f)) {
            continue;
          }
          if (imageInsert == null) {
            imageInsert =
                store
                    .connection()
                    .prepareStatement(
                        "INSERT INTO image_file (id, path, size, sha256) VALUES (?, ?, ?, ?)");
          }
          long id = ++next;
          imageInsert.setLong(1, id);
          imageInsert.setString(2, f.path());
          imageInsert.setLong(3, f.size());
          imageInsert.setString(4, f.sha256());
          imageInsert.addBatch();
          written++;
          known.put(f, id);
          newImages.put(f, id);
        }
        if (written > 0) {
          imageInsert.executeBatch();
        }
      }
      long[] out = new long[items.size()];
      for (int i = 0; i < items.size(); i++) {
        FileRef f = items.get(i).image();
        out[i] = f == null ? 0 : known.get(f);
      }
      return out;
    }

    /** Looks files up by path; those found are also remembered (they were committed before). */
    private void findImages(List<FileRef> chunk, Map<FileRef, Long> known) throws SQLException {
      Set<String> paths = new LinkedHashSet<>();
      for (FileRef f : chunk) {
        paths.add(f.path());
      }
      PreparedStatement ps =
          store.statement(
              "SELECT id, path, size, sha256 FROM image_file WHERE path IN ("
                  + String.join(",", Collections.nCopies(paths.size(), "?"))
                  + ") ORDER BY id");
      int i = 1;
      for (String p : paths) {
        ps.setString(i++, p);
      }
      Set<FileRef> wanted = new HashSet<>(chunk);
      Map<FileRef, Long> found = new HashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          FileRef f = new FileRef(rs.getString(2), rs.getLong(3), rs.getString(4));
          if (wanted.contains(f)) {
            found.putIfAbsent(f, rs.getLong(1));
          }
        }
      }
      known.putAll(found);
      synchronized (imageIds) {
        imageIds.putAll(found);
      }
    }

    /** Writes candidates as JDBC batches; results are in input order. */
    public List<CandidateResult> candidates(List<NewCandidate> candidates)
        throws LabelCriticException {
      try {
        boolean codes = false;
        boolean masks = false;
        for (NewCandidate c : candidates) {
          checkReferences(c);
          if (c.label() instanceof CandidateLabel.Code) {
            bindCode(c);
            codes = true;
          } else {
            bindMask(c);
            masks = true;
          }
        }
        int[] codeCounts = codes ? codeInsert.executeBatch() : new int[0];
        int[] maskCounts = masks ? maskInsert.executeBatch() : new int[0];
        List<CandidateResult> out = new ArrayList<>(candidates.size());
        Map<PairKey, Integer> insertedPerPair = new LinkedHashMap<>();
        int ci = 0;
        int mi = 0;
        for (NewCandidate c : candidates) {
          int n = c.label() instanceof CandidateLabel.Code ? codeCounts[ci++] : maskCounts[mi++];
          if (n == 1) {
            out.add(CandidateResult.INSERTED);
            candidateDelta.merge(new CountKey(c.structureId(), c.sourceId()), 1L, Long::sum);
            insertedPerPair.merge(new PairKey(c.itemId(), c.structureId()), 1, Integer::sum);
          } else {
            out.add(sameAsStored(c) ? CandidateResult.UNCHANGED : CandidateResult.CONFLICT);
          }
        }
        countNewPairs(insertedPerPair);
        return out;
      } catch (SQLException e) {
        throw store.translate(e);
      }
    }

    /**
     * A pair (item, structure) is a new queue line when these are its first candidates: certain for
     * an item created in this transaction, probed in the database otherwise.
     */
    private void countNewPairs(Map<PairKey, Integer> insertedPerPair) throws SQLException {
      for (Map.Entry<PairKey, Integer> e : insertedPerPair.entrySet()) {
        PairKey p = e.getKey();
        if (countedPairs.contains(p)) {
          continue;
        }
        boolean fresh;
        if (createdItems.contains(p.item())) {
          fresh = true;
        } else {
          PreparedStatement probe =
              store.statement(
                  "SELECT COUNT(*) FROM candidate WHERE item_id = ? AND structure_id = ?");
          probe.setLong(1, p.item());
          probe.setLong(2, p.structure());
          fresh = store.optionalLong(probe).orElse(0L) == e.getValue().longValue();
        }
        countedPairs.add(p);
        if (fresh) {
          pairDelta.merge(p.structure(), 1L, Long::sum);
        }
      }
    }

    private void flushCounters() throws SQLException {
      if (!itemDelta.isEmpty()) {
        PreparedStatement ps =
            store.statement(
                "INSERT INTO item_count (kind, items) VALUES (?, ?)"
                    + " ON CONFLICT (kind) DO UPDATE SET items = items + excluded.items");
        for (Map.Entry<String, Long> e : itemDelta.entrySet()) {
          ps.setString(1, e.getKey());
          ps.setLong(2, e.getValue());
          ps.executeUpdate();
        }
      }
      if (!candidateDelta.isEmpty()) {
        PreparedStatement ps =
            store.statement(
                "INSERT INTO candidate_count (structure_id, source_id, candidates)"
                    + " VALUES (?, ?, ?) ON CONFLICT (structure_id, source_id)"
                    + " DO UPDATE SET candidates = candidates + excluded.candidates");
        for (Map.Entry<CountKey, Long> e : candidateDelta.entrySet()) {
          ps.setLong(1, e.getKey().structure());
          ps.setLong(2, e.getKey().source());
          ps.setLong(3, e.getValue());
          ps.executeUpdate();
        }
      }
      if (!pairDelta.isEmpty()) {
        PreparedStatement ps =
            store.statement(
                "INSERT INTO pair_count (structure_id, pairs) VALUES (?, ?)"
                    + " ON CONFLICT (structure_id) DO UPDATE SET pairs = pairs + excluded.pairs");
        for (Map.Entry<Long, Long> e : pairDelta.entrySet()) {
          ps.setLong(1, e.getKey());
          ps.setLong(2, e.getValue());
          ps.executeUpdate();
        }
      }
    }

    private void lookUp(List<NewItem> chunk, Map<String, ItemResult> known) throws SQLException {
      String sql =
          "SELECT i.id, i.external_id, i.kind, f.sha256 FROM item i"
              + " LEFT JOIN image_file f ON f.id = i.image_id WHERE i.external_id IN ("
              + String.join(",", Collections.nCopies(chunk.size(), "?"))
              + ")";
      PreparedStatement ps = store.statement(sql);
      for (int i = 0; i < chunk.size(); i++) {
        ps.setString(i + 1, chunk.get(i).externalId());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          known.put(
              rs.getString(2),
              new ItemResult(
                  rs.getLong(1), false, false, ItemKind.valueOf(rs.getString(3)), rs.getString(4)));
        }
      }
    }

    private void bindItem(long id, NewItem it, long imageId) throws SQLException {
      if (itemInsert == null) {
        itemInsert =
            prepare(
                "INSERT INTO item (id, kind, external_id, image_id, box_x, box_y, box_w, box_h,"
                    + " geometry, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'NOW')"
                    + " ON CONFLICT (external_id) DO NOTHING");
      }
      PreparedStatement ps = itemInsert;
      ps.setLong(1, id);
      ps.setString(2, it.kind().name());
      ps.setString(3, it.externalId());
      if (imageId == 0) {
        ps.setNull(4, Types.INTEGER);
      } else {
        ps.setLong(4, imageId);
      }
      Item.Box box = it.box();
      if (box == null) {
        for (int i = 5; i <= 8; i++) {
          ps.setNull(i, Types.INTEGER);
        }
      } else {
        ps.setInt(5, box.x());
        ps.setInt(6, box.y());
        ps.setInt(7, box.w());
        ps.setInt(8, box.h());
      }
      ps.setString(9, it.geometryJson());
      ps.addBatch();
    }

    private void bindCode(NewCandidate c) throws SQLException {
      if (codeInsert == null) {
        codeInsert =
            prepare(
                "INSERT INTO candidate (item_id, structure_id, source_id, code, confidence,"
                    + " digit_confidences, created_at) VALUES (?, ?, ?, ?, ?, ?, 'NOW')"
                    + " ON CONFLICT (item_id, structure_id, source_id, revision) DO NOTHING");
      }
      CandidateLabel.Code code = (CandidateLabel.Code) c.label();
      PreparedStatement ps = codeInsert;
      ps.setLong(1, c.itemId());
      ps.setLong(2, c.structureId());
      ps.setLong(3, c.sourceId());
      ps.setString(4, code.code());
      if (Double.isNaN(code.confidence())) {
        ps.setNull(5, Types.REAL);
      } else {
        ps.setDouble(5, code.confidence());
      }
      ps.setString(6, c.digitsText() != null ? c.digitsText() : digitsText(code));
      ps.addBatch();
    }

    private void bindMask(NewCandidate c) throws SQLException {
      if (maskInsert == null) {
        maskInsert =
            prepare(
                "INSERT INTO candidate (item_id, structure_id, source_id, mask_path, mask_size,"
                    + " mask_sha256, label_values, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'NOW')"
                    + " ON CONFLICT (item_id, structure_id, source_id, revision) DO NOTHING");
      }
      CandidateLabel.Mask mask = (CandidateLabel.Mask) c.label();
      PreparedStatement ps = maskInsert;
      ps.setLong(1, c.itemId());
      ps.setLong(2, c.structureId());
      ps.setLong(3, c.sourceId());
      setFile(ps, 4, mask.file());
      ps.setString(7, mask.labelValuesText());
      ps.addBatch();
    }

    /** A statement of this transaction, with its timestamp (an ISO instant: no quotes) inlined. */
    private PreparedStatement prepare(String sql) throws SQLException {
      return store.connection().prepareStatement(sql.replace("'NOW'", "'" + now + "'"));
    }

    private boolean sameAsStored(NewCandidate c) throws SQLException {
      PreparedStatement find = store.statement(FIND_CANDIDATE);
      find.setLong(1, c.itemId());
      find.setLong(2, c.structureId());
      find.setLong(3, c.sourceId());
      try (ResultSet rs = find.executeQuery()) {
        if (!rs.next()) {
          return false;
        }
        return switch (c.label()) {
          case CandidateLabel.Mask m ->
              m.file().sha256() != null
                  && m.file().sha256().equals(rs.getString(1))
                  && m.labelValuesText().equals(rs.getString(2));
          case CandidateLabel.Code code -> {
            double conf = rs.getDouble(4);
            boolean confNull = rs.wasNull();
            yield code.code().equals(rs.getString(3))
                && (Double.isNaN(code.confidence())
                    ? confNull
                    : !confNull && conf == code.confidence())
                && Objects.equals(digitsText(code), rs.getString(5));
          }
        };
      }
    }

    @Override
    public void close() throws SQLException {
      for (PreparedStatement ps :
          new PreparedStatement[] {itemInsert, imageInsert, codeInsert, maskInsert}) {
        if (ps != null) {
          ps.close();
        }
      }
    }
  }

  /** A code's digit confidences as the database stores them: "0.91;0.85;0.99", or null. */
  public static String digitsText(CandidateLabel.Code c) {
    List<Double> d = c.digitConfidences();
    if (d.isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder(8 * d.size());
    for (int i = 0; i < d.size(); i++) {
      if (i > 0) {
        sb.append(';');
      }
      sb.append(d.get(i).doubleValue());
    }
    return sb.toString();
  }

  private static void setFile(PreparedStatement ps, int first, FileRef f) throws SQLException {
    if (f == null) {
      ps.setNull(first, Types.VARCHAR);
      ps.setNull(first + 1, Types.INTEGER);
      ps.setNull(first + 2, Types.VARCHAR);
    } else {
      ps.setString(first, f.path());
      ps.setLong(first + 1, f.size());
      ps.setString(first + 2, f.sha256());
    }
  }
}
