package org.labelcritic.app.ui.cells;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.codes.CellQueue;
import org.labelcritic.model.codes.CellTask;
import org.labelcritic.model.codes.CodeList;
import org.labelcritic.model.codes.CodeSidecars;
import org.labelcritic.model.codes.CodeValidator;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.Reviewer;
import org.labelcritic.model.domain.Source;
import org.labelcritic.model.store.CodeEdits;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.Store;

/**
 * The store side of cell review, shared by the one-cell view and the grid: the ordered queue, the
 * code list (found beside the database) and the writing of decisions. Every method reads or writes
 * the database: call it on the IO executor, never on the FX thread.
 */
final class CellReviewData {
  private final Store store;
  private final String reviewerName;
  private Reviewer reviewer;
  private CodeList codeList;
  private CodeValidator validator = new CodeValidator(null);
  private final List<String> codeListProblems = new ArrayList<>();
  private final Map<Long, String> sourceNames = new HashMap<>();

  CellReviewData(Store store, String reviewerName) {
    this.store = Objects.requireNonNull(store, "store");
    this.reviewerName = Objects.requireNonNull(reviewerName, "reviewerName");
  }

  /** Loads the code list, the training codes and the queue. */
  CellQueue load() throws LabelCriticException {
    reviewer = store.reviews().reviewer(reviewerName);
    for (Source s : store.sources()) {
      sourceNames.put(s.id(), s.name());
    }
    codeListProblems.clear();
    Optional<CodeList> list =
        CodeSidecars.codeList(store.file(), p -> codeListProblems.add(p.toString()));
    codeList = list.orElse(null);
    validator = new CodeValidator(codeList);
    return CellQueue.load(store, codeList, CodeSidecars.seenCodes(store.file()));
  }

  /** The code list, or null when the database has none beside it. */
  CodeList codeList() {
    return codeList;
  }

  /** A source's name, for the candidate list. */
  String sourceName(long sourceId) {
    return sourceNames.getOrDefault(sourceId, "#" + sourceId);
  }

  /** Problems of the code list file, if any (shown once; the rest of the list is used). */
  List<String> codeListProblems() {
    return List.copyOf(codeListProblems);
  }

  CodeValidator validator() {
    return validator;
  }

  /** Accepts candidate {@code position} of the task. */
  Decision accept(CellTask task, int position, long millis) throws LabelCriticException {
    return store
        .reviews()
        .record(
            decision(
                task, new DecisionAction.Accept(task.candidates().get(position).id()), millis));
  }

  /** Records a typed code as the reviewer's own candidate and the EDIT choosing it. */
  Decision edit(CellTask task, String code, long millis) throws LabelCriticException {
    return new CodeEdits(store)
        .record(decision(task, new DecisionAction.Reopen(), millis), reviewer, code);
  }

  Decision flag(CellTask task, FlagReason reason, String note, long millis)
      throws LabelCriticException {
    NewDecision d = decision(task, new DecisionAction.Flag(reason), millis);
    return store
        .reviews()
        .record(
            new NewDecision(
                d.itemId(),
                d.structureId(),
                d.reviewerId(),
                d.sessionId(),
                d.action(),
                note,
                d.verdictId(),
                d.timeSpentMillis()));
  }

  /** One cell's choice on a grid page. */
  sealed interface PageChoice {
    CellTask task();

    record Accept(CellTask task, int position) implements PageChoice {}

    record Edit(CellTask task, String code) implements PageChoice {}

    record Flag(CellTask task, FlagReason reason) implements PageChoice {}
  }

  /**
   * Records a grid page's choices in one transaction: all are committed when this returns, or none
   * is. Each cell gets {@code millisEach} as its review time.
   */
  List<Decision> recordPage(List<PageChoice> choices, long millisEach) throws LabelCriticException {
    List<CodeEdits.Entry> entries = new ArrayList<>(choices.size());
    for (PageChoice ch : choices) {
      CellTask t = ch.task();
      entries.add(
          switch (ch) {
            case PageChoice.Accept a ->
                new CodeEdits.Entry.Decided(
                    decision(
                        t,
                        new DecisionAction.Accept(t.candidates().get(a.position()).id()),
                        millisEach));
            case PageChoice.Edit e ->
                new CodeEdits.Entry.Typed(
                    decision(t, new DecisionAction.Reopen(), millisEach), e.code());
            case PageChoice.Flag f ->
                new CodeEdits.Entry.Decided(
                    decision(t, new DecisionAction.Flag(f.reason()), millisEach));
          });
    }
    return new CodeEdits(store).recordAll(reviewer, entries);
  }

  private NewDecision decision(CellTask task, DecisionAction action, long millis) {
    return new NewDecision(
        task.item().id(),
        task.structureId(),
        reviewer.id(),
        java.util.OptionalLong.empty(),
        action,
        "",
        java.util.OptionalLong.empty(),
        Math.max(0, millis));
  }
}
