package org.labelcritic.model.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.Item;
import org.labelcritic.model.domain.ItemKind;

/**
 * Writes imported items and candidates. Idempotent: an item or candidate already present is left as
 * it is and reported as such, so importing the same files again adds nothing.
 */
public final class ImportWriter {
  private static final String INSERT_ITEM =
      "INSERT INTO item (kind, external_id, image_path, image_size, image_sha256,"
          + " box_x, box_y, box_w, box_h, geometry, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (external_id) DO NOTHING";
  private static final String INSERT_ITEM_WITH_ID =
      "INSERT INTO item (id, kind, external_id, image_path, image_size, image_sha256,"
          + " box_x, box_y, box_w, box_h, geometry, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final int LOOKUP_CHUNK = 500;
  private static final String FIND_ITEM =
      "SELECT id, kind, image_sha256 FROM item WHERE external_id = ?";
  private static final String INSERT_CANDIDATE =
      "INSERT INTO candidate (item_id, structure_id, source_id, revision, mask_path, mask_size,"
          + " mask_sha256, label_values, code, confidence, digit_confidences, created_at)"
          + " VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (item_id, structure_id, source_id, revision) DO NOTHING";
  private static final String FIND_CANDIDATE =
      "SELECT mask_sha256, label_values, code, confidence, digit_confidences FROM candidate"
          + " WHERE item_id = ? AND structure_id = ? AND source_id = ? AND revision = 0";

  private final Store store;

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
    return store.transaction(c -> body.run(new Batch(Instant.now().toString())));
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

  /** An item to write in bulk. */
  public record NewItem(
      ItemKind kind, String externalId, FileRef image, Item.Box box, String geometryJson) {}

  /** A candidate to write in bulk. */
  public record NewCandidate(long itemId, long structureId, long sourceId, CandidateLabel label) {}

  /** Writes within one transaction. */
  public final class Batch {
    private final String now;

    private Batch(String now) {
      this.now = now;
    }

    public ItemResult item(
        ItemKind kind, String externalId, FileRef image, Item.Box box, String geometryJson)
        throws LabelCriticException {
      Objects.requireNonNull(kind);
      Objects.requireNonNull(externalId);
      try {
        PreparedStatement ins = store.statement(INSERT_ITEM);
        bindItem(ins, 1, new NewItem(kind, externalId, image, box, geometryJson));
        if (ins.executeUpdate() == 1) {
          return new ItemResult(
              store.lastId(), true, false, kind, image == null ? null : image.sha256());
        }
        PreparedStatement find = store.statement(FIND_ITEM);
        find.setString(1, externalId);
        try (ResultSet rs = find.executeQuery()) {
          rs.next();
          String oldSha = rs.getString(3);
          boolean changed = image != null && oldSha != null && !oldSha.equals(image.sha256());
          return new ItemResult(
              rs.getLong(1), false, changed, ItemKind.valueOf(rs.getString(2)), oldSha);
        }
      } catch (SQLException e) {
        throw store.translate(e);
      }
    }

    public CandidateResult candidate(
        long itemId, long structureId, long sourceId, CandidateLabel label)
        throws LabelCriticException {
      try {
        PreparedStatement ins = store.statement(INSERT_CANDIDATE);
        bindCandidate(ins, itemId, structureId, sourceId, label);
        if (ins.executeUpdate() == 1) {
          return CandidateResult.INSERTED;
        }
        return sameAsStored(itemId, structureId, sourceId, label)
            ? CandidateResult.UNCHANGED
            : CandidateResult.CONFLICT;
      } catch (SQLException e) {
        throw store.translate(e);
      }
    }

    /**
     * Writes many items at once: existing ones are looked up by external id in chunks, new ones are
     * inserted as one JDBC batch with ids assigned here (the transaction holds SQLite's write lock,
     * so no other writer can take them). Results are in input order; an external id given twice
     * gets the same id, created only the first time.
     */
    public List<ItemResult> items(List<NewItem> items) throws LabelCriticException {
      try {
        Map<String, ItemResult> known = new HashMap<>();
        for (int from = 0; from < items.size(); from += LOOKUP_CHUNK) {
          List<NewItem> chunk = items.subList(from, Math.min(items.size(), from + LOOKUP_CHUNK));
          lookUp(chunk, known);
        }
        long next = store.optionalLong(store.statement("SELECT MAX(id) FROM item")).orElse(0L);
        PreparedStatement ins = store.statement(INSERT_ITEM_WITH_ID);
        List<ItemResult> out = new ArrayList<>(items.size());
        boolean pending = false;
        for (NewItem it : items) {
          ItemResult k = known.get(it.externalId());
          if (k != null) {
            boolean changed =
                it.image() != null
                    && k.storedSha() != null
                    && !k.storedSha().equals(it.image().sha256());
            out.add(new ItemResult(k.id(), false, changed, k.existingKind(), k.storedSha()));
            continue;
          }
          long id = ++next;
          ins.setLong(1, id);
          bindItem(ins, 2, it);
          ins.addBatch();
          pending = true;
          String sha = it.image() == null ? null : it.image().sha256();
          known.put(it.externalId(), new ItemResult(id, false, false, it.kind(), sha));
          out.add(new ItemResult(id, true, false, it.kind(), sha));
        }
        if (pending) {
          ins.executeBatch();
        }
        return out;
      } catch (SQLException e) {
        throw store.translate(e);
      }
    }

