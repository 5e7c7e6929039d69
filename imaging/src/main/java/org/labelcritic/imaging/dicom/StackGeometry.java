package org.labelcritic.imaging.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.model.LabelCriticException;

/**
 * Orders the slices of a stack (files of a series, or frames of a multi-frame file) by their
 * position along the slice normal (row direction x column direction, dotted with
 * ImagePositionPatient), checks that they share one orientation and pixel spacing and are evenly
 * spaced, and builds the voxel-to-world affine in RAS+ mm (DICOM's patient space is LPS+, so the
 * first two world rows change sign).
 */
final class StackGeometry {
  private static final double ORIENTATION_TOLERANCE = 1e-3;
  private static final double[] AXIAL = {1, 0, 0, 0, 1, 0};

  /** Where one slice lies; any part may be null when the file does not say. */
  record Placement(String label, double[] position, double[] orientation, double[] spacing) {}

  /** The slices in volume order and the grid they make. */
  record Result(
      int[] order, double sx, double sy, double sz, Affine affine, List<String> warnings) {}

  private StackGeometry() {}

  static Result arrange(
      Path where,
      List<Placement> slices,
      double fallbackSliceSpacing,
      DicomReadOptions.UnevenSpacing policy)
      throws LabelCriticException {
    List<String> warnings = new ArrayList<>();
    double[] iop = orientation(where, slices, warnings);
    double[] row = unit(Arrays.copyOfRange(iop, 0, 3));
    double[] col = unit(Arrays.copyOfRange(iop, 3, 6));
    double[] normal = unit(cross(row, col));
    double[] spacing = pixelSpacing(where, slices, warnings);
    int n = slices.size();
    boolean positioned = slices.stream().allMatch(s -> s.position() != null);
    int[] order = IntStream.range(0, n).toArray();
    double[] origin = {0, 0, 0};
    double[] step = scale(normal, fallbackSliceSpacing);
    if (positioned) {
      double[] d = slices.stream().mapToDouble(s -> dot(normal, s.position())).toArray();
      order =
          IntStream.range(0, n)
              .boxed()
              .sorted(Comparator.comparingDouble(k -> d[k]))
              .mapToInt(Integer::intValue)
              .toArray();
      origin = slices.get(order[0]).position().clone();
      if (n > 1) {
        checkSpacing(where, slices, order, d, policy, warnings);
        double[] last = slices.get(order[n - 1]).position();
        step = scale(minus(last, origin), 1.0 / (n - 1));
      }
    } else if (n > 1 || slices.get(0).position() == null) {
      warnings.add(
          "no ImagePositionPatient on every slice: slices kept in file order, "
              + fmt(fallbackSliceSpacing)
              + " mm apart, origin unknown");
    } else {
      origin = slices.get(0).position().clone();
    }
    double sx = spacing[1];
    double sy = spacing[0];
    double[] c0 = scale(row, sx);
    double[] c1 = scale(col, sy);
    double[] rx = {-c0[0], -c1[0], -step[0], -origin[0]};
    double[] ry = {-c0[1], -c1[1], -step[1], -origin[1]};
    double[] rz = {c0[2], c1[2], step[2], origin[2]};
    double sz = Math.sqrt(dot(step, step));
    return new Result(order, sx, sy, sz, Affine.fromRows(rx, ry, rz), warnings);
  }

  private static double[] orientation(Path where, List<Placement> slices, List<String> warnings)
      throws LabelCriticException {
    Placement first = null;
    for (Placement s : slices) {
      if (s.orientation() == null) {
        continue;
      }
      if (first == null) {
        first = s;
      } else if (maxDiff(first.orientation(), s.orientation()) > ORIENTATION_TOLERANCE) {
        throw LabelCriticException.inFile(
            where,
            "the slices have different orientations (ImageOrientationPatient "
                + fmt(first.orientation())
                + " in "
                + first.label()
                + ", "
                + fmt(s.orientation())
                + " in "
                + s.label()
                + "): a radial or localiser series cannot be stacked into one volume");
      }
    }
    if (first == null) {
      warnings.add("no ImageOrientationPatient: axial orientation assumed");
      return AXIAL;
    }
    double[] o = first.orientation();
    if (Math.abs(dot(unit(new double[] {o[0], o[1], o[2]}), unit(new double[] {o[3], o[4], o[5]})))
            > 1e-2
        || norm(o, 0) < 1e-6
        || norm(o, 3) < 1e-6) {
      throw LabelCriticException.inFile(
          where, "ImageOrientationPatient " + fmt(o) + " is not two perpendicular directions");
    }
    return o;
  }

