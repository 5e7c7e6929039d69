package org.labelcritic.model.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.Reviewer;
import org.labelcritic.model.domain.SourceKind;

/**
 * A reviewer's typed code: a new candidate whose source is the reviewer (a person, revision above
 * 0) and the EDIT decision that chooses it, written in one transaction, so that neither exists
 * without the other.
 */
public final class CodeEdits {
  /** Reviewer sources are named with this prefix and the reviewer's name. */
  public static final String SOURCE_PREFIX = "reviewer:";

  private final Store store;

  public CodeEdits(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Records the typed code and the EDIT decision choosing it; committed when this returns.
   *
   * @param template the decision's item, structure, reviewer, session, verdict, note and time; its
   *     action is replaced by the EDIT of the new candidate
   */
  public Decision record(NewDecision template, Reviewer reviewer, String code)
      throws LabelCriticException {
    return recordAll(reviewer, List.of(new Entry.Typed(template, code))).getFirst();
  }

  /** One decision of a page: a choice as it is, or a typed code with the EDIT choosing it. */
  public sealed interface Entry {
    /** A decision recorded as it is (accept, flag, reopen). */
    record Decided(NewDecision decision) implements Entry {
      public Decided {
        Objects.requireNonNull(decision, "decision");
      }
    }

    /**
     * A typed code: the reviewer's new candidate and the EDIT decision that chooses it.
     *
     * @param template the decision's item, structure, reviewer, session, verdict, note and time;
     *     its action is replaced by the EDIT of the new candidate
     */
    record Typed(NewDecision template, String code) implements Entry {
      public Typed {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(code, "code");
      }
    }
  }

  /**
   * Records a page of decisions and typed codes in one transaction: all are committed when this
   * returns, or none is (a page reviewed in a grid is one step for the reviewer, and a failure
   * half-way must not leave half of it recorded). Results are in input order.
   */
  public List<Decision> recordAll(Reviewer reviewer, List<? extends Entry> entries)
      throws LabelCriticException {
    Objects.requireNonNull(reviewer, "reviewer");
    boolean typed = false;
    for (Entry e : entries) {
      NewDecision d =
          switch (e) {
            case Entry.Decided x -> x.decision();
            case Entry.Typed x -> x.template();
          };
      if (reviewer.id() != d.reviewerId()) {
        throw new IllegalArgumentException("the decision belongs to another reviewer");
      }
      typed |= e instanceof Entry.Typed;
    }
    if (entries.isEmpty()) {
      return List.of();
    }
    long source =
        typed ? store.sourceId(SOURCE_PREFIX + reviewer.name(), SourceKind.PERSON, "") : -1;
    return store.transaction(
        c -> {
          List<Decision> out = new ArrayList<>(entries.size());
          for (Entry e : entries) {
            Decision d =
                switch (e) {
                  case Entry.Decided x -> store.reviews().insert(x.decision());
                  case Entry.Typed x -> insertEdit(x.template(), source, x.code());
                };
            store.reviews().audit(d, true);
            out.add(d);
          }
          return out;
        });
  }

  /** The reviewer's candidate for a typed code and the EDIT choosing it; inside a transaction. */
  private Decision insertEdit(NewDecision template, long source, String code) throws SQLException {
    PreparedStatement rev =
        store.statement(
            "SELECT COALESCE(MAX(revision), 0) FROM candidate"
                + " WHERE item_id = ? AND structure_id = ? AND source_id = ?");
    rev.setLong(1, template.itemId());
    rev.setLong(2, template.structureId());
    rev.setLong(3, source);
    long revision = store.optionalLong(rev).orElse(0L) + 1;
    long candidate =
        store
            .writer()
            .insertReviewerCandidate(
                template.itemId(),
                template.structureId(),
                source,
                revision,
                new CandidateLabel.Code(code, Double.NaN, List.of()));
    return store
        .reviews()
        .insert(
            new NewDecision(
                template.itemId(),
                template.structureId(),
                template.reviewerId(),
                template.sessionId(),
                new DecisionAction.Edit(candidate),
                template.note(),
                template.verdictId(),
                template.timeSpentMillis()));
  }

  /** Shorthand for tests and simulations: no session, verdict, note or time. */
  public Decision record(long itemId, long structureId, Reviewer reviewer, String code)
      throws LabelCriticException {
    return record(
        new NewDecision(
            itemId,
            structureId,
            reviewer.id(),
            OptionalLong.empty(),
            new DecisionAction.Reopen(),
            "",
            OptionalLong.empty(),
            0),
        reviewer,
        code);
  }
}
