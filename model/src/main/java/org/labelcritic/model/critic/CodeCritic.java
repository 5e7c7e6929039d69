package org.labelcritic.model.critic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.codes.CodeList;
import org.labelcritic.model.domain.CandidateLabel;

/**
 * The critic for transcribed codes (DESIGN.md "The critic and the quality model", point 6).
 *
 * <p>P(candidate correct) is a logistic combination of evidence, on the log-odds scale:
 *
 * <pre>
 * z = bias
 *   + w_conf   * logit(overall confidence)
 *   + w_digits * logit(lowest digit confidence)
 *   + w_margin * (confidence - best confidence of a different code from another source)
 *   + w_agree  * share of the other sources that give the same code
 *   + w_unlisted                      when a code list is given and the code is not in it
 *   + w_rare   * (1 - commonness)     when code frequencies are known (0 common .. 1 never seen)
 * P = 1 / (1 + exp(-z))
 * </pre>
 *
 * <p>The default weights are set by hand, not fitted (no labelled census data is available here):
 * the two confidence terms sum to 1 so that a lone, calibrated source keeps its own probability; a
 * second source that agrees adds 2 log-odds (two readers rarely misread a code the same way); an
 * unlisted code loses 3 log-odds (about 95 % to 50 %); a never-seen code loses 1. They are checked
 * against cleanlab's crowd-validated MNIST label errors ({@code lcw critic eval-codes}).
 *
 * <p>Verdict: one candidate gives SINGLE with P(correct); identical codes from every source give
 * AGREE; otherwise the most likely candidate is compared with the most likely different code, and
 * the confidence is P(preferred is better) = (1 + pA - pB) / 2 with the two probabilities scaled to
 * sum to at most 1 (two different codes cannot both be right; when both are wrong neither is
 * better, which counts half). Thread-safe and allocation-light: it scores hundreds of thousands of
 * cells a second.
 */
public final class CodeCritic implements Critic<CodeItem> {
  public static final String NAME = "code";

  private static final double EPS = 1e-4;

  /** The weights of the logistic combination; see the class comment. */
  public record Weights(
      double bias,
      double confidence,
      double digits,
      double margin,
      double agreement,
      double unlisted,
      double rare) {
    public static final Weights DEFAULT = new Weights(0, 0.6, 0.4, 1.5, 2.0, -3.0, -1.0);

    /** A version string that changes whenever a weight does. */
    public String version() {
      String text =
          String.format(
              Locale.ROOT,
              "%s|%s|%s|%s|%s|%s|%s",
              bias,
              confidence,
              digits,
              margin,
              agreement,
              unlisted,
              rare);
      return "logistic-1-" + String.format(Locale.ROOT, "%08x", text.hashCode());
    }
  }

  private final Weights weights;
  private final CodeRouting routing;
  private final String version;

  /** The default weights, routing without a set of training codes. */
  public CodeCritic() {
    this(Weights.DEFAULT, CodeRouting.withoutTrainingCodes());
  }

  public CodeCritic(CodeRouting routing) {
    this(Weights.DEFAULT, routing);
  }

  public CodeCritic(Weights weights, CodeRouting routing) {
    this.weights = Objects.requireNonNull(weights, "weights");
    this.routing = Objects.requireNonNull(routing, "routing");
    this.version = weights.version();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String modelVersion() {
    return version;
  }

  public Weights weights() {
    return weights;
  }

  @Override
  public CriticVerdict judge(CodeItem input) throws LabelCriticException {
    return assess(input).verdict();
  }

  /** Scores every candidate and gives the verdict, the pair it is about and the routing. */
  public CodeAssessment assess(CodeItem item) throws LabelCriticException {
    List<CandidateLabel.Code> cands = item.candidates();
    int n = cands.size();
    if (n == 0) {
      throw new LabelCriticException("a cell needs at least one candidate code to be judged");
    }
    Features f = features(item);
    double[] p = new double[n];
    int best = 0;
    for (int i = 0; i < n; i++) {
      p[i] = sigmoid(f.score(i, weights));
      if (p[i] > p[best]) {
        best = i;
      }
    }
    String bestCode = cands.get(best).code();
    CodeRouting.Route route = routing.route(cands.get(best), item.codeList());
    List<Reason> reasons = new ArrayList<>(10);
    reasons.add(
        new Reason(
            "code.p_correct",
            "P(" + bestCode + " correct) = " + fmt(p[best]) + label(best),
            p[best]));
    if (route.review()) {
      reasons.add(new Reason("route.review", "to review: " + describe(route), 1));
    }
    int runnerUp = -1;
    for (int i = 0; i < n; i++) {
      if (!cands.get(i).code().equals(bestCode) && (runnerUp < 0 || p[i] > p[runnerUp])) {
        runnerUp = i;
      }
    }
    if (runnerUp >= 0) {
      reasons.add(
          new Reason(
              "code.p_correct_other",
              "P("
                  + cands.get(runnerUp).code()
                  + " correct) = "
                  + fmt(p[runnerUp])
                  + label(runnerUp),
              p[runnerUp]));
    }
    f.explain(best, weights, reasons);
    CriticVerdict verdict;
    int a;
    int b;
    if (n == 1) {
      a = 0;
      b = -1;
      verdict = CriticVerdict.single(p[0], reasons);
    } else if (runnerUp < 0) {
      a = 0;
      b = 1;
      verdict = CriticVerdict.agree(reasons);
    } else {
      a = Math.min(best, runnerUp);
      b = Math.max(best, runnerUp);
      double pa = p[a];
      double pb = p[b];
      double sum = pa + pb;
      if (sum > 1) {
        pa /= sum;
        pb /= sum;
      }
      verdict = CriticVerdict.fromProbabilityA((1 + pa - pb) / 2, reasons);
    }
    return new CodeAssessment(verdict, a, b, best, p, route);
  }

  /** P(correct) of every candidate, in candidate order (for ranking and evaluation). */
  public double[] pCorrect(CodeItem item) {
    int n = item.candidates().size();
    Features f = features(item);
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = sigmoid(f.score(i, weights));
    }
    return p;
  }

