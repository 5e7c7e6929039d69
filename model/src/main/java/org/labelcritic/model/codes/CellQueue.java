package org.labelcritic.model.codes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.critic.CodeAssessment;
import org.labelcritic.model.critic.CodeCritic;
import org.labelcritic.model.critic.CodeFrequencies;
import org.labelcritic.model.critic.CodeItem;
import org.labelcritic.model.critic.CodeRouting;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.store.CriticQueries;
import org.labelcritic.model.store.ExportQueries;
import org.labelcritic.model.store.Store;

/**
 * The form cells of a dataset ordered by the code critic, least likely first (DESIGN.md: "the queue
 * starts with the least likely"), with the share the published rule routes to review. Built in one
 * pass over the store; the critic scores hundreds of thousands of cells a second, so the order is
 * computed here rather than read from stored verdicts (it is the same critic).
 */
public final class CellQueue {
  private final List<CellTask> tasks;
  private final long routed;

  private CellQueue(List<CellTask> tasks) {
    this.tasks = List.copyOf(tasks);
    this.routed = tasks.stream().filter(CellTask::routed).count();
  }

  /**
   * Loads and orders every form cell.
   *
   * @param codeList the official code list, or null when there is none
   * @param seenInTraining the codes that occurred in training, or null when unknown
   */
  public static CellQueue load(Store store, CodeList codeList, Set<String> seenInTraining)
      throws LabelCriticException {
    CodeCritic critic = new CodeCritic(new CodeRouting(seenInTraining));
    CodeFrequencies frequencies = CodeFrequencies.of(new CriticQueries(store).codeCounts());
    CodeValidator validator = new CodeValidator(codeList);
    List<CellTask> tasks = new ArrayList<>();
    new ExportQueries(store)
        .forEachPair(
            ItemKind.CELL,
            pair -> {
              List<Candidate> judged = new ArrayList<>();
              List<CandidateLabel.Code> codes = new ArrayList<>();
              List<String> problems = new ArrayList<>();
              if (pair.item().image() == null || !pair.item().image().readable()) {
                problems.add(
                    "the image "
                        + (pair.item().image() == null ? "" : pair.item().image().path() + " ")
                        + "was missing or unreadable at import");
              }
              for (Candidate c : pair.candidates()) {
                if (c.revision() == 0 && c.label() instanceof CandidateLabel.Code code) {
                  judged.add(c);
                  codes.add(code);
                  validator
                      .check(code.code())
                      .filter(p -> p != CodeProblem.NOT_IN_LIST)
                      .ifPresent(
                          p ->
                              problems.add(
                                  "candidate "
                                      + judged.size()
                                      + " '"
                                      + code.code()
                                      + "' "
                                      + (p == CodeProblem.WRONG_LENGTH
                                          ? "does not have "
                                              + validator.expectedLength()
                                              + " characters"
                                          : "has characters other than letters and digits")));
                  if (Double.isNaN(code.confidence()) && code.digitConfidences().isEmpty()) {
                    problems.add("candidate " + judged.size() + " has no confidence");
                  }
                }
              }
              CodeAssessment assessment =
                  codes.isEmpty()
                      ? null
                      : critic.assess(new CodeItem(codes, codeList, frequencies));
              Optional<Decision> latest =
                  pair.decisions().isEmpty()
                      ? Optional.empty()
                      : Optional.of(pair.decisions().getLast());
              String decided = null;
              if (latest.isPresent()) {
                long chosen =
                    switch (latest.get().action()) {
                      case DecisionAction.Accept a -> a.candidateId();
                      case DecisionAction.Edit e -> e.newCandidateId();
                      default -> -1;
                    };
                for (Candidate c : pair.candidates()) {
                  if (c.id() == chosen && c.label() instanceof CandidateLabel.Code code) {
                    decided = code.code();
                  }
                }
              }
              tasks.add(
                  new CellTask(
                      pair.item(),
                      pair.structure().id(),
                      judged,
                      assessment,
                      latest,
                      decided,
                      problems));
            });
    tasks.sort(
        Comparator.comparingDouble(CellTask::pCorrect).thenComparing(t -> t.item().externalId()));
    return new CellQueue(tasks);
  }

  /** Every cell, least likely first. */
  public List<CellTask> tasks() {
    return tasks;
  }

  /** The cells the published rule routes to review, least likely first. */
  public List<CellTask> routedTasks() {
    return tasks.stream().filter(CellTask::routed).toList();
  }

  public long routedCount() {
    return routed;
  }

  /** The share of cells routed to review (0 for an empty queue). */
  public double routedShare() {
    return tasks.isEmpty() ? 0 : (double) routed / tasks.size();
  }
}