  private static double[] pixelSpacing(Path where, List<Placement> slices, List<String> warnings)
      throws LabelCriticException {
    double[] first = slices.get(0).spacing();
    for (Placement s : slices) {
      double[] sp = s.spacing();
      if ((sp == null) != (first == null)
          || sp != null && maxDiff(sp, first) > 1e-4 * Math.max(1, Math.abs(first[0]))) {
        throw LabelCriticException.inFile(
            where,
            "the slices have different PixelSpacing ("
                + fmt(first)
                + " in "
                + slices.get(0).label()
                + ", "
                + fmt(sp)
                + " in "
                + s.label()
                + ")");
      }
    }
    if (first == null) {
      warnings.add("no PixelSpacing: 1 mm pixels assumed");
      return new double[] {1, 1};
    }
    if (!(first[0] > 0 && first[1] > 0)) {
      throw LabelCriticException.inFile(where, "PixelSpacing " + fmt(first) + " is not positive");
    }
    return first;
  }

  private static void checkSpacing(
      Path where,
      List<Placement> slices,
      int[] order,
      double[] d,
      DicomReadOptions.UnevenSpacing policy,
      List<String> warnings)
      throws LabelCriticException {
    int n = order.length;
    double[] gaps = new double[n - 1];
    for (int k = 0; k + 1 < n; k++) {
      gaps[k] = d[order[k + 1]] - d[order[k]];
      if (gaps[k] < 1e-3) {
        throw LabelCriticException.inFile(
            where,
            "two slices lie at the same position ("
                + fmt(d[order[k]])
                + " mm along the normal): "
                + slices.get(order[k]).label()
                + " and "
                + slices.get(order[k + 1]).label()
                + " (several acquisitions, echoes or phases in one folder?)");
      }
    }
    double[] sorted = gaps.clone();
    Arrays.sort(sorted);
    double median = sorted[sorted.length / 2];
    int worst = 0;
    for (int k = 1; k < gaps.length; k++) {
      if (Math.abs(gaps[k] - median) > Math.abs(gaps[worst] - median)) {
        worst = k;
      }
    }
    double tolerance = Math.max(0.01, 0.01 * median);
    if (Math.abs(gaps[worst] - median) > tolerance) {
      String what =
          "uneven slice spacing: a gap of "
              + fmt(gaps[worst])
              + " mm between "
              + slices.get(order[worst]).label()
              + " (at "
              + fmt(d[order[worst]])
              + " mm) and "
              + slices.get(order[worst + 1]).label()
              + " (at "
              + fmt(d[order[worst + 1]])
              + " mm), where the typical gap is "
              + fmt(median)
              + " mm (missing slices?)";
      if (policy == DicomReadOptions.UnevenSpacing.REFUSE) {
        throw LabelCriticException.inFile(where, what);
      }
      warnings.add(what + "; read with an even spacing, so positions are approximate");
    }
  }

  static double[] cross(double[] a, double[] b) {
    return new double[] {
      a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]
    };
  }

  static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  private static double norm(double[] a, int from) {
    return Math.sqrt(a[from] * a[from] + a[from + 1] * a[from + 1] + a[from + 2] * a[from + 2]);
  }

  private static double[] unit(double[] a) {
    double len = norm(a, 0);
    return len == 0 ? a : scale(a, 1 / len);
  }

  private static double[] scale(double[] a, double s) {
    return new double[] {a[0] * s, a[1] * s, a[2] * s};
  }

  private static double[] minus(double[] a, double[] b) {
    return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
  }

  private static double maxDiff(double[] a, double[] b) {
    double m = 0;
    for (int k = 0; k < Math.min(a.length, b.length); k++) {
      m = Math.max(m, Math.abs(a[k] - b[k]));
    }
    return a.length == b.length ? m : Double.POSITIVE_INFINITY;
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static String fmt(double[] v) {
    if (v == null) {
      return "none";
    }
    StringBuilder sb = new StringBuilder();
    for (double x : v) {
      sb.append(sb.isEmpty() ? "" : "\\").append(String.format(Locale.ROOT, "%.4g", x));
    }
    return sb.toString();
  }
}
