package org.labelcritic.model.stats;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Candidate;

/**
 * Dice between reviewers' final masks on units several reviewers decided. Every pair of reviewers
 * on a unit is compared; a unit's score is the mean over its pairs and the overall mean weighs
 * every unit equally. Two reviewers who kept the same candidate score 1 without reading a mask.
 * Dice values are cached per candidate pair, so reading the result again after adding masks only
 * computes the new pairs.
 */
public final class MaskAgreement {

  /** Two reviewers, in name order. */
  public record ReviewerPair(String first, String second) {
    static ReviewerPair of(String a, String b) {
      return a.compareTo(b) <= 0 ? new ReviewerPair(a, b) : new ReviewerPair(b, a);
    }
  }

  /**
   * @param meanDice mean over units of the unit's mean pairwise Dice; NaN when no unit has two
   *     masks
   * @param items units with at least two masks
   * @param pairs reviewer pairs compared, over all units
   * @param meanDiceByPair mean Dice per pair of reviewers over the units both decided
   */
  public record Result(
      double meanDice, int items, long pairs, Map<ReviewerPair, Double> meanDiceByPair) {}

  private record CandidatePair(long a, long b) {}

  private final Map<String, Map<String, Candidate>> units = new LinkedHashMap<>();
  private final Map<CandidatePair, Double> cache = new HashMap<>();

  /** Adds a final mask; a later one by the same reviewer on the same unit replaces it. */
  public void add(FinalMask m) {
    units.computeIfAbsent(m.unit(), u -> new TreeMap<>()).put(m.reviewer(), m.mask());
  }

  /** Takes back a reviewer's mask (a reopen, or a flag that supersedes an accept). */
  public void remove(String unit, String reviewer) {
    Map<String, Candidate> u = units.get(unit);
    if (u != null) {
      u.remove(reviewer);
      if (u.isEmpty()) {
        units.remove(unit);
      }
    }
  }

  public Result result(MaskDice dice) throws LabelCriticException {
    double sumOfUnitMeans = 0;
    int items = 0;
    long pairs = 0;
    Map<ReviewerPair, double[]> byPair = new TreeMap<>(MaskAgreement::compare);
    for (Map<String, Candidate> unit : units.values()) {
      if (unit.size() < 2) {
        continue;
      }
      List<Map.Entry<String, Candidate>> masks = List.copyOf(unit.entrySet());
      double unitSum = 0;
      int unitPairs = 0;
      for (int i = 0; i < masks.size(); i++) {
        for (int j = i + 1; j < masks.size(); j++) {
          double d = dice(dice, masks.get(i).getValue(), masks.get(j).getValue());
          unitSum += d;
          unitPairs++;
          double[] acc =
              byPair.computeIfAbsent(
                  ReviewerPair.of(masks.get(i).getKey(), masks.get(j).getKey()),
                  p -> new double[2]);
          acc[0] += d;
          acc[1]++;
        }
      }
      sumOfUnitMeans += unitSum / unitPairs;
      items++;
      pairs += unitPairs;
    }
    Map<ReviewerPair, Double> means = new LinkedHashMap<>();
    byPair.forEach((p, acc) -> means.put(p, acc[0] / acc[1]));
    return new Result(
        items == 0 ? Double.NaN : sumOfUnitMeans / items,
        items,
        pairs,
        Collections.unmodifiableMap(means));
  }

  private double dice(MaskDice dice, Candidate a, Candidate b) throws LabelCriticException {
    if (a.id() == b.id()) {
      return 1;
    }
    CandidatePair key = new CandidatePair(Math.min(a.id(), b.id()), Math.max(a.id(), b.id()));
    Double cached = cache.get(key);
    if (cached == null) {
      cached = dice.dice(a, b);
      if (!(cached >= 0 && cached <= 1)) {
        throw new IllegalStateException("Dice must be in 0..1, was " + cached);
      }
      cache.put(key, cached);
    }
    return cached;
  }

  private static int compare(ReviewerPair x, ReviewerPair y) {
    int c = x.first().compareTo(y.first());
    return c != 0 ? c : x.second().compareTo(y.second());
  }
}