    /** Writes many candidates as one JDBC batch; results are in input order. */
    public List<CandidateResult> candidates(List<NewCandidate> candidates)
        throws LabelCriticException {
      try {
        PreparedStatement ins = store.statement(INSERT_CANDIDATE);
        for (NewCandidate c : candidates) {
          bindCandidate(ins, c.itemId(), c.structureId(), c.sourceId(), c.label());
          ins.addBatch();
        }
        int[] counts = candidates.isEmpty() ? new int[0] : ins.executeBatch();
        List<CandidateResult> out = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
          NewCandidate c = candidates.get(i);
          if (counts[i] == 1) {
            out.add(CandidateResult.INSERTED);
          } else {
            out.add(
                sameAsStored(c.itemId(), c.structureId(), c.sourceId(), c.label())
                    ? CandidateResult.UNCHANGED
                    : CandidateResult.CONFLICT);
          }
        }
        return out;
      } catch (SQLException e) {
        throw store.translate(e);
      }
    }

    private void lookUp(List<NewItem> chunk, Map<String, ItemResult> known) throws SQLException {
      String sql =
          "SELECT id, external_id, kind, image_sha256 FROM item WHERE external_id IN ("
              + String.join(",", java.util.Collections.nCopies(chunk.size(), "?"))
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

    private void bindItem(PreparedStatement ins, int first, NewItem it) throws SQLException {
      ins.setString(first, it.kind().name());
      ins.setString(first + 1, it.externalId());
      setFile(ins, first + 2, it.image());
      Item.Box box = it.box();
      if (box == null) {
        for (int i = first + 5; i <= first + 8; i++) {
          ins.setNull(i, Types.INTEGER);
        }
      } else {
        ins.setInt(first + 5, box.x());
        ins.setInt(first + 6, box.y());
        ins.setInt(first + 7, box.w());
        ins.setInt(first + 8, box.h());
      }
      ins.setString(first + 9, it.geometryJson());
      ins.setString(first + 10, now);
    }

    private void bindCandidate(
        PreparedStatement ins, long itemId, long structureId, long sourceId, CandidateLabel label)
        throws SQLException {
      ins.setLong(1, itemId);
      ins.setLong(2, structureId);
      ins.setLong(3, sourceId);
      String digits = null;
      switch (label) {
        case CandidateLabel.Mask m -> {
          setFile(ins, 4, m.file());
          ins.setString(7, m.labelValuesText());
          ins.setNull(8, Types.VARCHAR);
          ins.setNull(9, Types.REAL);
        }
        case CandidateLabel.Code code -> {
          setFile(ins, 4, null);
          ins.setNull(7, Types.VARCHAR);
          ins.setString(8, code.code());
          if (Double.isNaN(code.confidence())) {
            ins.setNull(9, Types.REAL);
          } else {
            ins.setDouble(9, code.confidence());
          }
          digits = digitsText(code);
        }
      }
      ins.setString(10, digits);
      ins.setString(11, now);
    }

    private boolean sameAsStored(long itemId, long structureId, long sourceId, CandidateLabel l)
        throws SQLException {
      PreparedStatement find = store.statement(FIND_CANDIDATE);
      find.setLong(1, itemId);
      find.setLong(2, structureId);
      find.setLong(3, sourceId);
      try (ResultSet rs = find.executeQuery()) {
        if (!rs.next()) {
          return false;
        }
        return switch (l) {
          case CandidateLabel.Mask m ->
              m.file().sha256().equals(rs.getString(1))
                  && m.labelValuesText().equals(rs.getString(2));
          case CandidateLabel.Code c -> {
            double conf = rs.getDouble(4);
            boolean confNull = rs.wasNull();
            yield c.code().equals(rs.getString(3))
                && (Double.isNaN(c.confidence()) ? confNull : !confNull && conf == c.confidence())
                && Objects.equals(digitsText(c), rs.getString(5));
          }
        };
      }
    }
  }

  static String digitsText(CandidateLabel.Code c) {
    if (c.digitConfidences().isEmpty()) {
      return null;
    }
    return c.digitConfidences().stream().map(String::valueOf).collect(Collectors.joining(";"));
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
