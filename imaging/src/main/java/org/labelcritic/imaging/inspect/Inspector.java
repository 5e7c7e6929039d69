package org.labelcritic.imaging.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.labelcritic.imaging.dicom.DicomFileReader;
import org.labelcritic.imaging.dicom.DicomSeriesReader;
import org.labelcritic.imaging.dicom.DicomSummary;
import org.labelcritic.imaging.labels.LabelTable;
import org.labelcritic.imaging.nifti.NiftiHeader;
import org.labelcritic.imaging.nifti.NiftiHeaderReader;
import org.labelcritic.imaging.nifti.NiftiReader;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.imaging.volume.Volume;
import org.labelcritic.model.LabelCriticException;

/**
 * Reads a file or series folder completely (as the viewer would) and describes it in lines. A label
 * map (an embedded label table, or at most {@value #MAX_LABELS} distinct whole values) also lists
 * its label values with their voxel counts and names.
 */
public final class Inspector {
  static final int MAX_LABELS = 256;

  private final NiftiHeaderReader headers = new NiftiHeaderReader();
  private final NiftiReader nifti = new NiftiReader();

  public List<String> inspect(Path path) throws LabelCriticException {
    if (Files.isDirectory(path)) {
      return new ArrayList<>(DicomSummary.of(new DicomSeriesReader().load(path)).lines());
    }
    if (!Files.isRegularFile(path)) {
      throw LabelCriticException.inFile(path, "no such file or folder");
    }
    return switch (sniff(path)) {
      case NIFTI -> niftiLines(path);
      case DICOM -> new ArrayList<>(DicomSummary.of(new DicomFileReader().read(path)).lines());
      case GZIP_OTHER ->
          throw LabelCriticException.inFile(
              path, "is gzip-compressed but holds no NIfTI image; if it is DICOM, gunzip it first");
    };
  }

  enum Kind {
    NIFTI,
    DICOM,
    GZIP_OTHER
  }

  /** NIfTI by its header size field (348 or 540, either byte order), gzip by its magic. */
  static Kind sniff(Path path) throws LabelCriticException {
    byte[] head = new byte[4];
    int n;
    try (InputStream in = Files.newInputStream(path)) {
      n = in.readNBytes(head, 0, 4);
    } catch (IOException e) {
      throw LabelCriticException.inFile(path, "cannot read: " + e.getMessage(), e);
    }
    if (n >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
      try {
        new NiftiHeaderReader().read(path);
        return Kind.NIFTI;
      } catch (LabelCriticException notNifti) {
        return Kind.GZIP_OTHER;
      }
    }
    if (n == 4) {
      int le = (head[0] & 0xFF) | (head[1] & 0xFF) << 8 | (head[2] & 0xFF) << 16 | head[3] << 24;
      int be = head[0] << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8 | (head[3] & 0xFF);
      if (le == 348 || le == 540 || be == 348 || be == 540) {
        return Kind.NIFTI;
      }
    }
    return Kind.DICOM;
  }

  /** Whole values without decimals, others with six significant digits. */
  static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%.6g", v);
  }

  private List<String> niftiLines(Path path) throws LabelCriticException {
    NiftiHeader h = headers.read(path);
    Volume v = nifti.read(h);
    Geometry g = v.geometry();
    List<String> out = new ArrayList<>();
    out.add("kind: NIfTI-" + h.version() + (h.gzipped() ? " (gzip)" : ""));
    out.add("file: " + path);
    out.add(
        "dims: "
            + g.dimsText()
            + (h.hasSeveralVolumes()
                ? "  (4-D: " + h.volumeCount() + " volumes; the first is read)"
                : ""));
    out.add(String.format(Locale.ROOT, "spacing: %.4g x %.4g x %.4g mm", g.sx(), g.sy(), g.sz()));
    out.add("orientation: " + g.affine().orientation());
    out.add(
        "datatype: "
            + h.dataType().name().toLowerCase(Locale.ROOT)
            + ", "
            + h.byteOrder().toString().toLowerCase(Locale.ROOT).replace('_', '-')
            + (h.isScaled()
                ? String.format(Locale.ROOT, ", scaled by %.6g + %.6g", h.sclSlope(), h.sclInter())
                : ""));
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    Map<Double, Long> counts = new TreeMap<>();
    boolean whole = true;
    int n = v.voxels().length();
    for (int i = 0; i < n; i++) {
      double x = v.value(i);
      min = Math.min(min, x);
      max = Math.max(max, x);
      if (whole && counts.size() <= MAX_LABELS) {
        if (x != Math.rint(x)) {
          whole = false;
        } else {
          counts.merge(x, 1L, Long::sum);
        }
      }
    }
    out.add("value range: " + num(min) + " .. " + num(max));
    Optional<LabelTable> table = LabelTable.fromNiftiExtensions(h);
    if (table.isPresent() || (whole && counts.size() <= MAX_LABELS && counts.size() > 1)) {
      out.add(
          "labels: "
              + (counts.size() - (counts.containsKey(0.0) ? 1 : 0))
              + " values"
              + (table.isPresent() ? " (names from the embedded label table)" : ""));
      counts.forEach(
          (value, count) -> {
            if (value != 0) {
              int key = (int) Math.round(value);
              String name = table.flatMap(t -> t.nameOf(key)).orElse("");
              out.add(String.format(Locale.ROOT, "  %5d  %-32s %,d voxels", key, name, count));
            }
          });
    }
    return out;
  }
}
