package org.labelcritic.imaging.critic.lvlm;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.labelcritic.imaging.render.ArgbImage;

/** An image as a {@code data:image/png;base64,...} URL, the form chat endpoints accept inline. */
final class PngDataUrl {
  static final String PREFIX = "data:image/png;base64,";

  private PngDataUrl() {}

  static String of(ArgbImage image) throws IOException {
    // RGB, not ARGB: the projections are opaque and some servers reject alpha channels.
    BufferedImage bi = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
    bi.setRGB(0, 0, image.width(), image.height(), image.pixels(), 0, image.width());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(bi, "png", out)) {
      throw new IOException("no PNG writer is installed");
    }
    return PREFIX + Base64.getEncoder().encodeToString(out.toByteArray());
  }
}
