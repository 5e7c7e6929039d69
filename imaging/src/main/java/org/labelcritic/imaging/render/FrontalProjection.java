package org.labelcritic.imaging.render;

import java.util.List;
import org.labelcritic.imaging.volume.Volume;

/**
 * The frontal projection of the published Label Critic protocol: CT values clipped to the bone
 * window -500..1500 HU, summed along the antero-posterior axis, rendered at 1 px = 1 mm with the
 * patient's right on the image's left and the head at the top, each label drawn as a red-tinted
 * silhouette, then scaled so that the longest side is 512 px.
 */
public final class FrontalProjection {
  public static final double LOW_HU = -500;
  public static final double HIGH_HU = 1500;
  public static final int LONGEST_SIDE = 512;

  /** Red, half opaque: the silhouette colour of the protocol's overlays. */
  public static final int LABEL_RGB = 0xFF0000;

  public static final double LABEL_OPACITY = 0.5;

  private FrontalProjection() {}

  public static ArgbImage render(Volume v, List<MaskSampler> labels) {
    return render(v, labels, LONGEST_SIDE);
  }

  public static ArgbImage render(Volume v, List<MaskSampler> labels, int longestSide) {
    VoxelAxes a = VoxelAxes.of(v.geometry());
    int ju = a.axis(0);
    int jv = a.axis(2);
    int nu = a.dim(ju);
    int nv = a.dim(jv);
    // Projection on the voxel grid of the two in-plane axes, in screen direction.
    boolean fu = a.forward(0, -1);
    boolean fv = a.forward(2, -1);
    int[][] uOf = new int[3][];
    int[][] vOf = new int[3][];
    int[] dims = {v.nx(), v.ny(), v.nz()};
    for (int j = 0; j < 3; j++) {
      uOf[j] = new int[dims[j]];
      vOf[j] = new int[dims[j]];
      for (int i = 0; i < dims[j]; i++) {
        if (j == ju) {
          uOf[j][i] = fu ? i : nu - 1 - i;
        } else if (j == jv) {
          vOf[j][i] = (fv ? i : nv - 1 - i) * nu;
        }
      }
    }
    double[] sum = new double[nu * nv];
    boolean[][] silhouettes = new boolean[labels.size()][nu * nv];
    int idx = 0;
    for (int z = 0; z < dims[2]; z++) {
      for (int y = 0; y < dims[1]; y++) {
        int rowBase = uOf[1][y] + uOf[2][z] + vOf[1][y] + vOf[2][z];
        for (int x = 0; x < dims[0]; x++, idx++) {
          int p = rowBase + uOf[0][x] + vOf[0][x];
          double hu = v.value(idx);
          sum[p] += hu < LOW_HU ? LOW_HU : Math.min(hu, HIGH_HU);
          for (int l = 0; l < labels.size(); l++) {
            if (!silhouettes[l][p] && labels.get(l).contains(x, y, z)) {
              silhouettes[l][p] = true;
            }
          }
        }
      }
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double s : sum) {
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
    double range = max > min ? max - min : 1;
    double widthMm = nu * a.spacingOf(ju);
    double heightMm = nv * a.spacingOf(jv);
    double mm = Math.max(widthMm, heightMm) / longestSide;
    int w = Math.max(1, (int) Math.round(widthMm / mm));
    int h = Math.max(1, (int) Math.round(heightMm / mm));
    int[] su = a.sampling(ju, true, w, mm);
    int[] sv = a.sampling(jv, true, h, mm);
    int[] px = new int[w * h];
    boolean[][] scaled = new boolean[labels.size()][w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = su[x] + nu * sv[y];
        int g = (int) Math.round((sum[p] - min) / range * 255);
        px[x + w * y] = SliceRenderer.argbGrey(g);
        for (int l = 0; l < labels.size(); l++) {
          scaled[l][x + w * y] = silhouettes[l][p];
        }
      }
    }
    for (boolean[] s : scaled) {
      SliceRenderer.blend(
          px, s, w, h, new Overlay((x, y, z) -> true, LABEL_RGB, LABEL_OPACITY, true));
    }
    return new ArgbImage(w, h, px, mm);
  }
}
