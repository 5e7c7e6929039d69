package org.labelcritic.imaging.critic.lvlm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.labelcritic.imaging.render.MaskSampler;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.imaging.volume.Volume;

/** A tiny synthetic CT, two candidate labels, and the bundled templates for tests. */
final class LvlmFixtures {
  /** The bundled templates, read from the resources module's sources (not on this class path). */
  static final Path BUNDLED_PROMPTS =
      Path.of("../resources/src/main/resources/org/labelcritic/resources/prompts");

  static final int NX = 20;
  static final int NY = 10;
  static final int NZ = 30;

  /** Label A: a block on the patient's right; label B: a smaller block, higher up. */
  static final MaskSampler A = (x, y, z) -> x < 8 && z >= 5 && z < 20;

  static final MaskSampler B = (x, y, z) -> x >= 4 && x < 10 && z >= 15 && z < 25;

  static final LvlmPair PAIR = LvlmPair.render("liver", ct(), A, B);

  private LvlmFixtures() {}

  static Volume ct() {
    Geometry g = new Geometry(NX, NY, NZ, 1, 1, 1, Affine.scaling(1, 1, 1));
    short[] s = new short[NX * NY * NZ];
    for (int z = 0; z < NZ; z++) {
      for (int y = 0; y < NY; y++) {
        for (int x = 0; x < NX; x++) {
          s[x + NX * (y + NY * z)] = (short) (-400 + 40 * x + 30 * z);
        }
      }
    }
    return new Volume(g, new Volume.Voxels.Shorts(s, false), 1, 0, "synthetic");
  }

  static PromptTemplates templates() {
    return new PromptTemplates(Optional.of(BUNDLED_PROMPTS), emptyLoader());
  }

  static ClassLoader emptyLoader() {
    return new ClassLoader(null) {};
  }

  static LvlmSettings on(java.net.URI baseUrl, Duration timeout) {
    return new LvlmSettings(true, baseUrl, "test-vlm", timeout, Optional.empty());
  }
}
