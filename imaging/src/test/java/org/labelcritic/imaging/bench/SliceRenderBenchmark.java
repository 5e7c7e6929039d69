package org.labelcritic.imaging.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.Box;
import org.labelcritic.imaging.render.ArgbImage;
import org.labelcritic.imaging.render.MaskSampler;
import org.labelcritic.imaging.render.Overlay;
import org.labelcritic.imaging.render.Plane;
import org.labelcritic.imaging.render.SliceRenderer;
import org.labelcritic.imaging.render.WindowLevel;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.imaging.volume.Volume;
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
 * One 512 x 512 axial slice of a synthetic 512 x 512 x 300 int16 CT with the abdomen window and
 * three overlays (liver and spleen filled, a kidney outlined), each read through {@link
 * BinaryMask#get}: what the viewer does for every slice change.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
public class SliceRenderBenchmark {

  static final int SLICE = 150;

  Volume ct;
  List<Overlay> plain;
  List<Overlay> bounded;

  @Setup
  public void scene() {
    Geometry g = Shapes.ctGrid();
    short[] hu = new short[(int) g.voxelCount()];
    Random r = new Random(1);
    for (int i = 0; i < hu.length; i++) {
      hu[i] = (short) (r.nextInt(2000) - 1000);
    }
    ct = new Volume(g, new Volume.Voxels.Shorts(hu, false), 1, 0, "synthetic CT");
    BinaryMask liver = Shapes.ellipsoid(g, 200, 250, 150, 110, 90, 60);
    BinaryMask spleen = Shapes.ellipsoid(g, 360, 240, 160, 45, 35, 40);
    BinaryMask kidney = Shapes.ellipsoid(g, 330, 330, 140, 30, 25, 35);
    plain =
        List.of(
            new Overlay(liver::get, 0xFF0000, 0.4, true),
            new Overlay(spleen::get, 0x00FF00, 0.4, true),
            new Overlay(kidney::get, 0x0000FF, 1, false));
    bounded =
        List.of(
            new Overlay(sampler(liver), 0xFF0000, 0.4, true),
            new Overlay(sampler(spleen), 0x00FF00, 0.4, true),
            new Overlay(sampler(kidney), 0x0000FF, 1, false));
    // The bounded path is a shortcut, not another picture.
    if (!Arrays.equals(renderAxial().pixels(), renderAxialBounded().pixels())) {
      throw new IllegalStateException("bounded overlays render differently");
    }
  }

  /** A mask as the viewer hands it to the renderer: its voxels and its bounding box. */
  static MaskSampler sampler(BinaryMask m) {
    Box b = m.bounds();
    return MaskSampler.within(b.x0(), b.y0(), b.z0(), b.x1(), b.y1(), b.z1(), m::get);
  }

  /** Overlays given only as {@code BinaryMask::get}: every pixel asks every mask. */
  @Benchmark
  public ArgbImage renderAxial() {
    return SliceRenderer.render(ct, Plane.AXIAL, SLICE, WindowLevel.ABDOMEN, plain);
  }

  /** Overlays that carry their bounding box: only pixels inside it ask the mask. */
  @Benchmark
  public ArgbImage renderAxialBounded() {
    return SliceRenderer.render(ct, Plane.AXIAL, SLICE, WindowLevel.ABDOMEN, bounded);
  }
}
