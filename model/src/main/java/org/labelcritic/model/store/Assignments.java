package org.labelcritic.model.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.stats.GoldAnswer;
import org.labelcritic.model.stats.GoldItem;
import org.labelcritic.model.team.AssignedUnit;
import org.labelcritic.model.team.Assigner;
import org.labelcritic.model.team.AssignmentPlan;
import org.labelcritic.model.team.AssignmentRole;
import org.labelcritic.model.team.AssignmentSettings;
import org.labelcritic.model.team.GoldFeedback;

/**
 * Reviewers' queues (tables {@code assignment_plan} and {@code assignment}, schema V4) and gold
 * items ({@code gold_item}). The newest plan is in force. {@link #queueFor} is the blinded view of
 * one reviewer's queue.
 */
public final class Assignments {
  private static final String CANDIDATE_COLUMNS =
      "id, item_id, structure_id, source_id, revision, mask_path, mask_size, mask_sha256,"
          + " label_values, code, confidence, digit_confidences";

  private final Store store;

  public Assignments(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Deals every item to the reviewers (see {@link Assigner}) with the dataset's uid as seed, stores
   * the result as the plan in force and audits it as a settings change. Reviewers new to the
   * database are created.
   *
   * @param by who made the change (for the audit log)
   */
  public AssignmentPlan assign(AssignmentSettings settings, String by) throws LabelCriticException {
    Map<String, Long> reviewerIds = new LinkedHashMap<>();
    for (String r : settings.reviewers()) {
      reviewerIds.put(r, store.reviews().reviewer(r).id());
    }
    String seed = store.dataset().uid();
    Instant now = Instant.now();
    long planId =
        store.transaction(
            c -> {
              List<Assigner.ItemKey> items = new ArrayList<>();
              try (ResultSet rs =
                  store.statement("SELECT id, external_id FROM item ORDER BY id").executeQuery()) {
                while (rs.next()) {
                  items.add(new Assigner.ItemKey(rs.getLong(1), rs.getString(2)));
                }
              }
              Set<Long> gold = new HashSet<>();
              try (ResultSet rs =
                  store.statement("SELECT DISTINCT item_id FROM gold_item").executeQuery()) {
                while (rs.next()) {
                  gold.add(rs.getLong(1));
                }
              }
              PreparedStatement plan =
                  store.statement(
                      "INSERT INTO assignment_plan (reviewers, overlap, overlap_reviewers,"
                          + " gold_rate, gold_feedback, seed, created_at)"
                          + " VALUES (?, ?, ?, ?, ?, ?, ?)");
              plan.setString(1, String.join("\n", settings.reviewers()));
              plan.setDouble(2, settings.overlap());
              plan.setInt(3, settings.overlapReviewers());
              plan.setDouble(4, settings.goldRate());
              plan.setInt(5, settings.goldFeedback() ? 1 : 0);
              plan.setString(6, seed);
              plan.setString(7, now.toString());
              plan.executeUpdate();
              long id = store.lastId();
              try (PreparedStatement ins =
                  store
                      .connection()
                      .prepareStatement(
                          "INSERT INTO assignment (plan_id, reviewer_id, item_id, role, position)"
                              + " VALUES (?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (Assigner.Assigned a : Assigner.assign(seed, settings, items, gold)) {
                  ins.setLong(1, id);
                  ins.setLong(2, reviewerIds.get(a.reviewer()));
                  ins.setLong(3, a.itemId());
                  ins.setString(4, a.role().name());
                  ins.setInt(5, a.position());
                  ins.addBatch();
                  if (++pending == 10_000) {
                    ins.executeBatch();
                    pending = 0;
                  }
                }
                ins.executeBatch();
              }
              AuditLog.append(
                  store,
                  by,
                  AuditLog.Kind.SETTINGS,
                  "assignment plan "
                      + id
                      + ": reviewers "
                      + String.join(", ", settings.reviewers())
                      + ", overlap "
                      + settings.overlap()
                      + " between "
                      + settings.overlapReviewers()
                      + ", gold rate "
                      + settings.goldRate()
                      + ", gold feedback "
                      + (settings.goldFeedback() ? "on" : "off"),
                  true);
              return id;
            });
    return current().filter(p -> p.id() == planId).orElseThrow();
  }

  /** The plan in force, if any. */
  public Optional<AssignmentPlan> current() throws LabelCriticException {
    return store.call(
        c -> {
          long id;
          AssignmentSettings settings;
          String seed;
          Instant created;
          try (ResultSet rs =
              store
                  .statement(
                      "SELECT id, reviewers, overlap, overlap_reviewers, gold_rate, gold_feedback,"
                          + " seed, created_at FROM assignment_plan ORDER BY id DESC LIMIT 1")
                  .executeQuery()) {
            if (!rs.next()) {
              return Optional.empty();
            }
            id = rs.getLong(1);
            settings =
                new AssignmentSettings(
                    Arrays.asList(rs.getString(2).split("\n")),
                    rs.getDouble(3),
                    rs.getInt(4),
                    rs.getDouble(5),
                    rs.getInt(6) == 1);
            seed = rs.getString(7);
            created = Instant.parse(rs.getString(8));
          }
          Map<String, Map<AssignmentRole, Long>> counts = new LinkedHashMap<>();
          settings.reviewers().forEach(r -> counts.put(r, new EnumMap<>(AssignmentRole.class)));
          PreparedStatement ps =
              store.statement(
                  "SELECT r.name, a.role, COUNT(*) FROM assignment a"
                      + " JOIN reviewer r ON r.id = a.reviewer_id WHERE a.plan_id = ?"
                      + " GROUP BY r.name, a.role");
          ps.setLong(1, id);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              counts
                  .computeIfAbsent(rs.getString(1), r -> new EnumMap<>(AssignmentRole.class))
                  .put(AssignmentRole.valueOf(rs.getString(2)), rs.getLong(3));
            }
          }
          return Optional.of(new AssignmentPlan(id, settings, seed, created, counts));
        });
  }

  /**
   * One reviewer's queue under the plan in force, in queue order, every structure of each assigned
   * item: {@code limit} units from {@code offset}. Blind: it shows the reviewer's own state only,
   * never another reviewer's decision, and does not tell gold or overlap items apart. Empty when
   * there is no plan or the reviewer has no queue.
   */
  public List<AssignedUnit> queueFor(String reviewer, int offset, int limit)
      throws LabelCriticException {
    Optional<AssignmentPlan> plan = current();
    if (plan.isEmpty()) {
      return List.of();
    }
    long planId = plan.get().id();
    return store.call(
        c -> {
          PreparedStatement who = store.statement("SELECT id FROM reviewer WHERE name = ?");
          who.setString(1, reviewer.strip());
          Optional<Long> rid = store.optionalLong(who);
          if (rid.isEmpty()) {
            return List.of();
          }
          PreparedStatement ps =
              store.statement(
                  "SELECT a.position, i.id, i.external_id, i.kind, s.id, s.name, p.n, own.action"
                      + " FROM assignment a JOIN item i ON i.id = a.item_id"
                      + " JOIN (SELECT item_id, structure_id, COUNT(*) AS n FROM candidate"
                      + " WHERE item_id IN (SELECT item_id FROM assignment"
                      + " WHERE plan_id = ? AND reviewer_id = ?)"
                      + " GROUP BY item_id, structure_id) p ON p.item_id = a.item_id"
                      + " JOIN structure s ON s.id = p.structure_id"
                      + " LEFT JOIN (SELECT d.item_id, d.structure_id, d.action FROM decision d"
                      + " JOIN (SELECT MAX(id) AS id FROM decision WHERE reviewer_id = ?"
                      + " GROUP BY item_id, structure_id) m ON m.id = d.id) own"
                      + " ON own.item_id = a.item_id AND own.structure_id = s.id"
                      + " WHERE a.plan_id = ? AND a.reviewer_id = ?"
                      + " ORDER BY a.position, s.name LIMIT ? OFFSET ?");
          ps.setLong(1, planId);
          ps.setLong(2, rid.get());
          ps.setLong(3, rid.get());
          ps.setLong(4, planId);
          ps.setLong(5, rid.get());
          ps.setInt(6, limit);
          ps.setInt(7, offset);
          List<AssignedUnit> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              String action = rs.getString(8);
              AssignedUnit.OwnState own =
                  action == null || "REOPEN".equals(action)
                      ? AssignedUnit.OwnState.OPEN
                      : "FLAG".equals(action)
                          ? AssignedUnit.OwnState.FLAGGED
                          : AssignedUnit.OwnState.DECIDED;
              out.add(
                  new AssignedUnit(
                      rs.getInt(1),
                      rs.getLong(2),
                      rs.getString(3),
                      ItemKind.valueOf(rs.getString(4)),
                      rs.getLong(5),
                      rs.getString(6),
                      rs.getInt(7),
                      own));
            }
          }
          return out;
        });
  }

  // ---------------------------------------------------------------- gold items

  /**
   * Records the known answer of an item and structure. Setting the same answer again does nothing;
   * a different answer for a gold item already set is refused (answers are evidence: they are not
   * changed silently).
   *
   * @return whether a row was added
   */
  public boolean addGold(long itemId, long structureId, GoldAnswer answer)
      throws LabelCriticException {
    Optional<GoldAnswer> existing = goldAnswer(itemId, structureId);
    if (existing.isPresent()) {
      if (existing.get().equals(answer)) {
        return false;
      }
      throw new LabelCriticException(
          "item "
              + itemId
              + " structure "
              + structureId
              + " already has the gold answer "
              + existing.get()
              + "; refusing to replace it with "
              + answer);
    }
    return store.call(
        c -> {
          PreparedStatement ins =
              store.statement(
                  "INSERT INTO gold_item (item_id, structure_id, answer, candidate_id, code,"
                      + " created_at) VALUES (?, ?, ?, ?, ?, ?)");
          ins.setLong(1, itemId);
          ins.setLong(2, structureId);
          switch (answer) {
            case GoldAnswer.AcceptCandidate a -> {
              ins.setString(3, "ACCEPT");
              ins.setLong(4, a.candidateId());
              ins.setNull(5, Types.VARCHAR);
            }
            case GoldAnswer.Code code -> {
              ins.setString(3, "CODE");
              ins.setNull(4, Types.INTEGER);
              ins.setString(5, code.code());
            }
            case GoldAnswer.Flagged f -> {
              ins.setString(3, "FLAG");
              ins.setNull(4, Types.INTEGER);
              ins.setNull(5, Types.VARCHAR);
            }
          }
          ins.setString(6, Instant.now().toString());
          return ins.executeUpdate() == 1;
        });
  }

  /** Every gold item's answer. */
  public Map<GoldItem, GoldAnswer> goldAnswers() throws LabelCriticException {
    return store.call(
        c -> {
          Map<GoldItem, GoldAnswer> out = new LinkedHashMap<>();
          try (ResultSet rs =
              store
                  .statement(
                      "SELECT item_id, structure_id, answer, candidate_id, code FROM gold_item"
                          + " ORDER BY item_id, structure_id")
                  .executeQuery()) {
            while (rs.next()) {
              out.put(new GoldItem(rs.getLong(1), rs.getLong(2)), readAnswer(rs));
            }
          }
          return out;
        });
  }

  /** The gold answer of one item and structure, if it is a gold item. */
  public Optional<GoldAnswer> goldAnswer(long itemId, long structureId)
      throws LabelCriticException {
    return store.call(
        c -> {
          PreparedStatement ps =
              store.statement(
                  "SELECT item_id, structure_id, answer, candidate_id, code FROM gold_item"
                      + " WHERE item_id = ? AND structure_id = ?");
          ps.setLong(1, itemId);
          ps.setLong(2, structureId);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(readAnswer(rs)) : Optional.empty();
          }
        });
  }

  private static GoldAnswer readAnswer(ResultSet rs) throws SQLException {
    return switch (rs.getString(3)) {
      case "ACCEPT" -> new GoldAnswer.AcceptCandidate(rs.getLong(4));
      case "CODE" -> new GoldAnswer.Code(rs.getString(5));
      case "FLAG" -> new GoldAnswer.Flagged();
      default -> throw new SQLException("unknown gold answer " + rs.getString(3));
    };
  }

  /**
   * Immediate feedback on a decision just recorded: present when the plan in force has feedback on
   * and the decision's item and structure is a gold item; says whether the decision matched.
   */
  public Optional<GoldFeedback> feedback(Decision decision) throws LabelCriticException {
    Optional<AssignmentPlan> plan = current();
    if (plan.isEmpty() || !plan.get().settings().goldFeedback()) {
      return Optional.empty();
    }
    return check(decision);
  }

  /** Whether a decision matches its gold answer (regardless of the feedback setting). */
  public Optional<GoldFeedback> check(Decision decision) throws LabelCriticException {
    GoldAnswer answer = goldAnswer(decision.itemId(), decision.structureId()).orElse(null);
    if (answer == null || decision.action() instanceof DecisionAction.Reopen) {
      return Optional.empty();
    }
    long candidateId =
        switch (decision.action()) {
          case DecisionAction.Accept a -> a.candidateId();
          case DecisionAction.Edit e -> e.newCandidateId();
          default -> -1;
        };
    Candidate fin = candidateId < 0 ? null : candidate(candidateId);
    return Optional.of(
        new GoldFeedback(
            answer.matches(decision.action(), fin == null ? null : fin.label()), answer));
  }

  private Candidate candidate(long id) throws LabelCriticException {
    return store.call(
        c -> {
          PreparedStatement ps =
              store.statement("SELECT " + CANDIDATE_COLUMNS + " FROM candidate WHERE id = ?");
          ps.setLong(1, id);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Queries.readCandidate(rs) : null;
          }
        });
  }
}
