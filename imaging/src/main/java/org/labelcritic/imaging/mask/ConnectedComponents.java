package org.labelcritic.imaging.mask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.labelcritic.imaging.volume.Geometry;

/**
 * 3-D connected components of a mask, voxels being connected through faces, edges or corners
 * (26-neighbourhood, the usual choice for organ labels: a vessel running diagonally stays one
 * piece). A flood fill over the mask's bounding box, with one int label per box voxel.
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
    int[] label = new int[(int) box.voxelCount()];
    int[] queue = new int[1024];
    Geometry g = m.geometry();
    double voxelMl = g.sx() * g.sy() * g.sz() / 1000.0;
    List<Component> out = new ArrayList<>();
    int next = 0;
    for (int z = 0; z < d; z++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int start = x + w * (y + h * z);
          if (label[start] != 0 || !m.get(box.x0() + x, box.y0() + y, box.z0() + z)) {
            continue;
          }
          next++;
          label[start] = next;
          queue[0] = start;
          int head = 0;
          int tail = 1;
          int[] lo = {x, y, z};
          int[] hi = {x, y, z};
          while (head < tail) {
            int p = queue[head++];
            int px = p % w;
            int py = (p / w) % h;
            int pz = p / (w * h);
            lo[0] = Math.min(lo[0], px);
            lo[1] = Math.min(lo[1], py);
            lo[2] = Math.min(lo[2], pz);
            hi[0] = Math.max(hi[0], px);
            hi[1] = Math.max(hi[1], py);
            hi[2] = Math.max(hi[2], pz);
            for (int dz = -1; dz <= 1; dz++) {
              int nz = pz + dz;
              if (nz < 0 || nz >= d) {
                continue;
              }
              for (int dy = -1; dy <= 1; dy++) {
                int ny = py + dy;
                if (ny < 0 || ny >= h) {
                  continue;
                }
                for (int dx = -1; dx <= 1; dx++) {
                  int nx = px + dx;
                  if (nx < 0 || nx >= w) {
                    continue;
                  }
                  int q = nx + w * (ny + h * nz);
                  if (label[q] == 0 && m.get(box.x0() + nx, box.y0() + ny, box.z0() + nz)) {
                    label[q] = next;
                    if (tail == queue.length) {
                      queue = Arrays.copyOf(queue, tail * 2);
                    }
                    queue[tail++] = q;
                  }
                }
              }
            }
          }
          Box b =
              new Box(
                  box.x0() + lo[0],
                  box.y0() + lo[1],
                  box.z0() + lo[2],
                  box.x0() + hi[0] + 1,
                  box.y0() + hi[1] + 1,
                  box.z0() + hi[2] + 1);
          out.add(new Component(tail, tail * voxelMl, b));
        }
      }
    }
    out.sort(Comparator.comparingLong(Component::voxelCount).reversed());
    return List.copyOf(out);
  }
}
