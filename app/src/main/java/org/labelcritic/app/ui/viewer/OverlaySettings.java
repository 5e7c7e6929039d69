package org.labelcritic.app.ui.viewer;

/**
 * How one candidate is drawn.
 *
 * @param candidateId the candidate
 * @param label what the toggle says (source name, revision)
 * @param rgb colour, 0xRRGGBB
 * @param opacity 0..1
 * @param visible drawn or not
 * @param fill filled or outlined
 * @param problem why its mask could not be read, or null
 */
public record OverlaySettings(
    long candidateId,
    String label,
    int rgb,
    double opacity,
    boolean visible,
    boolean fill,
    String problem) {

  /** Distinct colours, the first ones most distinct (red, blue, green, orange, ...). */
  static final int[] PALETTE = {
    0xE6194B, 0x4363D8, 0x3CB44B, 0xF58231, 0x911EB4, 0x42D4F4, 0xF032E6, 0xBFEF45, 0x9A6324
  };

  /** Yellow: the copy being edited. */
  static final int EDIT_RGB = 0xFFE119;

  public OverlaySettings withVisible(boolean v) {
    return new OverlaySettings(candidateId, label, rgb, opacity, v, fill, problem);
  }

  public OverlaySettings withFill(boolean f) {
    return new OverlaySettings(candidateId, label, rgb, opacity, visible, f, problem);
  }

  public OverlaySettings withOpacity(double o) {
    return new OverlaySettings(
        candidateId, label, rgb, Math.clamp(o, 0, 1), visible, fill, problem);
  }

  public OverlaySettings withRgb(int c) {
    return new OverlaySettings(candidateId, label, c & 0xFFFFFF, opacity, visible, fill, problem);
  }
}
