package org.labelcritic.imaging.mask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.labelcritic.imaging.volume.Geometry;

/**
 * 3-D connected components of a mask, voxels being connected through faces, edges or corners
 * (26-neighbourhood, the usual choice for organ labels: a vessel running diagonally stays one
 * piece). A flood fill over the mask's bounding box unpacked into one byte per voxel (with a
 * border, so neighbours are fixed offsets), clearing voxels as they are reached.
 */
public final class ConnectedComponents {

  /**
   * One connected piece.
   *
   * @param voxelCount voxels in the piece
   * @param volumeMl its volume in millilitres
   * @param bounds its bounding box on the grid
   */
  public record Component(long voxelCount, double volumeMl, Box bounds) {}

  private ConnectedComponents() {}

  /** The components of {@code m}, largest first (ties: first found in x-fastest order). */
  public static List<Component> of(BinaryMask m) {
    Box box = m.bounds();
    if (m.isEmpty()) {
      return List.of();
    }
    int w = box.width();
    int h = box.height();
    int d = box.depth();
    // The box unpacked into bytes with a one-voxel border of zeros, so that a voxel's 26
    // neighbours are fixed offsets with no bounds checks; a visited voxel is cleared.
    int pw = w + 2;
    int ph = h + 2;
    int plane = pw * ph;
    byte[] r = new byte[Math.multiplyExact(plane, d + 2)];
    for (int z = 0; z < d; z++) {
      for (int y = 0; y < h; y++) {
        int row = 1 + pw * ((y + 1) + ph * (z + 1));
        for (int x = 0; x < w; x++) {
          if (m.get(box.x0() + x, box.y0() + y, box.z0() + z)) {
            r[row + x] = 1;
          }
        }
      }
    }
    int[] offsets = new int[26];
    int k = 0;
    for (int dz = -1; dz <= 1; dz++) {
      for (int dy = -1; dy <= 1; dy++) {
        for (int dx = -1; dx <= 1; dx++) {
          if (dx != 0 || dy != 0 || dz != 0) {
            offsets[k++] = dx + pw * (dy + ph * dz);
          }
        }
      }
    }
    int[] queue = new int[1024];
    Geometry g = m.geometry();
    double voxelMl = g.sx() * g.sy() * g.sz() / 1000.0;
    List<Component> out = new ArrayList<>();
    for (int z = 0; z < d; z++) {
      for (int y = 0; y < h; y++) {
        int row = 1 + pw * ((y + 1) + ph * (z + 1));
        for (int x = 0; x < w; x++) {
          int start = row + x;
          if (r[start] == 0) {
            continue;
          }
          r[start] = 0;
          queue[0] = start;
          int head = 0;
          int tail = 1;
          int loX = x;
          int loY = y;
          int loZ = z;
          int hiX = x;
          int hiY = y;
          int hiZ = z;
          while (head < tail) {
            int p = queue[head++];
            int pz = p / plane - 1;
            int py = (p % plane) / pw - 1;
            int px = p % pw - 1;
            loX = Math.min(loX, px);
            loY = Math.min(loY, py);
            loZ = Math.min(loZ, pz);
            hiX = Math.max(hiX, px);
            hiY = Math.max(hiY, py);
            hiZ = Math.max(hiZ, pz);
            for (int off : offsets) {
              int q = p + off;
              if (r[q] != 0) {
                r[q] = 0;
                if (tail == queue.length) {
                  queue = Arrays.copyOf(queue, tail * 2);
                }
                queue[tail++] = q;
              }
            }
          }
          Box b =
              new Box(
                  box.x0() + loX,
                  box.y0() + loY,
                  box.z0() + loZ,
                  box.x0() + hiX + 1,
                  box.y0() + hiY + 1,
                  box.z0() + hiZ + 1);
          out.add(new Component(tail, tail * voxelMl, b));
        }
      }
    }
    out.sort(Comparator.comparingLong(Component::voxelCount).reversed());
    return List.copyOf(out);
  }
}
