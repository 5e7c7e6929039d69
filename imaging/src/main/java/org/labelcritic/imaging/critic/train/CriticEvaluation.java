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
import org.labelcritic.imaging.critic.features.CandidateInput;
import org.labelcritic.imaging.critic.features.FeatureExtractor;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.MaskMetrics;

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
   * Two real sources' labels of one structure on one case: whether the gate finds them agreeing,
   * and else the held-out model's P(A better).
   *
   * @param pA P(source A's label is better) from the model that did not see this patient; NaN when
   *     the gate decided
   */
  public record RealPair(
      String caseName,
      String patient,
      String structure,
      String sourceA,
      String sourceB,
      double dice,
      boolean gateAgrees,
      double pA) {
    public String preferred() {
      return gateAgrees ? "agree" : pA >= 0.5 ? sourceA : sourceB;
    }

    public double confidence() {
      return gateAgrees ? 1 : Math.max(pA, 1 - pA);
    }
  }

  /**
   * The evaluation's results.
   *
   * @param pairs every held-out gated pair with its score
   * @param singles every held-out single label with its score
   * @param heldOut patients that could be held out (the others' data trains the model)
   * @param pairModels the pair model trained without each held-out patient
   * @param real the real competing sources' pairs (filled by {@link #withRealPairs})
   */
  public record Result(
      List<Scored> pairs,
      List<ScoredSingle> singles,
      List<String> heldOut,
      Map<String, LogisticFit> pairModels,
      List<RealPair> real) {
    public Result {
      pairs = List.copyOf(pairs);
      singles = List.copyOf(singles);
      heldOut = List.copyOf(heldOut);
      pairModels = Map.copyOf(pairModels);
      real = List.copyOf(real);
    }
  }

  private CriticEvaluation() {}

  public static Result run(TrainingSet set, double agreeDice, long seed) {
    List<LabelledPair> gated = set.gated(agreeDice);
    TreeSet<String> patients = new TreeSet<>();
    gated.forEach(p -> patients.add(p.patient()));
    List<Scored> scored = new ArrayList<>();
    List<ScoredSingle> singles = new ArrayList<>();
    List<String> heldOut = new ArrayList<>();
    Map<String, LogisticFit> models = new TreeMap<>();
    List<LabelledSingle> decisive = set.decisiveSingles(agreeDice);
    for (String patient : patients) {
      List<LabelledPair> train = gated.stream().filter(p -> !p.patient().equals(patient)).toList();
      List<LabelledPair> test = gated.stream().filter(p -> p.patient().equals(patient)).toList();
      List<LabelledSingle> sTrain =
          decisive.stream().filter(s -> !s.patient().equals(patient)).toList();
      List<LabelledSingle> sTest =
          decisive.stream().filter(s -> s.patient().equals(patient)).toList();
      if (train.isEmpty() || sTrain.stream().noneMatch(LabelledSingle::good)) {
        continue;
      }
      heldOut.add(patient);
      LogisticFit pair = fitPairs(train, seed);
      models.put(patient, pair);
      test.forEach(p -> scored.add(new Scored(p, pair.probability(p.features()))));
      LogisticFit single = fitSingles(sTrain, seed);
      sTest.forEach(s -> singles.add(new ScoredSingle(s, single.probability(s.features()))));
    }
    return new Result(scored, singles, heldOut, models, List.of());
  }

  /**
   * Adds the real competing sources of each case: every two sources' labels of a structure, the
   * gate's verdict, and for those it leaves open the preference of the model that did not see the
   * case's patient.
   */
  public static Result withRealPairs(
      Result r, List<TrainingCase> cases, FeatureExtractor extractor, double agreeDice) {
    List<RealPair> out = new ArrayList<>();
    for (TrainingCase c : cases) {
      LogisticFit model = r.pairModels().get(c.patient());
      if (model == null) {
        continue;
      }
      Map<String, Map<String, BinaryMask>> sources = new LinkedHashMap<>();
      sources.put(c.source(), c.reference());
      sources.putAll(c.competing());
      List<String> names = new ArrayList<>(sources.keySet());
      TreeSet<String> structures = new TreeSet<>();
      sources.values().forEach(m -> structures.addAll(m.keySet()));
      for (String structure : structures) {
        for (int i = 0; i < names.size(); i++) {
          for (int j = i + 1; j < names.size(); j++) {
            BinaryMask a = sources.get(names.get(i)).get(structure);
            BinaryMask b = sources.get(names.get(j)).get(structure);
            if (a == null || b == null) {
              continue;
            }
            double dice = MaskMetrics.dice(a, b);
            double pA = Double.NaN;
            if (dice < agreeDice) {
              CandidateInput ia = input(structure, a, sources.get(names.get(i)));
              CandidateInput ib = input(structure, b, sources.get(names.get(j)));
              pA = model.probability(extractor.pair(c.scan(), ia, ib).values());
            }
            out.add(
                new RealPair(
                    c.name(),
                    c.patient(),
                    structure,
                    names.get(i),
                    names.get(j),
                    dice,
                    dice >= agreeDice,
                    pA));
          }
        }
      }
    }
    return new Result(r.pairs(), r.singles(), r.heldOut(), r.pairModels(), out);
  }

  private static CandidateInput input(
      String structure, BinaryMask m, Map<String, BinaryMask> sameSource) {
    List<BinaryMask> others = new ArrayList<>();
    sameSource.forEach(
        (k, v) -> {
          if (!k.equals(structure)) {
            others.add(v);
          }
        });
    return new CandidateInput(structure, m, others, List.of());
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
    table(sb, "error type", r.pairs(), s -> s.pair().typeName());
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
    if (!r.real().isEmpty()) {
      realReport(sb, r.real());
    }
    return sb.toString();
  }

  private static void realReport(StringBuilder sb, List<RealPair> real) {
    sb.append("\n### Real competing sources (held-out model per patient)\n\n");
    sb.append("| structure | source pairs | gate agrees | left to the critic |\n");
    sb.append("|---|---:|---:|---:|\n");
    Map<String, List<RealPair>> by = new TreeMap<>();
    real.forEach(p -> by.computeIfAbsent(p.structure(), k -> new ArrayList<>()).add(p));
    Map<String, List<RealPair>> all = new LinkedHashMap<>(by);
    all.put("**pooled**", real);
    all.forEach(
        (k, v) -> {
          long agree = v.stream().filter(RealPair::gateAgrees).count();
          sb.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %d | %s | %d |%n",
                  k,
                  v.size(),
                  pct((double) agree / v.size()),
                  v.size() - agree));
        });
    sb.append("\nPreferences where the gate leaves the pair open:\n\n");
    sb.append("| case | structure | source A | source B | Dice | prefers | confidence |\n");
    sb.append("|---|---|---|---|---:|---|---:|\n");
    for (RealPair p : real) {
      if (!p.gateAgrees()) {
        sb.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %.3f | %s | %.3f |%n",
                p.caseName(),
                p.structure(),
                p.sourceA(),
                p.sourceB(),
                p.dice(),
                p.preferred(),
                p.confidence()));
      }
    }
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