  private static String label(int position) {
    return " (candidate " + (char) ('A' + Math.min(position, 25)) + ")";
  }

  private static String describe(CodeRouting.Route route) {
    StringBuilder sb = new StringBuilder();
    for (CodeRouting.Why w : route.why()) {
      sb.append(sb.isEmpty() ? "" : ", ")
          .append(
              switch (w) {
                case LOW_DIGIT_CONFIDENCE ->
                    "a digit's confidence is at most " + CodeRouting.DIGIT_THRESHOLD;
                case NOT_IN_CODE_LIST -> "the code is not in the code list";
                case NOT_SEEN_IN_TRAINING -> "the code never occurred in training";
              });
    }
    return sb.toString();
  }

  private Features features(CodeItem item) {
    List<CandidateLabel.Code> cands = item.candidates();
    int n = cands.size();
    double[] conf = new double[n];
    double[] minDigit = new double[n];
    boolean[] noConfidence = new boolean[n];
    for (int i = 0; i < n; i++) {
      CandidateLabel.Code c = cands.get(i);
      List<Double> digits = c.digitConfidences();
      double product = 1;
      double min = Double.NaN;
      for (int d = 0; d < digits.size(); d++) {
        double v = digits.get(d);
        product *= v;
        min = Double.isNaN(min) ? v : Math.min(min, v);
      }
      double overall = c.confidence();
      if (Double.isNaN(overall)) {
        overall = digits.isEmpty() ? Double.NaN : product;
      }
      if (Double.isNaN(overall)) {
        noConfidence[i] = true;
        overall = 0.5;
      }
      conf[i] = overall;
      minDigit[i] = Double.isNaN(min) ? overall : min;
    }
    double[] margin = new double[n];
    double[] agreement = new double[n];
    for (int i = 0; i < n; i++) {
      String code = cands.get(i).code();
      double other = 0;
      int same = 0;
      for (int j = 0; j < n; j++) {
        if (j == i) {
          continue;
        }
        if (cands.get(j).code().equals(code)) {
          same++;
        } else {
          other = Math.max(other, conf[j]);
        }
      }
      margin[i] = conf[i] - other;
      agreement[i] = n == 1 ? 0 : (double) same / (n - 1);
    }
    return new Features(
        cands,
        item.codeList(),
        item.frequencies(),
        conf,
        minDigit,
        noConfidence,
        margin,
        agreement);
  }

  /** The per-candidate features of one cell. */
  private record Features(
      List<CandidateLabel.Code> cands,
      CodeList codeList,
      CodeFrequencies frequencies,
      double[] conf,
      double[] minDigit,
      boolean[] noConfidence,
      double[] margin,
      double[] agreement) {

    double score(int i, Weights w) {
      return w.bias()
          + w.confidence() * logit(conf[i])
          + w.digits() * logit(minDigit[i])
          + w.margin() * margin[i]
          + w.agreement() * agreement[i]
          + unlistedTerm(i, w)
          + rareTerm(i, w);
    }

    double unlistedTerm(int i, Weights w) {
      return codeList != null && !codeList.contains(cands.get(i).code()) ? w.unlisted() : 0;
    }

    double rareTerm(int i, Weights w) {
      return frequencies.isEmpty()
          ? 0
          : w.rare() * (1 - frequencies.commonness(cands.get(i).code()));
    }

    /** Adds the candidate's signed contributions, largest first. */
    void explain(int i, Weights w, List<Reason> out) {
      List<Reason> terms = new ArrayList<>(6);
      terms.add(
          new Reason(
              "code.confidence",
              noConfidence[i] ? "no confidence given" : "overall confidence " + fmt(conf[i]),
              w.confidence() * logit(conf[i])));
      terms.add(
          new Reason(
              "code.digits",
              "lowest digit confidence " + fmt(minDigit[i]),
              w.digits() * logit(minDigit[i])));
      if (cands.size() > 1) {
        terms.add(
            new Reason(
                "code.margin",
                "margin to the best other code " + fmt(margin[i]),
                w.margin() * margin[i]));
        terms.add(
            new Reason(
                "code.agreement",
                "other sources agreeing " + fmt(agreement[i]),
                w.agreement() * agreement[i]));
      }
      if (codeList != null) {
        boolean listed = codeList.contains(cands.get(i).code());
        terms.add(
            new Reason(
                "code.unlisted",
                listed ? "in the code list" : "not in the code list",
                unlistedTerm(i, w)));
      }
      if (!frequencies.isEmpty()) {
        terms.add(
            new Reason(
                "code.rarity",
                "seen " + frequencies.count(cands.get(i).code()) + " times",
                rareTerm(i, w)));
      }
      terms.sort(BY_SIZE);
      out.addAll(terms);
    }
  }

  private static final Comparator<Reason> BY_SIZE =
      Comparator.comparingDouble((Reason r) -> -Math.abs(r.weight()));

  static double logit(double p) {
    double q = Math.min(1 - EPS, Math.max(EPS, p));
    return Math.log(q / (1 - q));
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** Two decimals, cheaply (no Formatter on the hot path). */
  static String fmt(double v) {
    if (!Double.isFinite(v)) {
      return String.valueOf(v);
    }
    long r = Math.round(v * 100);
    long abs = Math.abs(r);
    long frac = abs % 100;
    return (r < 0 ? "-" : "") + abs / 100 + (frac < 10 ? ".0" : ".") + frac;
  }
}
