package org.labelcritic.imaging.critic.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.labelcritic.imaging.critic.features.FeatureExtractor;

/**
 * Leave-one-patient-out evaluation of the feature critic on generated pairs: each patient's pairs
 * are scored by a model trained on the other patients only. Only pairs the agreement gate leaves
 * open (Dice below the threshold) are counted.
 */
public final class CriticEvaluation {
  /** The accuracy the automatically decided pairs must keep. */
  public static final double TARGET_ACCURACY = 0.965;

  /** One held-out pair and the model's P(A better). */
  public record Scored(LabelledPair pair, double pA) {
    public boolean correct() {
      return (pA >= 0.5) == pair.aBetter();
    }

    public double confidence() {
      return Math.max(pA, 1 - pA);
    }
  }

  /** One held-out single label and the model's P(good). */
  public record ScoredSingle(LabelledSingle single, double pGood) {}

  /**
   * The evaluation's results.
   *
   * @param pairs every held-out gated pair with its score
   * @param singles every held-out single label with its score
   * @param heldOut patients that could be held out (the others' data trains the model)
   */
  public record Result(List<Scored> pairs, List<ScoredSingle> singles, List<String> heldOut) {}

  private CriticEvaluation() {}

  public static Result run(TrainingSet set, double agreeDice, long seed) {
    List<LabelledPair> gated = set.gated(agreeDice);
    TreeSet<String> patients = new TreeSet<>();
    gated.forEach(p -> patients.add(p.patient()));
    List<Scored> scored = new ArrayList<>();
    List<ScoredSingle> singles = new ArrayList<>();
    List<String> heldOut = new ArrayList<>();
    for (String patient : patients) {
      List<LabelledPair> train = gated.stream().filter(p -> !p.patient().equals(patient)).toList();
      List<LabelledPair> test = gated.stream().filter(p -> p.patient().equals(patient)).toList();
      List<LabelledSingle> sTrain =
          set.singles().stream().filter(s -> !s.patient().equals(patient)).toList();
      List<LabelledSingle> sTest =
          set.singles().stream().filter(s -> s.patient().equals(patient)).toList();
      if (train.isEmpty() || sTrain.stream().noneMatch(LabelledSingle::good)) {
        continue;
      }
      heldOut.add(patient);
      LogisticFit pair = fitPairs(train, seed);
      test.forEach(p -> scored.add(new Scored(p, pair.probability(p.features()))));
      LogisticFit single = fitSingles(sTrain, seed);
      sTest.forEach(s -> singles.add(new ScoredSingle(s, single.probability(s.features()))));
    }
    return new Result(scored, singles, heldOut);
  }

  /** The pair model: P(A better) from pair features. */
  public static LogisticFit fitPairs(List<LabelledPair> pairs, long seed) {
    return LogisticFit.fit(
        FeatureExtractor.PAIR_NAMES,
        pairs.stream().map(LabelledPair::features).toList(),
        pairs.stream().map(LabelledPair::aBetter).toList(),
        false,
        seed);
  }

  /** The single-label model: P(good) from candidate features, classes balanced. */
  public static LogisticFit fitSingles(List<LabelledSingle> singles, long seed) {
    return LogisticFit.fit(
        FeatureExtractor.CANDIDATE_NAMES,
        singles.stream().map(LabelledSingle::features).toList(),
        singles.stream().map(LabelledSingle::good).toList(),
        true,
        seed);
  }

  /** Accuracy of the pairs, NaN when there are none. */
  public static double accuracy(List<Scored> pairs) {
    return pairs.isEmpty()
        ? Double.NaN
        : (double) pairs.stream().filter(Scored::correct).count() / pairs.size();
  }

  /**
   * The largest share of pairs decided automatically (confidence at or above a threshold) whose
   * accuracy is at least {@code target}; {@code [share, threshold]}, threshold NaN when none.
   */
  public static double[] automaticShare(List<Scored> pairs, double target) {
    List<Scored> byConf =
        pairs.stream().sorted(Comparator.comparingDouble(s -> -s.confidence())).toList();
    int best = 0;
    double threshold = Double.NaN;
    int correct = 0;
    for (int i = 0; i < byConf.size(); i++) {
      correct += byConf.get(i).correct() ? 1 : 0;
      boolean tieNext =
          i + 1 < byConf.size() && byConf.get(i + 1).confidence() == byConf.get(i).confidence();
      if (!tieNext && correct >= target * (i + 1)) {
        best = i + 1;
        threshold = byConf.get(i).confidence();
      }
    }
    return new double[] {pairs.isEmpty() ? 0 : (double) best / pairs.size(), threshold};
  }

