package org.labelcritic.imaging.critic.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.labelcritic.imaging.critic.errors.ErrorGenerator;
import org.labelcritic.imaging.critic.errors.ErrorType;
import org.labelcritic.imaging.critic.errors.GeneratedError;
import org.labelcritic.imaging.critic.features.CandidateInput;
import org.labelcritic.imaging.critic.features.FeatureExtractor;
import org.labelcritic.imaging.critic.features.FeatureVector;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.MaskMetrics;

/**
 * Training material by design (DESIGN.md point 5): every reference label of every case is perturbed
 * by every {@link ErrorType} at each severity; each (good, bad) pair is kept in both orders,
 * labelled by which side is the reference. No other sources are given to the features (the
 * consensus features stay 0), because a generated pair has none.
 *
 * @param pairs the pairs, both orders
 * @param singles the reference labels and their perturbed copies, one row each
 */
public record TrainingSet(List<LabelledPair> pairs, List<LabelledSingle> singles) {

  public TrainingSet {
    pairs = List.copyOf(pairs);
    singles = List.copyOf(singles);
  }

  /** A competing real label at least this close to the reference counts as a good label. */
  public static final double GOOD_DICE = 0.9;

  /** The severities used by default: mild to gross. */
  public static final double[] SEVERITIES = {0.1, 0.35, 0.6, 0.85};

  /** Builds the set; {@code seed} drives the generator's random choices. */
  public static TrainingSet build(
      List<TrainingCase> cases, FeatureExtractor extractor, double[] severities, long seed) {
    record Job(TrainingCase c, String structure) {}
    List<Job> jobs = new ArrayList<>();
    for (TrainingCase c : cases) {
      c.reference().keySet().forEach(s -> jobs.add(new Job(c, s)));
    }
    List<TrainingSet> parts =
        jobs.parallelStream()
            .map(j -> one(j.c(), j.structure(), extractor, severities, seed))
            .toList();
    List<LabelledPair> pairs = new ArrayList<>();
    List<LabelledSingle> singles = new ArrayList<>();
    for (TrainingSet p : parts) {
      pairs.addAll(p.pairs());
      singles.addAll(p.singles());
    }
    return new TrainingSet(pairs, singles);
  }

  private static TrainingSet one(
      TrainingCase c,
      String structure,
      FeatureExtractor extractor,
      double[] severities,
      long seed) {
    BinaryMask good = c.reference().get(structure);
    Map<String, BinaryMask> neighbours = new TreeMap<>(c.reference());
    neighbours.remove(structure);
    List<BinaryMask> others = List.copyOf(neighbours.values());
    CandidateInput gIn = new CandidateInput(structure, good, others, List.of());
    FeatureVector g = extractor.candidate(c.scan(), gIn);
    List<LabelledPair> pairs = new ArrayList<>();
    List<LabelledSingle> singles = new ArrayList<>();
    singles.add(new LabelledSingle(c.name(), c.patient(), structure, null, 1, g.values()));
    // Real labels of other sources that agree with the reference are good labels too.
    for (Map<String, BinaryMask> other : c.competing().values()) {
      BinaryMask m = other.get(structure);
      if (m == null) {
        continue;
      }
      double dice = MaskMetrics.dice(m, good);
      if (dice >= GOOD_DICE) {
        FeatureVector f =
            extractor.candidate(c.scan(), new CandidateInput(structure, m, others, List.of()));
        singles.add(new LabelledSingle(c.name(), c.patient(), structure, null, dice, f.values()));
      }
    }
    long k = 0;
    for (ErrorType type : ErrorType.values()) {
      for (double s : severities) {
        long sd = seed * 1_000_003L + (c.name() + structure).hashCode() * 31L + k++;
        GeneratedError e = ErrorGenerator.generate(c.scan().ct(), good, neighbours, type, s, sd);
        if (e.mask().isEmpty()) {
          continue;
        }
        CandidateInput bIn = new CandidateInput(structure, e.mask(), others, List.of());
        FeatureVector b = extractor.candidate(c.scan(), bIn);
        singles.add(
            new LabelledSingle(
                c.name(), c.patient(), structure, type, e.diceToOriginal(), b.values()));
        double dice = e.diceToOriginal();
        pairs.add(
            new LabelledPair(
                c.name(),
                c.patient(),
                structure,
                type,
                s,
                dice,
                extractor.pair(c.scan(), gIn, bIn, g, b).values(),
                true));
        pairs.add(
            new LabelledPair(
                c.name(),
                c.patient(),
                structure,
                type,
                s,
                dice,
                extractor.pair(c.scan(), bIn, gIn, b, g).values(),
                false));
      }
    }
    return new TrainingSet(pairs, singles);
  }

  /** This set with more pairs (e.g. from reviewers' decisions). */
  public TrainingSet withPairs(List<LabelledPair> more) {
    List<LabelledPair> all = new ArrayList<>(pairs);
    all.addAll(more);
    return new TrainingSet(all, singles);
  }

  /** The single labels that are clearly good or clearly bad ({@link LabelledSingle#decisive}). */
  public List<LabelledSingle> decisiveSingles(double agreeDice) {
    return singles.stream().filter(s -> s.decisive(agreeDice)).toList();
  }

  /** The pairs the agreement gate leaves to the model (Dice below {@code agreeDice}). */
  public List<LabelledPair> gated(double agreeDice) {
    return Collections.unmodifiableList(
        pairs.stream().filter(p -> p.diceAb() < agreeDice).toList());
  }
}
