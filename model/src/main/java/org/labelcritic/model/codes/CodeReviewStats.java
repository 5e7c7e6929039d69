package org.labelcritic.model.codes;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.stats.CodeCheck;
import org.labelcritic.model.stats.CodeErrorRates;
import org.labelcritic.model.stats.FrequencyBands;
import org.labelcritic.model.stats.Proportion;

/**
 * What review did to a census-code dataset, measured against the truth: how the routed cells were
 * decided (the published study: 62.8 % corrected, 31.9 % agreed, 5.1 % uncertain or invalid, 0.2 %
 * unreadable), final code accuracy against the model alone, and error rates by how common the true
 * code is (bands of {@link FrequencyBands#DEFAULT} over the truth's own code counts).
 *
 * @param cells cells in the queue
 * @param routed cells the published rule routes to review
 * @param routedDecided routed cells with a current decision
 * @param agreed routed cells whose decision accepted the predicted code
 * @param corrected routed cells whose decision chose another candidate or a typed code
 * @param flagged routed cells flagged, by reason
 * @param modelErrorsRouted of the cells the model got wrong, the share the rule routed
 * @param modelAccuracy predicted code (the critic's most likely candidate) against the truth
 * @param sourceAccuracy each source's own code against the truth, by source id
 * @param finalAccuracy after review: the decided code where there is one (a flag counts as no code,
 *     so as wrong), else the predicted code
 * @param modelByBand model error rate per band of true-code frequency
 * @param finalByBand final error rate per band
 */
public record CodeReviewStats(
    long cells,
    long routed,
    long routedDecided,
    long agreed,
    long corrected,
    Map<FlagReason, Long> flagged,
    Proportion modelErrorsRouted,
    Proportion modelAccuracy,
    Map<Long, Proportion> sourceAccuracy,
    Proportion finalAccuracy,
    List<CodeErrorRates.BandRate> modelByBand,
    List<CodeErrorRates.BandRate> finalByBand) {

  /**
   * Compares a queue's cells (loaded after review) with the truth; cells without truth are left
   * out.
   */
  public static CodeReviewStats of(CellQueue queue, Map<String, String> truth) {
    Map<String, Long> frequency = new HashMap<>();
    for (String code : truth.values()) {
      frequency.merge(code, 1L, Long::sum);
    }
    long routed = 0;
    long decided = 0;
    long agreed = 0;
    long corrected = 0;
    Map<FlagReason, Long> flagged = new EnumMap<>(FlagReason.class);
    Proportion errorsRouted = Proportion.NONE;
    Proportion model = Proportion.NONE;
    Proportion fin = Proportion.NONE;
    Map<Long, Proportion> bySource = new TreeMap<>();
    CodeErrorRates modelBands = new CodeErrorRates(FrequencyBands.DEFAULT);
    CodeErrorRates finalBands = new CodeErrorRates(FrequencyBands.DEFAULT);
    for (CellTask t : queue.tasks()) {
      if (t.routed()) {
        routed++;
        if (t.decided()) {
          decided++;
          switch (t.latest().orElseThrow().action()) {
            case DecisionAction.Flag flag -> flagged.merge(flag.reason(), 1L, Long::sum);
            case DecisionAction.Accept a
                when !t.candidates().isEmpty()
                    && a.candidateId() == t.candidates().get(t.best()).id() ->
                agreed++;
            default -> corrected++;
          }
        }
      }
      String truthCode = truth.get(t.item().externalId());
      if (truthCode == null) {
        continue;
      }
      boolean modelRight = t.predictedCode().equals(truthCode);
      for (int i = 0; i < t.candidates().size(); i++) {
        bySource.merge(
            t.candidates().get(i).sourceId(),
            Proportion.NONE.plus(t.code(i).code().equals(truthCode)),
            Proportion::plus);
      }
      model = model.plus(modelRight);
      if (!modelRight) {
        errorsRouted = errorsRouted.plus(t.routed());
      }
      String finalCode = t.decided() ? t.decidedCode() : t.predictedCode();
      boolean finalRight = truthCode.equals(finalCode);
      fin = fin.plus(finalRight);
      long f = frequency.getOrDefault(truthCode, 0L);
      modelBands.add(new CodeCheck(f, !modelRight));
      finalBands.add(new CodeCheck(f, !finalRight));
    }
    return new CodeReviewStats(
        queue.tasks().size(),
        routed,
        decided,
        agreed,
        corrected,
        flagged,
        errorsRouted,
        model,
        new LinkedHashMap<>(bySource),
        fin,
        modelBands.rates(),
        finalBands.rates());
  }

  public long flaggedTotal() {
    return flagged.values().stream().mapToLong(Long::longValue).sum();
  }
}
