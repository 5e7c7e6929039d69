package org.labelcritic.imaging.cells;

import java.util.Objects;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * A trained digit classifier: {@link DigitSegmenter} features in, a probability per digit 0..9 out.
 * Thread-safe for reading (Tribuo models are immutable once trained).
 *
 * @param name the source name its transcriptions are stored under
 * @param description what kind of model it is, for reports and the model card
 */
public record DigitReader(String name, String description, Model<Label> model) {
  static final String[] FEATURE_NAMES = featureNames();

  public DigitReader {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(model, "model");
    if (!model.generatesProbabilities()) {
      throw new IllegalArgumentException(name + ": the model must give probabilities");
    }
  }

  /** P(digit = d) for d = 0..9, summing to 1. */
  public double[] probabilities(double[] features) {
    if (features.length != DigitSegmenter.FEATURES) {
      throw new IllegalArgumentException(
          "expected %d features, got %d".formatted(DigitSegmenter.FEATURES, features.length));
    }
    Prediction<Label> p =
        model.predict(new ArrayExample<>(DigitReaders.UNKNOWN, FEATURE_NAMES, features));
    double[] out = new double[10];
    double sum = 0;
    for (var e : p.getOutputScores().entrySet()) {
      int digit = Integer.parseInt(e.getKey());
      out[digit] = e.getValue().getScore();
      sum += out[digit];
    }
    if (sum > 0) {
      for (int d = 0; d < 10; d++) {
        out[d] /= sum;
      }
    }
    return out;
  }

  static String[] featureNames() {
    String[] names = new String[DigitSegmenter.FEATURES];
    for (int i = 0; i < names.length; i++) {
      names[i] = "px%03d".formatted(i);
    }
    return names;
  }
}
