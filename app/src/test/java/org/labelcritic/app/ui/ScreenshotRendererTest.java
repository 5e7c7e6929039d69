package org.labelcritic.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.store.Store;
import org.testfx.api.FxToolkit;

class ScreenshotRendererTest {
  /** Kept after the build so a person can look at it. */
  static final Path KEPT = Path.of("target/screenshots/main-window.png");

  @TempDir Path dir;

  @BeforeAll
  static void platform() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @Test
  void writesALoadedWindowAsA1280By800Png() throws Exception {
    Path out = dir.resolve("shots/main.png");
    try (Store store = TestStores.demo(dir)) {
      ScreenshotRenderer.render(store, out);
    }
    BufferedImage image = ImageIO.read(out.toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(image.getHeight()).isEqualTo(800);
    assertThat(distinctColours(image)).isGreaterThan(200);
    Files.createDirectories(KEPT.getParent());
    Files.copy(out, KEPT, StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void rendersAtTheSizeAskedFor() throws Exception {
    Path out = dir.resolve("small.png");
    try (Store store = TestStores.demo(dir)) {
      ScreenshotRenderer.render(store, out, 800, 500);
    }
    BufferedImage image = ImageIO.read(out.toFile());
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(500);
  }

  @Test
  void refusesANonsenseSize() throws Exception {
    try (Store store = TestStores.demo(dir)) {
      assertThatThrownBy(() -> ScreenshotRenderer.render(store, dir.resolve("x.png"), 0, 10))
          .isInstanceOf(LabelCriticException.class)
          .hasMessageContaining("0x10");
    }
  }

  static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
