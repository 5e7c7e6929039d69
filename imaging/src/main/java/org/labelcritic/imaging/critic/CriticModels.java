package org.labelcritic.imaging.critic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.critic.onnx.ModelCard;

/**
 * The feature critic's two ONNX models with their sidecars: the pairwise model (P(A better)) and
 * the single-label model (P(good)). Read from a folder ({@code lcw critic train --out}) or from the
 * class path, where the resources module ships the default ones under {@value #RESOURCE_FOLDER}.
 *
 * @param pairOnnx the pairwise model's ONNX bytes
 * @param pairCard its sidecar
 * @param singleOnnx the single-label model's ONNX bytes
 * @param singleCard its sidecar
 * @param origin where they were read from, for messages
 */
public record CriticModels(
    byte[] pairOnnx, ModelCard pairCard, byte[] singleOnnx, ModelCard singleCard, String origin) {
  /** The class-path folder of the shipped models. */
  public static final String RESOURCE_FOLDER = "org/labelcritic/resources/critic/";

  /** The pairwise model's file name. */
  public static final String PAIR_ONNX = "feature-critic.onnx";

  /** The single-label model's file name. */
  public static final String SINGLE_ONNX = "feature-single.onnx";

  public CriticModels {
    Objects.requireNonNull(pairOnnx, "pairOnnx");
    Objects.requireNonNull(pairCard, "pairCard");
    Objects.requireNonNull(singleOnnx, "singleOnnx");
    Objects.requireNonNull(singleCard, "singleCard");
    Objects.requireNonNull(origin, "origin");
    pairOnnx = pairOnnx.clone();
    singleOnnx = singleOnnx.clone();
  }

  @Override
  public byte[] pairOnnx() {
    return pairOnnx.clone();
  }

  @Override
  public byte[] singleOnnx() {
    return singleOnnx.clone();
  }

  /** The models a training run wrote into {@code folder}. */
  public static CriticModels fromFolder(Path folder) throws LabelCriticException {
    Path pair = folder.resolve(PAIR_ONNX);
    Path single = folder.resolve(SINGLE_ONNX);
    return new CriticModels(
        bytes(pair),
        ModelCard.read(ModelCard.sidecarOf(pair)),
        bytes(single),
        ModelCard.read(ModelCard.sidecarOf(single)),
        folder.toString());
  }

  /** The default models shipped on the class path. */
  public static CriticModels fromClassPath(ClassLoader loader) throws LabelCriticException {
    String pair = RESOURCE_FOLDER + PAIR_ONNX;
    String single = RESOURCE_FOLDER + SINGLE_ONNX;
    return new CriticModels(
        resource(loader, pair),
        card(loader, pair),
        resource(loader, single),
        card(loader, single),
        "class path " + RESOURCE_FOLDER);
  }

  private static byte[] bytes(Path file) throws LabelCriticException {
    try {
      return Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw LabelCriticException.inFile(file, "does not exist");
    } catch (IOException e) {
      throw LabelCriticException.inFile(file, "cannot be read: " + e.getMessage(), e);
    }
  }

  private static ModelCard card(ClassLoader loader, String onnx) throws LabelCriticException {
    String name = onnx.substring(0, onnx.length() - ".onnx".length()) + ".json";
    try {
      return ModelCard.parse(new String(resource(loader, name), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new LabelCriticException(name + ": not a valid model card: " + e.getMessage());
    }
  }

  private static byte[] resource(ClassLoader loader, String name) throws LabelCriticException {
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new LabelCriticException(
            name + ": not on the class path (is the resources module missing?)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new LabelCriticException(name + ": cannot be read: " + e.getMessage());
    }
  }
}
