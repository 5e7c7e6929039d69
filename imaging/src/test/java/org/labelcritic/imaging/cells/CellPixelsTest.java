package org.labelcritic.imaging.cells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;

class CellPixelsTest {
  @TempDir Path dir;

  @Test
  void readsAGreyImageAndCutsABoxWithTheStoredValues() throws Exception {
    BufferedImage page = new BufferedImage(50, 20, BufferedImage.TYPE_BYTE_GRAY);
    page.getRaster().setSample(12, 7, 0, 77);
    Path file = dir.resolve("page.png");
    ImageIO.write(page, "png", file.toFile());

    CellPixels cell = CellPixels.read(file, new int[] {10, 5, 8, 4});

    assertThat(cell.width()).isEqualTo(8);
    assertThat(cell.height()).isEqualTo(4);
    assertThat(cell.get(2, 2)).isEqualTo(77);
  }

  /** A palette image's one band holds indices into its palette, not grey values. */
  @Test
  void readsAPaletteImageThroughItsPalette() throws Exception {
    byte[] r = new byte[256];
    byte[] g = new byte[256];
    byte[] b = new byte[256];
    r[1] = g[1] = b[1] = (byte) 200;
    BufferedImage page =
        new BufferedImage(
            20, 10, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 256, r, g, b));
    page.getRaster().setSample(3, 4, 0, 1);
    Path file = dir.resolve("palette.png");
    ImageIO.write(page, "png", file.toFile());

    CellPixels cell = CellPixels.read(file, null);

    assertThat(cell.get(3, 4)).isBetween(195, 205);
    assertThat(cell.get(0, 0)).isZero();
  }

  @Test
  void aMissingImageIsNamed() {
    assertThatThrownBy(() -> CellPixels.read(dir.resolve("gone.png"), null))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("gone.png")
        .hasMessageContaining("missing");
  }

  @Test
  void aFileThatIsNoImageIsNamed() throws Exception {
    Path file = Files.writeString(dir.resolve("cell.png"), "not an image");

    assertThatThrownBy(() -> CellPixels.read(file, null))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("cell.png")
        .hasMessageContaining("not a readable image");
  }

  @Test
  void aBoxOutsideThePageIsNamedWithThePageSize() throws Exception {
    Path file = dir.resolve("page.png");
    ImageIO.write(new BufferedImage(50, 20, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());

    assertThatThrownBy(() -> CellPixels.read(file, new int[] {45, 0, 10, 10}))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("45,0,10,10")
        .hasMessageContaining("50x20");
  }
}
