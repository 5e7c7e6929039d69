package org.labelcritic.model.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
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
  public record ItemResult(long id, boolean created, boolean imageChanged, ItemKind existingKind) {}

  /** What happened to a candidate. */
  public enum CandidateResult {
    INSERTED,
    /** The same candidate was imported before; nothing was added. */
    UNCHANGED,
    /** A candidate for this item, structure and source exists with other content; kept as is. */
    CONFLICT
  }

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
        ins.setString(1, kind.name());
        ins.setString(2, externalId);
        setFile(ins, 3, image);
        if (box == null) {
          for (int i = 6; i <= 9; i++) {
            ins.setNull(i, Types.INTEGER);
          }
        } else {
          ins.setInt(6, box.x());
          ins.setInt(7, box.y());
          ins.setInt(8, box.w());
          ins.setInt(9, box.h());
        }
        ins.setString(10, geometryJson);
        ins.setString(11, now);
        if (ins.executeUpdate() == 1) {
          return new ItemResult(store.lastId(), true, false, kind);
        }
        PreparedStatement find = store.statement(FIND_ITEM);
        find.setString(1, externalId);
        try (ResultSet rs = find.executeQuery()) {
          rs.next();
          String oldSha = rs.getString(3);
          boolean changed = image != null && oldSha != null && !oldSha.equals(image.sha256());
          return new ItemResult(rs.getLong(1), false, changed, ItemKind.valueOf(rs.getString(2)));
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
