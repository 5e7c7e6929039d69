package org.labelcritic.imaging.dicom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.labelcritic.imaging.dicom.DicomSeriesReader;
import org.labelcritic.imaging.dicom.DicomTestWriter;
import org.labelcritic.imaging.volume.Volume;
import org.labelcritic.model.LabelCriticException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading a 512 x 512 x 300 int16 uncompressed series (written once per fork into a temporary
 * folder, file names shuffled against slice order) into a Volume, against plain reads of the same
 * files' bytes. Target: at most 1.5 times the plain reads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g"})
public class DicomSeriesLoadBenchmark {

  static final int SLICES = 300;

  private final DicomSeriesReader reader = new DicomSeriesReader();
  private Path dir;
  private List<Path> files;

  @Setup
  public void writeSeries() throws IOException {
    dir = Files.createTempDirectory("lcw-dicom-bench");
    short[] px = new short[512 * 512];
    for (int z = 0; z < SLICES; z++) {
      for (int k = 0; k < px.length; k++) {
        px[k] = (short) ((k * 31 + z * 7) % 3000 - 1000);
      }
      new DicomTestWriter()
          .slice(512, 512, -300 + 1.25 * z, true)
          .pixels(px)
          .write(dir.resolve(String.format(Locale.ROOT, "IM%04d", (z * 7919) % SLICES)));
    }
    try (Stream<Path> s = Files.list(dir)) {
      files = s.sorted().toList();
    }
  }

  @TearDown
  public void deleteSeries() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  @Benchmark
  public Volume dicomSeriesLoad() throws LabelCriticException {
    return reader.read(dir);
  }

  /** The least any reader must do: every file's bytes into memory. */
  @Benchmark
  public long plainFileReads() throws IOException {
    long bytes = 0;
    for (Path f : files) {
      bytes += Files.readAllBytes(f).length;
    }
    return bytes;
  }
}
