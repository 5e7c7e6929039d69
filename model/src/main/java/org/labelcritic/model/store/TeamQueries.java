package org.labelcritic.model.store;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reviewers and their working sessions, for {@code lcw reviewer list} and the dashboard. */
public final class TeamQueries {
  /** A reviewer with how much they did. */
  public record ReviewerRow(String name, Instant createdAt, long decisions, long sessions) {}

  /** One working session. */
  public record SessionRow(
      String uid,
      String reviewer,
      String machine,
      Instant start,
      Optional<Instant> end,
      long decisions) {}

  private final Store store;

  public TeamQueries(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  public List<ReviewerRow> reviewers() throws org.labelcritic.model.LabelCriticException {
    return store.call(
        c -> {
          List<ReviewerRow> out = new ArrayList<>();
          try (ResultSet rs =
              store
                  .statement(
                      "SELECT r.name, r.created_at,"
                          + " (SELECT COUNT(*) FROM decision d WHERE d.reviewer_id = r.id),"
                          + " (SELECT COUNT(*) FROM review_session s WHERE s.reviewer_id = r.id)"
                          + " FROM reviewer r ORDER BY r.name")
                  .executeQuery()) {
            while (rs.next()) {
              out.add(
                  new ReviewerRow(
                      rs.getString(1),
                      Instant.parse(rs.getString(2)),
                      rs.getLong(3),
                      rs.getLong(4)));
            }
          }
          return out;
        });
  }

  /** Every session, newest first. */
  public List<SessionRow> sessions() throws org.labelcritic.model.LabelCriticException {
    return store.call(
        c -> {
          List<SessionRow> out = new ArrayList<>();
          try (ResultSet rs =
              store
                  .statement(
                      "SELECT s.uid, r.name, s.machine, s.started_at, s.ended_at,"
                          + " (SELECT COUNT(*) FROM decision d WHERE d.session_id = s.id)"
                          + " FROM review_session s JOIN reviewer r ON r.id = s.reviewer_id"
                          + " ORDER BY s.started_at DESC, s.id DESC")
                  .executeQuery()) {
            while (rs.next()) {
              String end = rs.getString(5);
              out.add(
                  new SessionRow(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      Instant.parse(rs.getString(4)),
                      end == null ? Optional.empty() : Optional.of(Instant.parse(end)),
                      rs.getLong(6)));
            }
          }
          return out;
        });
  }
}
