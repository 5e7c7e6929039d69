package org.labelcritic.imaging.critic.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.critic.onnx.ModelCard;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A two-class logistic regression trained with Tribuo (LinearSGDTrainer, log loss, AdaGrad) on
 * standardized features. Constant features are dropped. The kept features are in Tribuo's order (by
 * name), which is the exported ONNX model's input order and the {@link ModelCard}'s.
 */
public final class LogisticFit {
  /** Tribuo's label for the positive class (P(A better), P(good)). */
  public static final String POSITIVE = "pos";

  private static final String NEGATIVE = "neg";

  /** Epochs of SGD: enough to converge on a thousand rows, few enough to stay calibrated. */
  static final int EPOCHS = 15;

  private final LinearSGDModel model;
  private final List<String> names;
  private final int[] columns;
  private final double[] mean;
  private final double[] scale;
  private final double[] weights;
  private final double bias;
  private final int positiveIndex;

  private LogisticFit(
      LinearSGDModel model, List<String> names, int[] columns, double[] mean, double[] scale) {
    this.model = model;
    this.names = List.copyOf(names);
    this.columns = columns;
    this.mean = mean;
    this.scale = scale;
    this.positiveIndex = model.getOutputIDInfo().getID(new Label(POSITIVE));
    DenseMatrix w = model.getWeightsCopy();
    int neg = 1 - positiveIndex;
    this.weights = new double[names.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = w.get(positiveIndex, i) - w.get(neg, i);
    }
    this.bias = w.get(positiveIndex, names.size()) - w.get(neg, names.size());
  }

  /**
   * Fits P(positive) from rows of raw features.
   *
   * @param allNames the names of the rows' columns
   * @param rows raw feature rows
   * @param positive each row's class
   * @param balanced weight the classes to equal total weight
   * @param seed SGD's shuffling
   */
  public static LogisticFit fit(
      List<String> allNames,
      List<double[]> rows,
      List<Boolean> positive,
      boolean balanced,
      long seed) {
    Objects.requireNonNull(allNames, "allNames");
    if (rows.isEmpty() || rows.size() != positive.size()) {
      throw new IllegalArgumentException("need as many labels as rows, and at least one row");
    }
    int n = allNames.size();
    double[] mu = new double[n];
    double[] sd = new double[n];
    for (double[] r : rows) {
      for (int i = 0; i < n; i++) {
        mu[i] += r[i] / rows.size();
      }
    }
    for (double[] r : rows) {
      for (int i = 0; i < n; i++) {
        sd[i] += (r[i] - mu[i]) * (r[i] - mu[i]) / rows.size();
      }
    }
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sd[i] = Math.sqrt(sd[i]);
      if (sd[i] > 1e-9) {
        keep.add(i);
      }
    }
    String[] keptNames = keep.stream().map(allNames::get).toArray(String[]::new);
    long pos = positive.stream().filter(b -> b).count();
    double wPos = balanced ? rows.size() / (2.0 * Math.max(pos, 1)) : 1;
    double wNeg = balanced ? rows.size() / (2.0 * Math.max(rows.size() - pos, 1)) : 1;
    LabelFactory f = new LabelFactory();
    MutableDataset<Label> ds =
        new MutableDataset<>(new SimpleDataSourceProvenance("labelcritic-critic", f), f);
    for (int r = 0; r < rows.size(); r++) {
      double[] z = new double[keep.size()];
      for (int k = 0; k < z.length; k++) {
        int i = keep.get(k);
        z[k] = (rows.get(r)[i] - mu[i]) / sd[i];
      }
      boolean p = positive.get(r);
      ArrayExample<Label> ex = new ArrayExample<>(new Label(p ? POSITIVE : NEGATIVE), keptNames, z);
      ex.setWeight((float) (p ? wPos : wNeg));
      ds.add(ex);
    }
    LinearSGDModel m =
        new LinearSGDTrainer(
                new LogMulticlass(), new AdaGrad(0.1, 0.1), EPOCHS, Integer.MAX_VALUE, 1, seed)
            .train(ds);
    ImmutableFeatureMap fmap = m.getFeatureIDMap();
    List<String> order = new ArrayList<>();
    int[] cols = new int[fmap.size()];
    double[] kMean = new double[fmap.size()];
    double[] kScale = new double[fmap.size()];
    for (int id = 0; id < fmap.size(); id++) {
      String name = fmap.get(id).getName();
      int i = allNames.indexOf(name);
      order.add(name);
      cols[id] = i;
      kMean[id] = mu[i];
      kScale[id] = sd[i];
    }
    return new LogisticFit(m, order, cols, kMean, kScale);
  }

  /** The features the model takes, in its input order. */
  public List<String> names() {
    return names;
  }

  /** P(positive) for a raw row in the fit's {@code allNames} order, computed here (no ONNX). */
  public double probability(double[] fullRow) {
    double z = bias;
    for (int k = 0; k < columns.length; k++) {
      z += weights[k] * (fullRow[columns[k]] - mean[k]) / scale[k];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** The row the ONNX model takes (raw values, the card's order) from a full raw row. */
  public double[] select(double[] fullRow) {
    double[] r = new double[columns.length];
    for (int k = 0; k < r.length; k++) {
      r[k] = fullRow[columns[k]];
    }
    return r;
  }

  /** The sidecar for the exported model. */
  public ModelCard card(String modelVersion) {
    return new ModelCard(
        modelVersion, "input", "output", positiveIndex, names, mean, scale, weights, bias);
  }

  /** Writes {@code onnx} and its sidecar. */
  public void save(Path onnx, String modelVersion) throws LabelCriticException {
    try {
      model.saveONNXModel("org.labelcritic.critic", 1, onnx);
    } catch (IOException e) {
      throw LabelCriticException.inFile(onnx, "cannot write the ONNX model: " + e.getMessage(), e);
    }
    card(modelVersion).write(ModelCard.sidecarOf(onnx));
  }

  /** The ONNX model's bytes. */
  public byte[] onnxBytes() {
    return model.exportONNXModel("org.labelcritic.critic", 1).toByteArray();
  }
}
