package org.labelcritic.imaging.critic.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.labelcritic.imaging.critic.ScanLoader;
import org.labelcritic.imaging.critic.features.CandidateInput;
import org.labelcritic.imaging.critic.features.FeatureExtractor;
import org.labelcritic.imaging.critic.features.FeatureVector;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.stats.CurrentDecision;
import org.labelcritic.model.store.StatsQueries;
import org.labelcritic.model.store.Store;
import org.labelcritic.model.worker.AutoAdopter;

/**
 * Training pairs from the reviewers' decisions in a database: where a person accepted a scan
 * candidate, it is better than each of the structure's other candidates; where a person edited,
 * their own candidate is better than every source's. Each such pair is kept in both orders.
 * Automatic decisions (reviewer {@value AutoAdopter#REVIEWER}) are not used: the critic would learn
 * from itself. Each case counts as its own patient (a database does not say which scans share one),
 * so the evaluation holds each reviewed case out on its own.
 */
public final class ReviewedPairs {
  /** Patient ids of reviewed cases start with this. */
  public static final String PATIENT_PREFIX = "reviewed:";

  private ReviewedPairs() {}

  /**
   * What was read.
   *
   * @param pairs the pairs, both orders
   * @param decisions the scan decisions that gave pairs
   * @param problems cases or structures that could not be read, with why
   */
  public record Result(List<LabelledPair> pairs, long decisions, List<String> problems) {
    public Result {
      pairs = List.copyOf(pairs);
      problems = List.copyOf(problems);
    }
  }

  /** Reads the pairs of every person's current scan decision in {@code store}. */
  public static Result read(Store store, FeatureExtractor extractor, Progress progress)
      throws LabelCriticException {
    Objects.requireNonNull(extractor, "extractor");
    List<CurrentDecision> current =
        new StatsQueries(store, Set.of(AutoAdopter.REVIEWER)).snapshot().currentDecisions();
    Map<Long, List<CurrentDecision>> byItem = new LinkedHashMap<>();
    for (CurrentDecision d : current) {
      if (d.finalCandidate() != null && d.finalCandidate().label() instanceof CandidateLabel.Mask) {
        byItem.computeIfAbsent(d.itemId(), k -> new ArrayList<>()).add(d);
      }
    }
    ScanLoader loader = new ScanLoader(store);
    List<LabelledPair> pairs = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    long used = 0;
    long done = 0;
    progress.message("Reading reviewed scans");
    for (Map.Entry<Long, List<CurrentDecision>> e : byItem.entrySet()) {
      if (progress.isCancelled()) {
        break;
      }
      progress.update(done++, byItem.size());
      ScanLoader.LoadedScan scan;
      try {
        scan = loader.load(e.getKey());
      } catch (LabelCriticException ex) {
        problems.add(ex.getMessage());
        continue;
      }
      String caseName = scan.item().externalId();
      for (CurrentDecision d : e.getValue()) {
        Candidate best = d.finalCandidate();
        List<Candidate> rivals =
            scan.candidates().stream()
                .filter(
                    c ->
                        c.structureId() == d.structureId()
                            && c.revision() == 0
                            && c.id() != best.id()
                            && c.label() instanceof CandidateLabel.Mask)
                .toList();
        if (rivals.isEmpty()) {
          continue;
        }
        try {
          for (Candidate rival : rivals) {
            List<Candidate> two = List.of(best, rival);
            CandidateInput a = scan.input(d.structure(), best, two);
            CandidateInput b = scan.input(d.structure(), rival, two);
            // Each candidate's own features once, for both orders of the pair.
            FeatureVector fa = extractor.candidate(scan.scan(), a);
            FeatureVector fb = extractor.candidate(scan.scan(), b);
            FeatureVector ab = extractor.pair(scan.scan(), a, b, fa, fb);
            FeatureVector ba = extractor.pair(scan.scan(), b, a, fb, fa);
            double dice = ab.get("dice_ab");
            String patient = PATIENT_PREFIX + caseName;
            pairs.add(
                new LabelledPair(
                    caseName, patient, d.structure(), null, 0, dice, ab.values(), true));
            pairs.add(
                new LabelledPair(
                    caseName, patient, d.structure(), null, 0, dice, ba.values(), false));
          }
          used++;
        } catch (LabelCriticException ex) {
          problems.add(caseName + "/" + d.structure() + ": " + ex.getMessage());
        }
      }
    }
    progress.update(byItem.size(), byItem.size());
    return new Result(pairs, used, problems);
  }
}
