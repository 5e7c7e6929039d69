package org.labelcritic.imaging.critic.lvlm;

import java.util.List;
import java.util.Objects;
import org.labelcritic.imaging.render.ArgbImage;
import org.labelcritic.imaging.render.FrontalProjection;
import org.labelcritic.imaging.render.MaskSampler;
import org.labelcritic.imaging.volume.Volume;

/**
 * What the LVLM critic looks at: a structure and the frontal projection of the scan with each
 * candidate's label as a red silhouette.
 *
 * @param structure the canonical structure name, e.g. "liver", "kidney_left"
 * @param projectionA the projection with candidate A's label
 * @param projectionB the projection with candidate B's label
 */
public record LvlmPair(String structure, ArgbImage projectionA, ArgbImage projectionB) {
  public LvlmPair {
    Objects.requireNonNull(structure, "structure");
    Objects.requireNonNull(projectionA, "projectionA");
    Objects.requireNonNull(projectionB, "projectionB");
  }

  /** Renders both projections of the published protocol ({@link FrontalProjection}). */
  public static LvlmPair render(String structure, Volume ct, MaskSampler a, MaskSampler b) {
    return new LvlmPair(
        structure,
        FrontalProjection.render(ct, List.of(a)),
        FrontalProjection.render(ct, List.of(b)));
  }
}
