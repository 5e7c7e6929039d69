package org.labelcritic.model.critic.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.labelcritic.model.LabelCriticException;

/**
 * The sidecar JSON next to a pairwise ONNX model: its input contract and version. This is the
 * documented contract a user's own ONNX model must follow.
 *
 * <pre>
 * {
 *   "format": "labelcritic-pair-model/1",
 *   "modelVersion": "feature-logreg-...",      stored with every verdict
 *   "inputName": "input",                        one float32 tensor of shape [batch, n]
 *   "outputName": "output",                      float32 [batch, k] probabilities, or [batch]
 *   "outputIndexA": 0,                           the column of P(A better) when k &gt; 1
 *   "features": ["d_empty", ...],                n names: the input's column order
 *   "mean": [...], "scale": [...],               optional: the runtime feeds (x - mean) / scale
 *   "weights": [...], "bias": 0.0                optional: log-odds of A per standardized feature
 * }
 * </pre>
 *
 * A feature the caller does not have is fed as its mean (0 after standardization).
 */
public record ModelCard(
    String modelVersion,
    String inputName,
    String outputName,
    int outputIndexA,
    List<String> features,
    double[] mean,
    double[] scale,
    double[] weights,
    double bias) {

  public static final String FORMAT = "labelcritic-pair-model/1";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public ModelCard {
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(inputName, "inputName");
    Objects.requireNonNull(outputName, "outputName");
    features = List.copyOf(features);
    int n = features.size();
    if (n == 0) {
      throw new IllegalArgumentException("a model card needs at least one feature");
    }
    mean = checked("mean", mean, n);
    scale = checked("scale", scale, n);
    weights = checked("weights", weights, n);
    if (outputIndexA < 0) {
      throw new IllegalArgumentException("outputIndexA must be >= 0: " + outputIndexA);
    }
  }

  private static double[] checked(String what, double[] v, int n) {
    if (v == null) {
      return null;
    }
    if (v.length != n) {
      throw new IllegalArgumentException(
          what + " has " + v.length + " values for " + n + " features");
    }
    return v.clone();
  }

  /**
   * The model's input row: its features taken by name through {@code valueOf}; one the input lacks
   * (NaN) is given its mean, its neutral value, or 0 without standardization.
   */
  public double[] row(java.util.function.ToDoubleFunction<String> valueOf) {
    double[] mean = mean();
    double[] r = new double[size()];
    for (int i = 0; i < r.length; i++) {
      double v = valueOf.applyAsDouble(features().get(i));
      r[i] = Double.isNaN(v) ? (mean == null ? 0 : mean[i]) : v;
    }
    return r;
  }

  public int size() {
    return features.size();
  }

  public boolean standardized() {
    return mean != null && scale != null;
  }

  public boolean hasWeights() {
    return weights != null;
  }

  /** The sidecar of an ONNX file: {@code x.onnx} has {@code x.json}. */
  public static Path sidecarOf(Path onnx) {
    String name = onnx.getFileName().toString();
    String base = name.endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
    return onnx.resolveSibling(base + ".json");
  }

  public String toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("format", FORMAT);
    o.put("modelVersion", modelVersion);
    o.put("inputName", inputName);
    o.put("outputName", outputName);
    o.put("outputIndexA", outputIndexA);
    ArrayNode f = o.putArray("features");
    features.forEach(f::add);
    put(o, "mean", mean);
    put(o, "scale", scale);
    put(o, "weights", weights);
    if (weights != null) {
      o.put("bias", bias);
    }
    try {
      return JSON.writeValueAsString(o) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void put(ObjectNode o, String name, double[] v) {
    if (v != null) {
      ArrayNode a = o.putArray(name);
      for (double d : v) {
        a.add(d);
      }
    }
  }

  public void write(Path file) throws LabelCriticException {
    try {
      Files.writeString(file, toJson());
    } catch (IOException e) {
      throw LabelCriticException.inFile(file, "cannot write the model card: " + e.getMessage(), e);
    }
  }

  public static ModelCard read(Path file) throws LabelCriticException {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw LabelCriticException.inFile(file, "cannot read the model card: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw LabelCriticException.inFile(file, "not a valid model card: " + e.getMessage(), e);
    }
  }

  /** Parses a model card; throws IllegalArgumentException when it is malformed. */
  public static ModelCard parse(String json) {
    JsonNode o;
    try {
      o = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage());
    }
    String format = o.path("format").asText("");
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException("format must be " + FORMAT + ", was '" + format + "'");
    }
    List<String> features = new ArrayList<>();
    o.path("features").forEach(n -> features.add(n.asText()));
    return new ModelCard(
        o.path("modelVersion").asText("unversioned"),
        o.path("inputName").asText("input"),
        o.path("outputName").asText("output"),
        o.path("outputIndexA").asInt(0),
        features,
        array(o.get("mean")),
        array(o.get("scale")),
        array(o.get("weights")),
        o.path("bias").asDouble(0));
  }

  private static double[] array(JsonNode a) {
    if (a == null || !a.isArray()) {
      return null;
    }
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.get(i).asDouble();
    }
    return v;
  }

  @Override
  public double[] mean() {
    return mean == null ? null : mean.clone();
  }

  @Override
  public double[] scale() {
    return scale == null ? null : scale.clone();
  }

  @Override
  public double[] weights() {
    return weights == null ? null : weights.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ModelCard c && toJson().equals(c.toJson());
  }

  @Override
  public int hashCode() {
    return toJson().hashCode();
  }
}
