package org.labelcritic.imaging.bench;

import java.util.concurrent.TimeUnit;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.MaskMetrics;
import org.labelcritic.imaging.mask.SurfaceDistances;
import org.labelcritic.imaging.volume.Geometry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Dice and HD95 of two liver-sized candidates on a 512 x 512 x 300 CT grid: two overlapping
 * ellipsoids of about 180 x 150 x 140 mm that differ in centre and radii by a few voxels.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
public class MaskMetricsBenchmark {

  BinaryMask a;
  BinaryMask b;

  @Setup
  public void masks() {
    Geometry g = Shapes.ctGrid();
    a = Shapes.ellipsoid(g, 256, 250, 150, 112, 94, 46);
    b = Shapes.ellipsoid(g, 260, 246, 152, 106, 98, 43);
  }

  /** What the agreement gate and the critic's pair features need. */
  @Benchmark
  public double diceAndHd95() {
    return MaskMetrics.dice(a, b) + SurfaceDistances.between(a, b).hd95Mm();
  }
}
