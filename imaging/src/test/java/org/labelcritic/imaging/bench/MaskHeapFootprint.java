package org.labelcritic.imaging.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.imaging.volume.Volume;

/**
 * Heap used by a 512 x 512 x 300 int16 CT and 30 candidate masks (10 abdominal structures x 3
 * sources, organ-sized ellipsoids), both as counted from the arrays and as measured on the heap
 * after a full GC. Not a JMH benchmark: it measures space, once.
 *
 * @param ctBytes the CT's voxel array
 * @param maskBytes the 30 masks, counted
 * @param measuredBytes heap growth after building CT + masks, measured
 */
record MaskHeapFootprint(long ctBytes, long maskBytes, long measuredBytes) {

  /** Radii in voxels (x, y, z) of liver, spleen, kidneys, stomach, pancreas, gallbladder, ... */
  private static final double[][] ORGANS = {
    {110, 90, 60}, {45, 35, 40}, {30, 25, 35}, {30, 25, 35}, {60, 45, 35},
    {55, 18, 15}, {20, 18, 25}, {14, 14, 100}, {16, 16, 80}, {50, 30, 20}
  };

  static MaskHeapFootprint measure() {
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(mem);
    Geometry g = Shapes.ctGrid();
    short[] hu = new short[(int) g.voxelCount()];
    Random r = new Random(1);
    for (int i = 0; i < hu.length; i++) {
      hu[i] = (short) (r.nextInt(2000) - 1000);
    }
    Volume ct = new Volume(g, new Volume.Voxels.Shorts(hu, false), 1, 0, "synthetic CT");
    List<BinaryMask> masks = new ArrayList<>();
    for (int source = 0; source < 3; source++) {
      for (double[] o : ORGANS) {
        double cx = 150 + r.nextInt(200);
        double cy = 150 + r.nextInt(200);
        double cz = 100 + r.nextInt(100);
        double jitter = 1 + (r.nextDouble() - 0.5) * 0.1;
        masks.add(Shapes.ellipsoid(g, cx, cy, cz, o[0] * jitter, o[1] * jitter, o[2] * jitter));
      }
    }
    long measured = usedAfterGc(mem) - before;
    long maskBytes = masks.stream().mapToLong(BinaryMask::bytes).sum();
    // Keep both reachable until after the measurement.
    if (ct.bytes() + masks.size() < 0) {
      throw new IllegalStateException();
    }
    return new MaskHeapFootprint(ct.bytes(), maskBytes, measured);
  }

  private static long usedAfterGc(MemoryMXBean mem) {
    for (int i = 0; i < 3; i++) {
      mem.gc();
    }
    return mem.getHeapMemoryUsage().getUsed();
  }
}
