package org.labelcritic.installer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the application icon: an axial CT slice with two competing organ outlines, one accepted
 * (green check). Written as PNG (Linux), ICO (Windows) and ICNS (macOS) into {@code
 * installer/src/main/package/icons}, where the files are committed:
 *
 * <pre>java installer/src/main/java/org/labelcritic/installer/IconPainter.java \
 *     installer/src/main/package/icons</pre>
 */
public final class IconPainter {
  private IconPainter() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "installer/src/main/package/icons");
    Files.createDirectories(dir);
    Files.write(dir.resolve("labelcritic.png"), png(paint(256)));
    Files.write(dir.resolve("labelcritic.ico"), ico(List.of(16, 32, 48, 256)));
    Files.write(dir.resolve("labelcritic.icns"), icns());
    System.out.println("Wrote labelcritic.png, .ico and .icns to " + dir.toAbsolutePath());
  }

  /** The icon at {@code size} x {@code size} pixels, drawn on a 256-unit canvas. */
  public static BufferedImage paint(int size) {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.scale(size / 256.0, size / 256.0);

      // Tile: dark blue-grey, like a reading-room monitor.
      Shape tile = new RoundRectangle2D.Double(8, 8, 240, 240, 52, 52);
      g.setPaint(new GradientPaint(0, 8, new Color(0x2B3A4A), 0, 248, new Color(0x121A23)));
      g.fill(tile);

      // Body outline of an axial slice, with a soft-tissue grey.
      Shape body = new Ellipse2D.Double(34, 56, 188, 144);
      g.setPaint(new GradientPaint(0, 56, new Color(0x9AA4AE), 0, 200, new Color(0x5F6A75)));
      g.fill(body);
      // Spine and a kidney-like shadow: darker and lighter structures.
      g.setColor(new Color(0xE6E9EC));
      g.fill(new Ellipse2D.Double(114, 160, 28, 26));
      g.setColor(new Color(0x48525C));
      g.fill(new Ellipse2D.Double(160, 126, 34, 40));

      // The organ: one candidate filled, a second candidate drawn as an outline that disagrees.
      Shape organ = organ(0, 0);
      g.setColor(new Color(0x3FC1C9, true).darker());
      g.setComposite(java.awt.AlphaComposite.getInstance(java.awt.AlphaComposite.SRC_OVER, 0.55f));
      g.fill(organ);
      g.setComposite(java.awt.AlphaComposite.SrcOver);
      g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.setColor(new Color(0x3FC1C9));
      g.draw(organ);
      g.setStroke(
          new BasicStroke(
              6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {14f, 11f}, 0f));
      g.setColor(new Color(0xF2994A));
      g.draw(organ(12, 9));

      // The reviewer's verdict: a green badge with a check mark.
      g.setColor(new Color(0x121A23));
      g.fill(new Ellipse2D.Double(160, 160, 84, 84));
      g.setColor(new Color(0x4CC26A));
      g.fill(new Ellipse2D.Double(166, 166, 72, 72));
      Path2D check = new Path2D.Double();
      check.moveTo(184, 203);
      check.lineTo(198, 217);
      check.lineTo(222, 186);
      g.setStroke(new BasicStroke(11f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.setColor(Color.WHITE);
      g.draw(check);
    } finally {
      g.dispose();
    }
    return img;
  }

  /** A liver-like closed curve, shifted by (dx, dy). */
  private static Shape organ(double dx, double dy) {
    Path2D p = new Path2D.Double();
    p.moveTo(58 + dx, 104 + dy);
    p.curveTo(66 + dx, 74 + dy, 118 + dx, 70 + dy, 146 + dx, 84 + dy);
    p.curveTo(164 + dx, 93 + dy, 150 + dx, 112 + dy, 128 + dx, 122 + dy);
    p.curveTo(104 + dx, 134 + dy, 96 + dx, 160 + dy, 76 + dx, 154 + dy);
    p.curveTo(56 + dx, 148 + dy, 52 + dx, 124 + dy, 58 + dx, 104 + dy);
    p.closePath();
    return p;
  }

  static byte[] png(BufferedImage img) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(img, "png", out)) {
      throw new IOException("no PNG writer in this JDK");
    }
    return out.toByteArray();
  }

  /** A Windows icon holding one PNG per size (the format Windows reads since Vista). */
  static byte[] ico(List<Integer> sizes) throws IOException {
    List<byte[]> images = new ArrayList<>();
    for (int s : sizes) {
      images.add(png(paint(s)));
    }
    int offset = 6 + 16 * sizes.size();
    int total = offset + images.stream().mapToInt(b -> b.length).sum();
    ByteBuffer buf = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    buf.putShort((short) 0).putShort((short) 1).putShort((short) sizes.size());
    for (int i = 0; i < sizes.size(); i++) {
      int s = sizes.get(i);
      buf.put((byte) (s >= 256 ? 0 : s)).put((byte) (s >= 256 ? 0 : s));
      buf.put((byte) 0).put((byte) 0); // no palette, reserved
      buf.putShort((short) 1).putShort((short) 32); // planes, bits per pixel
      buf.putInt(images.get(i).length).putInt(offset);
      offset += images.get(i).length;
    }
    images.forEach(buf::put);
    return buf.array();
  }

  /** A macOS icon family: PNG entries for 128, 256, 512 and 1024 pixels. */
  static byte[] icns() throws IOException {
    String[] types = {"ic07", "ic08", "ic09", "ic10"};
    int[] sizes = {128, 256, 512, 1024};
    List<byte[]> images = new ArrayList<>();
    for (int s : sizes) {
      images.add(png(paint(s)));
    }
    int total = 8 + images.stream().mapToInt(b -> 8 + b.length).sum();
    ByteBuffer buf = ByteBuffer.allocate(total).order(ByteOrder.BIG_ENDIAN);
    buf.put("icns".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(total);
    for (int i = 0; i < types.length; i++) {
      buf.put(types[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      buf.putInt(8 + images.get(i).length).put(images.get(i));
    }
    return buf.array();
  }
}
