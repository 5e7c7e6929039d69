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

  @Test
  void rendersAChosenItemInSideBySideAndEditModeWithAViewerThatHasThem() throws Exception {
    try (Store store = TestStores.demo(dir)) {
      RecordingViewer viewer = new RecordingViewer(store);
      ScreenshotRenderer.render(
          store,
          dir.resolve("sbs.png"),
          640,
          400,
          new ScreenshotRenderer.State("case-001", "liver", ScreenshotRenderer.Mode.SIDE_BY_SIDE),
          s -> viewer);
      assertThat(viewer.sideBySide).isEqualTo(1);
      ScreenshotRenderer.render(
          store,
          dir.resolve("edit.png"),
          640,
          400,
          new ScreenshotRenderer.State("case-001", "liver", ScreenshotRenderer.Mode.EDIT),
          s -> viewer);
      long preferredB =
          store
              .queries()
              .candidates(TestStores.itemId(store, "case-001"), store.structureId("liver"))
              .get(1)
              .id();
      assertThat(viewer.calls).contains("startEdit " + preferredB, "cancelEdit");
      assertThat(ImageIO.read(dir.resolve("edit.png").toFile()).getWidth()).isEqualTo(640);
      // Rendering writes nothing: no reviewer, no session, no decision.
      assertThat(store.reviews().count()).isEqualTo(2);
      assertThat(store.queries().status().reviewers()).isEqualTo(1);
    }
  }

  @Test
  void saysWhichItemOrModeItCannotShow() throws Exception {
    try (Store store = TestStores.demo(dir)) {
      assertThatThrownBy(
              () ->
                  ScreenshotRenderer.render(
                      store,
                      dir.resolve("x.png"),
                      640,
                      400,
                      new ScreenshotRenderer.State(
                          "case-404", null, ScreenshotRenderer.Mode.REVIEW),
                      null))
          .isInstanceOf(LabelCriticException.class)
          .hasMessageContaining("case-404");
      assertThatThrownBy(
              () ->
                  ScreenshotRenderer.render(
                      store,
                      dir.resolve("x.png"),
                      640,
                      400,
                      new ScreenshotRenderer.State(
                          "case-001", "liver", ScreenshotRenderer.Mode.SIDE_BY_SIDE),
                      null))
          .isInstanceOf(LabelCriticException.class)
          .hasMessageContaining("side-by-side");
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
