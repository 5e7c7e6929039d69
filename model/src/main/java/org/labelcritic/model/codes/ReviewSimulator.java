package org.labelcritic.model.codes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.Reviewer;
import org.labelcritic.model.store.CodeEdits;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.Store;

/**
 * A reviewer simulated from the truth, to show what review is worth on a dataset whose truth is
 * known (the demo). It reviews the cells the published rule routes, least likely first, and does
 * what a careful person would: accept the predicted code when it is right, pick another candidate
 * when that one is right, type the true code otherwise; a cell whose image was unreadable at import
 * is flagged unreadable, a true code outside the code list invalid. Its decisions are recorded
 * under its own reviewer name so that statistics can leave it out or look only at it.
 */
public final class ReviewSimulator {
  public static final String DEFAULT_NAME = "simulated";

  private static final int BATCH = 500;

  /** What the simulated reviewer did. */
  public record Result(int reviewed, int agreed, int picked, int typed, int flagged, int noTruth) {}

  private final Store store;
  private final CodeList codeList;

  public ReviewSimulator(Store store, CodeList codeList) {
    this.store = Objects.requireNonNull(store, "store");
    this.codeList = codeList;
  }

  /** Reviews every routed cell no one has decided yet. */
  public Result run(CellQueue queue, Map<String, String> truth, String reviewerName)
      throws LabelCriticException {
    Reviewer reviewer = store.reviews().reviewer(reviewerName);
    CodeEdits edits = new CodeEdits(store);
    List<NewDecision> pending = new ArrayList<>();
    int reviewed = 0;
    int agreed = 0;
    int picked = 0;
    int typed = 0;
    int flagged = 0;
    int noTruth = 0;
    for (CellTask t : queue.routedTasks()) {
      if (t.decided()) {
        continue;
      }
      String true_ = truth.get(t.item().externalId());
      if (true_ == null) {
        noTruth++;
        continue;
      }
      reviewed++;
      long item = t.item().id();
      if (t.item().image() == null || !t.item().image().readable()) {
        pending.add(flag(t, reviewer, FlagReason.UNREADABLE));
        flagged++;
      } else if (codeList != null && !codeList.contains(true_)) {
        pending.add(flag(t, reviewer, FlagReason.INVALID));
        flagged++;
      } else {
        int position = position(t, true_);
        if (position == t.best() && !t.candidates().isEmpty()) {
          pending.add(accept(t, reviewer, position));
          agreed++;
        } else if (position >= 0) {
          pending.add(accept(t, reviewer, position));
          picked++;
        } else {
          edits.record(item, t.structureId(), reviewer, true_);
          typed++;
        }
      }
      if (pending.size() >= BATCH) {
        store.reviews().recordAll(pending);
        pending.clear();
      }
    }
    store.reviews().recordAll(pending);
    return new Result(reviewed, agreed, picked, typed, flagged, noTruth);
  }

  private static int position(CellTask t, String code) {
    if (!t.candidates().isEmpty() && t.code(t.best()).code().equals(code)) {
      return t.best();
    }
    for (int i = 0; i < t.candidates().size(); i++) {
      if (t.code(i).code().equals(code)) {
        return i;
      }
    }
    return -1;
  }

  private static NewDecision accept(CellTask t, Reviewer r, int position) {
    return NewDecision.of(
        t.item().id(),
        t.structureId(),
        r.id(),
        new DecisionAction.Accept(t.candidates().get(position).id()));
  }

  private static NewDecision flag(CellTask t, Reviewer r, FlagReason reason) {
    return NewDecision.of(t.item().id(), t.structureId(), r.id(), new DecisionAction.Flag(reason));
  }
}
