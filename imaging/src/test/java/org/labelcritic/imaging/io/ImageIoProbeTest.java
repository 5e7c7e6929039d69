package org.labelcritic.imaging.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;

class ImageIoProbeTest {
  @TempDir Path dir;

  @Test
  void readsWidthAndHeightOfAPng() throws Exception {
    Path f = dir.resolve("a.png");
    ImageIO.write(new BufferedImage(123, 45, BufferedImage.TYPE_BYTE_GRAY), "png", f.toFile());
    assertThat(new ImageIoProbe().size(f)).isEqualTo(new ImageIoProbe.Size(123, 45));
  }

  @Test
  void aTextFileOrAMissingFileIsAClearError() throws Exception {
    Path txt = Files.writeString(dir.resolve("x.png"), "not an image");
    assertThatThrownBy(() -> new ImageIoProbe().size(txt))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("x.png")
        .hasMessageContaining("not an image format");
    assertThatThrownBy(() -> new ImageIoProbe().size(dir.resolve("none.png")))
        .hasMessageContaining("not found");
  }

  @Test
  void aTruncatedPngIsAClearError() throws Exception {
    Path f = dir.resolve("t.png");
    ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY), "png", f.toFile());
    byte[] b = Files.readAllBytes(f);
    Files.write(f, java.util.Arrays.copyOf(b, 20));
    assertThatThrownBy(() -> new ImageIoProbe().size(f))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("t.png");
  }
}
