package org.labelcritic.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class IconPainterTest {

  @Test
  void theIconIsTransparentAtTheCornersAndOpaqueInside() {
    BufferedImage img = IconPainter.paint(64);
    assertThat(img.getWidth()).isEqualTo(64);
    assertThat(img.getRGB(0, 0) >>> 24).isZero();
    assertThat(img.getRGB(32, 32) >>> 24).isEqualTo(0xFF);
  }

  @Test
  void theWindowsIconListsOnePngPerSize() throws Exception {
    byte[] ico = IconPainter.ico(List.of(16, 256));
    ByteBuffer b = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(b.getShort(2)).isEqualTo((short) 1); // type: icon
    assertThat(b.getShort(4)).isEqualTo((short) 2); // count
    int[] expected = {16, 256};
    for (int i = 0; i < 2; i++) {
      int entry = 6 + 16 * i;
      int size = b.getInt(entry + 8);
      int offset = b.getInt(entry + 12);
      BufferedImage img =
          ImageIO.read(new ByteArrayInputStream(Arrays.copyOfRange(ico, offset, offset + size)));
      assertThat(img.getWidth()).isEqualTo(expected[i]);
      assertThat(Byte.toUnsignedInt(ico[entry])).isEqualTo(expected[i] % 256);
    }
  }

  @Test
  void theMacIconFamilyHoldsFourPngsAndItsOwnLength() throws Exception {
    byte[] icns = IconPainter.icns();
    ByteBuffer b = ByteBuffer.wrap(icns).order(ByteOrder.BIG_ENDIAN);
    assertThat(new String(icns, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("icns");
    assertThat(b.getInt(4)).isEqualTo(icns.length);
    int at = 8;
    int[] sizes = {128, 256, 512, 1024};
    for (int s : sizes) {
      int len = b.getInt(at + 4);
      BufferedImage img =
          ImageIO.read(new ByteArrayInputStream(Arrays.copyOfRange(icns, at + 8, at + len)));
      assertThat(img.getWidth()).isEqualTo(s);
      at += len;
    }
    assertThat(at).isEqualTo(icns.length);
  }
}
