package org.labelcritic.model.importing;

import java.nio.file.Path;
import org.labelcritic.model.LabelCriticException;

/**
 * Reads an image's size without decoding its pixels. Implemented in the imaging module (the model
 * module reads no images itself).
 */
@FunctionalInterface
public interface ImageProbe {
  /** Width and height in pixels. */
  record Size(int width, int height) {}

  Size size(Path image) throws LabelCriticException;
}
