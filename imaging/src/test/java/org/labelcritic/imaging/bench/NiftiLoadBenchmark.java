package org.labelcritic.imaging.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.labelcritic.imaging.nifti.NiftiReader;
import org.labelcritic.imaging.volume.Volume;
import org.labelcritic.model.LabelCriticException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading the 112-slice demo CT (int32 .nii.gz, 2.2 MB) into a Volume, against the least any reader
 * must do: inflating the same file into a byte sink with GZIPInputStream.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
public class NiftiLoadBenchmark {

  /** Relative to the imaging module, where Maven runs the benchmarks. */
  static final Path DEMO_CT = Path.of("../resources/demo/volumes/images/example-ct/ct.nii.gz");

  private final NiftiReader reader = new NiftiReader();
  private final byte[] sink = new byte[1 << 16];

  @Benchmark
  public Volume niftiLoad() throws LabelCriticException {
    return reader.read(DEMO_CT);
  }

  @Benchmark
  public long plainGzipRead() throws IOException {
    long n = 0;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(DEMO_CT), 1 << 16)) {
      int r;
      while ((r = in.read(sink)) >= 0) {
        n += r;
      }
    }
    return n;
  }
}
