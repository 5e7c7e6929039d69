package org.labelcritic.model.critic.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.labelcritic.model.LabelCriticException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pairwise quality model in ONNX, scored with ONNX Runtime: rows of features in (the {@link
 * ModelCard}'s order), P(A better) out. The execution provider is chosen once, when the model is
 * loaded: CUDA when asked for and available, else CPU, with the reason logged and kept ({@link
 * #providerNote()}). Thread-safe: ONNX Runtime sessions may be run from several threads.
 */
public final class OnnxPairModel implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OnnxPairModel.class);

  /** Where the model runs. */
  public enum Provider {
    CPU,
    CUDA
  }

  private final ModelCard card;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final Provider provider;
  private final String providerNote;
  private final String version;

  private OnnxPairModel(
      ModelCard card, OrtSession session, Provider provider, String note, String version) {
    this.card = card;
    this.env = OrtEnvironment.getEnvironment();
    this.session = session;
    this.provider = provider;
    this.providerNote = note;
    this.version = version;
  }

  /** Loads {@code onnx} with its sidecar ({@link ModelCard#sidecarOf}). */
  public static OnnxPairModel load(Path onnx, Provider requested) throws LabelCriticException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(onnx);
    } catch (IOException e) {
      throw LabelCriticException.inFile(onnx, "cannot read the ONNX model: " + e.getMessage(), e);
    }
    return load(bytes, ModelCard.read(ModelCard.sidecarOf(onnx)), requested);
  }

  /** Loads a model from its bytes and card. */
  public static OnnxPairModel load(byte[] onnx, ModelCard card, Provider requested)
      throws LabelCriticException {
    Objects.requireNonNull(card, "card");
    Objects.requireNonNull(requested, "requested");
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    String version = card.modelVersion() + "@" + sha256(onnx).substring(0, 12);
    String note = "CPU requested";
    if (requested == Provider.CUDA) {
      if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
        note = "this ONNX Runtime build has no CUDA provider (build with -Pgpu)";
      } else {
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
          opts.addCUDA(0);
          OrtSession s = env.createSession(onnx, opts);
          LOG.info("quality model {} runs on CUDA", version);
          return checked(new OnnxPairModel(card, s, Provider.CUDA, "CUDA device 0", version));
        } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
          note = "CUDA is not usable: " + e.getMessage();
        }
      }
      LOG.warn("quality model {}: CUDA requested, running on CPU: {}", version, note);
    }
    try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
      opts.setIntraOpNumThreads(1);
      OrtSession s = env.createSession(onnx, opts);
      LOG.info("quality model {} runs on CPU ({})", version, note);
      return checked(new OnnxPairModel(card, s, Provider.CPU, note, version));
    } catch (OrtException e) {
      throw new LabelCriticException(
          "ONNX Runtime cannot load the quality model: " + e.getMessage());
    }
  }

  private static OnnxPairModel checked(OnnxPairModel m) throws LabelCriticException {
    if (!m.session.getInputNames().contains(m.card.inputName())) {
      String names = String.join(", ", m.session.getInputNames());
      m.close();
      throw new LabelCriticException(
          "the ONNX model has no input '" + m.card.inputName() + "' (it has: " + names + ")");
    }
    if (!m.session.getOutputNames().contains(m.card.outputName())) {
      String names = String.join(", ", m.session.getOutputNames());
      m.close();
      throw new LabelCriticException(
          "the ONNX model has no output '" + m.card.outputName() + "' (it has: " + names + ")");
    }
    return m;
  }

  public ModelCard card() {
    return card;
  }

  public Provider provider() {
    return provider;
  }

  /** Why this provider: "CUDA device 0", "CPU requested", or why CUDA was not usable. */
  public String providerNote() {
    return providerNote;
  }

  /** The card's model version and the start of the ONNX file's SHA-256. */
  public String version() {
    return version;
  }

  /**
   * P(A better) for each row. Rows hold raw feature values in the card's order; the card's
   * standardization, if any, is applied here.
   */
  public double[] probabilityA(double[][] rows) throws LabelCriticException {
    int n = card.size();
    if (rows.length == 0) {
      return new double[0];
    }
    double[] mean = card.mean();
    double[] scale = card.scale();
    // One direct buffer in the tensor's row-major layout: ONNX Runtime reads it without a copy.
    FloatBuffer in =
        ByteBuffer.allocateDirect(Math.multiplyExact(Math.multiplyExact(rows.length, n), 4))
            .order(ByteOrder.nativeOrder())
            .asFloatBuffer();
    for (int r = 0; r < rows.length; r++) {
      if (rows[r].length != n) {
        throw new IllegalArgumentException(
            "row " + r + " has " + rows[r].length + " values, the model takes " + n);
      }
      for (int i = 0; i < n; i++) {
        double x = rows[r][i];
        in.put((float) (mean == null ? x : (x - mean[i]) / scale[i]));
      }
    }
    in.rewind();
    try (OnnxTensor t = OnnxTensor.createTensor(env, in, new long[] {rows.length, n});
        OrtSession.Result res = session.run(Map.of(card.inputName(), t))) {
      OnnxValue value =
          res.get(card.outputName())
              .orElseThrow(() -> new LabelCriticException("no output " + card.outputName()));
      double[] p = new double[rows.length];
      if (value instanceof OnnxTensor out
          && out.getInfo().type == OnnxJavaType.FLOAT
          && out.getInfo().getShape().length <= 2) {
        long[] shape = out.getInfo().getShape();
        int cols = shape.length == 1 ? 1 : Math.toIntExact(shape[1]);
        int col = cols == 1 ? 0 : card.outputIndexA();
        if (col >= cols) {
          throw new LabelCriticException(
              "the model's output has " + cols + " columns, outputIndexA is " + col);
        }
        FloatBuffer f = out.getFloatBuffer();
        for (int r = 0; r < rows.length; r++) {
          p[r] = Math.clamp(f.get(r * cols + col), 0.0, 1.0);
        }
        return p;
      }
      Object o = value.getValue();
      for (int r = 0; r < rows.length; r++) {
        double v =
            switch (o) {
              case float[][] fm -> fm[r][fm[r].length == 1 ? 0 : card.outputIndexA()];
              case float[] fa -> fa[r];
              case double[][] d -> d[r][d[r].length == 1 ? 0 : card.outputIndexA()];
              default ->
                  throw new LabelCriticException(
                      "the model's output is not a float matrix: " + o.getClass().getName());
            };
        p[r] = Math.clamp(v, 0.0, 1.0);
      }
      return p;
    } catch (OrtException e) {
      throw new LabelCriticException("ONNX Runtime failed to score: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      LOG.warn("closing the quality model's session: {}", e.getMessage());
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
