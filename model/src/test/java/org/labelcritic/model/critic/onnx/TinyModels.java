package org.labelcritic.model.critic.onnx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** A tiny logistic pair model trained with Tribuo and exported to ONNX, for the runtime's tests. */
final class TinyModels {
  /** Tribuo orders features by name: this is the ONNX input order. */
  static final List<String> FEATURES = List.of("d_consensus_dice", "d_volume_z", "dice_ab");

  private TinyModels() {}

  /** A ≻ B when A's consensus Dice is higher; volume is noise. */
  static LinearSGDModel train() {
    LabelFactory f = new LabelFactory();
    MutableDataset<Label> ds =
        new MutableDataset<>(new SimpleDataSourceProvenance("synthetic", f), f);
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 400; i++) {
      double dc = r.nextDouble(-0.5, 0.5);
      double dv = r.nextDouble(-2, 2);
      double dice = r.nextDouble(0.3, 0.9);
      String label = dc + 0.1 * r.nextGaussian() > 0 ? "A" : "B";
      ds.add(
          new ArrayExample<>(
              new Label(label), FEATURES.toArray(String[]::new), new double[] {dc, dv, dice}));
    }
    return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 20, 1L).train(ds);
  }

  /** Tribuo's own P(A) for a row in {@link #FEATURES} order. */
  static double tribuoProbabilityA(LinearSGDModel m, double[] row) {
    var p = m.predict(new ArrayExample<>(new Label("A"), FEATURES.toArray(String[]::new), row));
    return p.getOutputScores().get("A").getScore();
  }

  /** Exports the model to {@code dir/pair.onnx} with a card (no standardization). */
  static Path export(LinearSGDModel m, Path dir, boolean withWeights) throws Exception {
    Path onnx = dir.resolve("pair.onnx");
    m.saveONNXModel("org.labelcritic.test", 1, onnx);
    int a = m.getOutputIDInfo().getID(new Label("A"));
    double[] weights = null;
    double bias = 0;
    if (withWeights) {
      var w = m.getWeightsCopy();
      int b = 1 - a;
      weights = new double[FEATURES.size()];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = w.get(a, i) - w.get(b, i);
      }
      bias = w.get(a, FEATURES.size()) - w.get(b, FEATURES.size());
    }
    List<String> names = new ArrayList<>(FEATURES);
    new ModelCard("tiny-1", "input", "output", a, names, null, null, weights, bias)
        .write(ModelCard.sidecarOf(onnx));
    return onnx;
  }
}
