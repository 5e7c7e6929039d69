package org.labelcritic.imaging.dicom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.labelcritic.imaging.dicom.DicomSeriesReader;
import org.labelcritic.imaging.dicom.DicomTestWriter;
import org.labelcritic.imaging.volume.Volume;

/**
 * Loading a 512x512x300 int16 uncompressed series against plain reads of the same files' bytes, in
 * one JVM with warm-up and several timed repetitions (the imaging module has no JMH yet). Target:
 * at most 1.5 times the plain reads. Run with {@code -Xmx2g}; args: [slices] [repetitions].
 */
public final class DicomSeriesLoadBenchmark {
  private DicomSeriesLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int slices = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    Path dir = Files.createTempDirectory("lcw-dicom-bench");
    try {
      write(dir, slices);
      List<Path> files;
      try (Stream<Path> s = Files.list(dir)) {
        files = s.sorted().toList();
      }
      DicomSeriesReader reader = new DicomSeriesReader();
      for (int w = 0; w < 3; w++) {
        plain(files);
        reader.read(dir);
      }
      double[] plain = new double[reps];
      double[] dicom = new double[reps];
      long check = 0;
      for (int r = 0; r < reps; r++) {
        // Collect before each timed run so neither side pays for the other's garbage.
        System.gc();
        long t0 = System.nanoTime();
        check += plain(files);
        plain[r] = (System.nanoTime() - t0) / 1e6;
        System.gc();
        long t1 = System.nanoTime();
        Volume v = reader.read(dir);
        dicom[r] = (System.nanoTime() - t1) / 1e6;
        check += v.voxels().length();
      }
      double p = median(plain);
      double d = median(dicom);
      System.out.printf(
          Locale.ROOT,
          "fastest: plain %.1f ms, DicomSeriesReader %.1f ms, ratio %.2f%n",
          Arrays.stream(plain).min().orElseThrow(),
          Arrays.stream(dicom).min().orElseThrow(),
          Arrays.stream(dicom).min().orElseThrow() / Arrays.stream(plain).min().orElseThrow());
      System.out.printf(
          Locale.ROOT,
          "512x512x%d int16: plain reads %.1f ms, DicomSeriesReader %.1f ms (medians of %d),"
              + " ratio %.2f (target <= 1.5) [%d]%n",
          slices,
          p,
          d,
          reps,
          d / p,
          check);
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
  }

  private static long plain(List<Path> files) throws IOException {
    long bytes = 0;
    for (Path f : files) {
      bytes += Files.readAllBytes(f).length;
    }
    return bytes;
  }

  private static void write(Path dir, int slices) throws IOException {
    short[] px = new short[512 * 512];
    for (int z = 0; z < slices; z++) {
      for (int k = 0; k < px.length; k++) {
        px[k] = (short) ((k * 31 + z * 7) % 3000 - 1000);
      }
      new DicomTestWriter()
          .slice(512, 512, -300 + 1.25 * z, true)
          .pixels(px)
          .write(dir.resolve(String.format(Locale.ROOT, "IM%04d", (z * 7919) % slices)));
    }
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
