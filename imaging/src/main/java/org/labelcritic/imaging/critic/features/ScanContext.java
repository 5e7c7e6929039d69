package org.labelcritic.imaging.critic.features;

import java.util.Objects;
import org.labelcritic.imaging.volume.Volume;

/**
 * What the features need of a scan, computed once for all its candidates.
 *
 * @param ct the CT (HU)
 * @param plane the body's mid-sagittal plane
 * @param sliceAxis the voxel axis that runs head to foot ({@link SliceAxis})
 */
public record ScanContext(Volume ct, MidSagittalPlane plane, int sliceAxis) {

  public ScanContext {
    Objects.requireNonNull(ct, "ct");
    Objects.requireNonNull(plane, "plane");
    if (sliceAxis < 0 || sliceAxis > 2) {
      throw new IllegalArgumentException("slice axis must be 0..2: " + sliceAxis);
    }
  }

  public static ScanContext of(Volume ct) {
    return new ScanContext(ct, MidSagittalPlane.estimate(ct), SliceAxis.of(ct.geometry()));
  }
}
