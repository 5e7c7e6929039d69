package org.labelcritic.model.critic.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.codes.CodeList;
import org.labelcritic.model.critic.CodeCritic;
import org.labelcritic.model.critic.CodeFrequencies;
import org.labelcritic.model.critic.CodeItem;
import org.labelcritic.model.domain.CandidateLabel;

/**
 * The code critic on cleanlab's MNIST label-error data: each test image is a one-digit "cell" whose
 * candidates are the given label (confidence = the cross-validated probability of that label) and
 * the classifier's prediction (its argmax and probability). Items are ranked by P(given label
 * correct), lowest first, and the top k are compared with the crowd-validated errors. The plain
 * self-confidence (the probability of the given label) is reported alongside as the baseline.
 */
public final class LabelErrorEvaluation {
  /** The file names in cleanlab's label-errors repository. */
  public static final String LABELS = "mnist_test_set_original_labels.npy";

  public static final String PROBABILITIES = "mnist_test_set_pyx.npy";
  public static final String CROWD = "mnist_mturk.json";

  private LabelErrorEvaluation() {}

  /** One ranking's figures. */
  public record Ranking(String name, List<TopK> topK) {}

  /**
   * @param items test items
   * @param checked items the crowd checked
   * @param errors validated errors
   */
  public record Report(int items, int checked, int errors, List<Ranking> rankings) {}

  /** Reads the three cleanlab files from {@code dir} and evaluates. */
  public static Report evaluate(Path dir, List<Integer> extraKs) throws LabelCriticException {
    NpyArray labels = NpyReader.read(dir.resolve(LABELS));
    NpyArray pyx = NpyReader.read(dir.resolve(PROBABILITIES));
    List<CrowdCheck> checks = CrowdChecks.read(dir.resolve(CROWD));
    if (labels.shape().length != 1 || pyx.shape().length != 2 || pyx.rows() != labels.rows()) {
      throw LabelCriticException.inFile(
          dir,
          "expected labels [n] and probabilities [n, classes]; found "
              + java.util.Arrays.toString(labels.shape())
              + " and "
              + java.util.Arrays.toString(pyx.shape()));
    }
    int[] given = new int[labels.rows()];
    for (int i = 0; i < given.length; i++) {
      given[i] = (int) labels.get(i);
      if (given[i] >= pyx.columns()) {
        throw LabelCriticException.inFile(
            dir.resolve(LABELS), "label " + given[i] + " of item " + i + " has no probability");
      }
    }
    for (CrowdCheck c : checks) {
      if (c.index() >= given.length) {
        throw LabelCriticException.inFile(
            dir.resolve(CROWD), "item " + c.index() + " is outside the " + given.length + " items");
      }
    }
    return evaluate(given, pyx, CrowdChecks.errors(checks), checks.size(), extraKs);
  }

  /** Evaluates given labels and class probabilities against known errors. */
  public static Report evaluate(
      int[] given, NpyArray pyx, Set<Integer> errors, int checked, List<Integer> extraKs) {
    double[] self = new double[given.length];
    for (int i = 0; i < given.length; i++) {
      self[i] = pyx.get(i, given[i]);
    }
    double[] critic = criticScores(given, pyx);
    Set<Integer> ks = new LinkedHashSet<>();
    if (!errors.isEmpty()) {
      ks.add(errors.size());
    }
    ks.addAll(extraKs);
    List<Integer> kList = new ArrayList<>(ks);
    List<Ranking> rankings =
        List.of(
            new Ranking("self-confidence P(given)", TopK.evaluate(self, errors, kList)),
            new Ranking("code critic P(correct)", TopK.evaluate(critic, errors, kList)));
    return new Report(given.length, checked, errors.size(), rankings);
  }

  /** The code critic's P(given label correct) for every item. */
  static double[] criticScores(int[] given, NpyArray pyx) {
    int classes = pyx.columns();
    Map<String, String> codes = new LinkedHashMap<>();
    for (int c = 0; c < classes; c++) {
      codes.put(String.valueOf(c), "class " + c);
    }
    Map<String, Long> counts = new HashMap<>();
    for (int g : given) {
      counts.merge(String.valueOf(g), 1L, Long::sum);
    }
    CodeList list = CodeList.of(codes);
    CodeFrequencies freq = CodeFrequencies.of(counts);
    CodeCritic critic = new CodeCritic();
    double[] out = new double[given.length];
    for (int i = 0; i < given.length; i++) {
      int pred = 0;
      for (int c = 1; c < classes; c++) {
        if (pyx.get(i, c) > pyx.get(i, pred)) {
          pred = c;
        }
      }
      CandidateLabel.Code a =
          new CandidateLabel.Code(String.valueOf(given[i]), pyx.get(i, given[i]), List.of());
      CandidateLabel.Code b =
          new CandidateLabel.Code(String.valueOf(pred), pyx.get(i, pred), List.of());
      out[i] = critic.pCorrect(new CodeItem(List.of(a, b), list, freq))[0];
    }
    return out;
  }
}
