package org.labelcritic.app.ui.cells;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Writes a headless snapshot of a scene to target/screenshots, for the docs. */
final class Snapshots {
  private Snapshots() {}

  static Path write(Scene scene, String name) throws Exception {
    WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
    Path out = Path.of("target/screenshots").resolve(name);
    Files.createDirectories(out.getParent());
    ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
    return out;
  }
}
