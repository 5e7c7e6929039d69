package org.labelcritic.model.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.codes.CodeList;
import org.labelcritic.model.critic.CodeAssessment;
import org.labelcritic.model.critic.CodeCritic;
import org.labelcritic.model.critic.CodeFrequencies;
import org.labelcritic.model.critic.CodeItem;
import org.labelcritic.model.critic.CriticVerdict;
import org.labelcritic.model.critic.ReasonsJson;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.store.CriticQueries;
import org.labelcritic.model.store.NewVerdict;
import org.labelcritic.model.store.Store;

/**
 * Scores form cells with the {@link CodeCritic}: one verdict per cell, about the sources' own
 * candidates (reviewer edits, revision above 0, are not judged).
 */
public final class CodeScorer implements ItemScorer {
  private final CodeCritic critic;
  private final CodeList codeList;
  private final CodeFrequencies frequencies;

  /**
   * @param codeList the code list, or null when there is none
   */
  public CodeScorer(CodeCritic critic, CodeList codeList, CodeFrequencies frequencies) {
    this.critic = Objects.requireNonNull(critic, "critic");
    this.codeList = codeList;
    this.frequencies = Objects.requireNonNull(frequencies, "frequencies");
  }

  /** A scorer whose code frequencies are those of the dataset's own candidates. */
  public static CodeScorer forStore(Store store, CodeCritic critic, CodeList codeList)
      throws LabelCriticException {
    return new CodeScorer(
        critic, codeList, CodeFrequencies.of(new CriticQueries(store).codeCounts()));
  }

  @Override
  public ItemKind kind() {
    return ItemKind.CELL;
  }

  @Override
  public String critic() {
    return critic.name();
  }

  @Override
  public String modelVersion() {
    return critic.modelVersion();
  }

  @Override
  public List<NewVerdict> score(ScoringTask task) throws LabelCriticException {
    List<Candidate> judged = new ArrayList<>(task.candidates().size());
    List<CandidateLabel.Code> codes = new ArrayList<>(task.candidates().size());
    for (Candidate c : task.candidates()) {
      if (c.revision() == 0 && c.label() instanceof CandidateLabel.Code code) {
        judged.add(c);
        codes.add(code);
      }
    }
    if (codes.isEmpty()) {
      return List.of();
    }
    CodeAssessment a = critic.assess(new CodeItem(codes, codeList, frequencies));
    CriticVerdict v = a.verdict();
    OptionalLong b =
        a.candidateB().isPresent()
            ? OptionalLong.of(judged.get(a.candidateB().getAsInt()).id())
            : OptionalLong.empty();
    return List.of(
        new NewVerdict(
            task.itemId(),
            task.structureId(),
            judged.get(a.candidateA()).id(),
            b,
            v.outcome(),
            v.confidence(),
            critic.name(),
            critic.modelVersion(),
            ReasonsJson.write(v.reasons())));
  }
}
