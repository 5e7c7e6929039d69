package org.labelcritic.imaging.importer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads what an import stored, straight from the database file (the store has no item query). */
final class StoredRows {
  record ItemRow(String externalId, String path, long size, String sha256, String geometry) {}

  record CandidateRow(
      String item,
      String structure,
      String source,
      String path,
      long size,
      String sha256,
      String labelValues) {}

  private StoredRows() {}

  static List<ItemRow> items(Path db) throws SQLException {
    List<ItemRow> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT i.external_id, f.path, f.size, f.sha256, i.geometry FROM item i"
                    + " LEFT JOIN image_file f ON f.id = i.image_id ORDER BY i.external_id")) {
      while (rs.next()) {
        out.add(
            new ItemRow(
                rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)));
      }
    }
    return out;
  }

  static List<CandidateRow> candidates(Path db) throws SQLException {
    List<CandidateRow> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT i.external_id, st.name, so.name, c.mask_path, c.mask_size, c.mask_sha256,"
                    + " c.label_values FROM candidate c JOIN item i ON i.id = c.item_id"
                    + " JOIN structure st ON st.id = c.structure_id"
                    + " JOIN source so ON so.id = c.source_id"
                    + " ORDER BY i.external_id, so.name, st.name")) {
      while (rs.next()) {
        out.add(
            new CandidateRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getString(6),
                rs.getString(7)));
      }
    }
    return out;
  }
}
