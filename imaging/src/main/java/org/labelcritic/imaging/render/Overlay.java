package org.labelcritic.imaging.render;

import java.util.Objects;

/**
 * One label drawn over a slice.
 *
 * @param rgb the colour, 0xRRGGBB
 * @param opacity 0 (invisible) to 1 (opaque)
 * @param fill true to fill the label, false to draw only its outline
 */
public record Overlay(MaskSampler mask, int rgb, double opacity, boolean fill) {
  public Overlay {
    Objects.requireNonNull(mask, "mask");
    if (!(opacity >= 0 && opacity <= 1)) {
      throw new IllegalArgumentException("opacity must be in 0..1, was " + opacity);
    }
  }
}
