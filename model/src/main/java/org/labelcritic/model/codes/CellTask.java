package org.labelcritic.model.codes;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.labelcritic.model.critic.CodeAssessment;
import org.labelcritic.model.critic.CodeRouting;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.Item;

/**
 * One form cell to review: the item, the sources' candidates the critic judged, the critic's
 * assessment and routing, and the latest decision on it.
 *
 * @param candidates the sources' own candidates (revision 0), in source order: candidate n of the
 *     review view is {@code candidates.get(n - 1)}
 * @param assessment the code critic's assessment of {@code candidates}, or null when the cell has
 *     none (only reviewer codes)
 * @param latest the latest decision of any reviewer, if any
 * @param decidedCode the code the latest decision accepted or typed; null for none, a flag or a
 *     reopen
 * @param problems what is wrong with the cell's data (unreadable image, malformed codes), as
 *     sentences for the reviewer; the cell can still be reviewed or flagged
 */
public record CellTask(
    Item item,
    long structureId,
    List<Candidate> candidates,
    CodeAssessment assessment,
    Optional<Decision> latest,
    String decidedCode,
    List<String> problems) {
  public CellTask {
    Objects.requireNonNull(item, "item");
    candidates = List.copyOf(candidates);
    Objects.requireNonNull(latest, "latest");
    problems = List.copyOf(problems);
  }

  /** The code of candidate at this position. */
  public CandidateLabel.Code code(int position) {
    return (CandidateLabel.Code) candidates.get(position).label();
  }

  /** The critic's most likely candidate's position, 0 when there is no assessment. */
  public int best() {
    return assessment == null ? 0 : assessment.best();
  }

  /** The code the critic finds most likely, or "" when there is no candidate. */
  public String predictedCode() {
    return candidates.isEmpty() ? "" : code(best()).code();
  }

  /** P(most likely candidate correct); 0 when there is no assessment. */
  public double pCorrect() {
    return assessment == null ? 0 : assessment.pCorrect(assessment.best());
  }

  /** Whether the published rule sends the cell to review (a cell with no candidate always goes). */
  public boolean routed() {
    return assessment == null || assessment.route().review();
  }

  public CodeRouting.Route route() {
    return assessment == null ? CodeRouting.Route.automatic() : assessment.route();
  }

  /** True when a reviewer accepted, edited or flagged the cell (and did not reopen it). */
  public boolean decided() {
    return latest.isPresent() && !(latest.get().action() instanceof DecisionAction.Reopen);
  }

  /** This task with a newer latest decision and the code it chose (null for a flag). */
  public CellTask withLatest(Decision decision, String code) {
    return new CellTask(
        item, structureId, candidates, assessment, Optional.of(decision), code, problems);
  }
}