  /** Expected calibration error over 10 equal-width confidence bins (0.5..1). */
  public static double expectedCalibrationError(List<Scored> pairs) {
    int bins = 10;
    double[] conf = new double[bins];
    double[] acc = new double[bins];
    int[] n = new int[bins];
    for (Scored s : pairs) {
      int b = Math.min(bins - 1, (int) ((s.confidence() - 0.5) / 0.5 * bins));
      conf[b] += s.confidence();
      acc[b] += s.correct() ? 1 : 0;
      n[b]++;
    }
    double ece = 0;
    for (int b = 0; b < bins; b++) {
      if (n[b] > 0) {
        ece += Math.abs(acc[b] - conf[b]) / pairs.size();
      }
    }
    return ece;
  }

  /** Balanced accuracy of P(good) >= 0.5 on good versus generated-bad labels. */
  public static double balancedAccuracy(List<ScoredSingle> singles) {
    long good = 0;
    long goodRight = 0;
    long bad = 0;
    long badRight = 0;
    for (ScoredSingle s : singles) {
      if (s.single().good()) {
        good++;
        goodRight += s.pGood() >= 0.5 ? 1 : 0;
      } else {
        bad++;
        badRight += s.pGood() < 0.5 ? 1 : 0;
      }
    }
    if (good == 0 || bad == 0) {
      return Double.NaN;
    }
    return ((double) goodRight / good + (double) badRight / bad) / 2;
  }

  /** The Dice band of a pair, as printed. */
  public static String band(double dice) {
    if (dice < 0.5) {
      return "< 0.5";
    }
    if (dice < 0.7) {
      return "0.5-0.7";
    }
    return dice < 0.8 ? "0.7-0.8" : "0.8-0.9";
  }

  /** The evaluation as Markdown tables. */
  public static String report(Result r) {
    StringBuilder sb = new StringBuilder();
    sb.append("Held-out patients: ").append(String.join(", ", r.heldOut())).append("\n\n");
    sb.append("### Pairwise accuracy by structure (leave one patient out)\n\n");
    table(sb, "structure", r.pairs(), s -> s.pair().structure());
    sb.append("\n### By error type\n\n");
    table(sb, "error type", r.pairs(), s -> s.pair().type().name());
    sb.append("\n### By Dice band\n\n");
    table(sb, "Dice(A,B)", r.pairs(), s -> band(s.pair().diceAb()));
    double[] auto = automaticShare(r.pairs(), TARGET_ACCURACY);
    sb.append("\n### Pooled\n\n| measure | value |\n|---|---|\n");
    row(sb, "pairs (gated, both orders)", String.valueOf(r.pairs().size()));
    row(sb, "accuracy", pct(accuracy(r.pairs())));
    row(
        sb,
        "decided automatically at >= 96.5 % accuracy",
        pct(auto[0]) + " (confidence >= " + fmt(auto[1]) + ")");
    row(sb, "expected calibration error (10 bins)", fmt(expectedCalibrationError(r.pairs())));
    long good = r.singles().stream().filter(s -> s.single().good()).count();
    row(
        sb,
        "single-label balanced accuracy (good "
            + good
            + " / bad "
            + (r.singles().size() - good)
            + ")",
        pct(balancedAccuracy(r.singles())));
    return sb.toString();
  }

  private static void table(
      StringBuilder sb, String what, List<Scored> pairs, Function<Scored, String> key) {
    Map<String, List<Scored>> groups = new TreeMap<>();
    pairs.forEach(s -> groups.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s));
    Map<String, List<Scored>> all = new LinkedHashMap<>(groups);
    all.put("**pooled**", pairs);
    sb.append("| ").append(what).append(" | pairs | accuracy | auto share @96.5% |\n");
    sb.append("|---|---:|---:|---:|\n");
    all.forEach(
        (k, v) ->
            sb.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %d | %s | %s |%n",
                    k,
                    v.size(),
                    pct(accuracy(v)),
                    pct(automaticShare(v, TARGET_ACCURACY)[0]))));
  }

  private static void row(StringBuilder sb, String k, String v) {
    sb.append("| ").append(k).append(" | ").append(v).append(" |\n");
  }

  static String pct(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
  }

  static String fmt(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }
}
