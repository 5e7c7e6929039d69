package org.labelcritic.app.ui.viewer;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.Box;
import org.labelcritic.imaging.nifti.NiftiWriter;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.importing.FileDigests;
import org.labelcritic.model.store.Store;

/**
 * A synthetic 512 x 512 x 300 int16 CT (0.8 x 0.8 x 1.5 mm, a body-like phantom with noise) with
 * three organ-sized candidate masks, written to disk and registered in a store: the size the
 * viewer's targets are set for, for its benchmark and its responsiveness test.
 */
public final class SyntheticCt {
  /** The scan's grid. */
  public static final Geometry GRID =
      new Geometry(512, 512, 300, 0.8, 0.8, 1.5, Affine.scaling(0.8, 0.8, 1.5));

  private SyntheticCt() {}

  /** Writes a synthetic CT and three masks and registers them as an item with three candidates. */
  public static long caseOnDisk(Store store, Path dir, String name, long structure, int shift)
      throws Exception {
    Path ct = dir.resolve(name + "-ct.nii");
    writeCt(ct, shift);
    NiftiWriter w = new NiftiWriter();
    Path[] masks = masks(dir, name);
    w.write(masks[0], ellipsoid(200 + shift, 250, 150, 110, 90, 60));
    w.write(masks[1], ellipsoid(205 + shift, 245, 152, 112, 88, 58));
    w.write(masks[2], ellipsoid(360, 240, 160, 45, 35, 40));
    return register(store, name, ct, masks, structure);
  }

  /**
   * Registers an item named {@code name} on a CT and three masks already on disk (several items may
   * share the files), with the masks as candidates from three models; its id.
   */
  public static long register(Store store, String name, Path ct, Path[] masks, long structure)
      throws Exception {
    long[] sources = {
      store.sourceId("model-a", SourceKind.MODEL, "1"),
      store.sourceId("model-b", SourceKind.MODEL, "1"),
      store.sourceId("model-c", SourceKind.MODEL, "1")
    };
    return store
        .writer()
        .inTransaction(
            b -> {
              long id = b.item(ItemKind.VOLUME, name, FileDigests.ref(ct), null, "{}").id();
              for (int i = 0; i < 3; i++) {
                b.candidate(
                    id,
                    structure,
                    sources[i],
                    new CandidateLabel.Mask(FileDigests.ref(masks[i]), new TreeSet<>(List.of(1))));
              }
              return id;
            });
  }

  /** The three mask files {@link #caseOnDisk} wrote for the case {@code name}. */
  public static Path[] masks(Path dir, String name) {
    return new Path[] {
      dir.resolve(name + "-a.nii.gz"),
      dir.resolve(name + "-b.nii.gz"),
      dir.resolve(name + "-c.nii.gz")
    };
  }

  /** An uncompressed int16 NIfTI-1 file of a smooth body-like phantom with noise. */
  public static void writeCt(Path file, int shift) throws Exception {
    ByteBuffer h = ByteBuffer.allocate(352).order(ByteOrder.LITTLE_ENDIAN);
    h.putInt(0, 348);
    h.putShort(40, (short) 3);
    h.putShort(42, (short) GRID.nx());
    h.putShort(44, (short) GRID.ny());
    h.putShort(46, (short) GRID.nz());
    for (int i = 4; i < 8; i++) {
      h.putShort(40 + 2 * i, (short) 1);
    }
    h.putShort(70, (short) 4); // int16
    h.putShort(72, (short) 16);
    h.putFloat(76, 1f);
    h.putFloat(80, (float) GRID.sx());
    h.putFloat(84, (float) GRID.sy());
    h.putFloat(88, (float) GRID.sz());
    h.putFloat(108, 352f);
    h.putFloat(112, 1f);
    h.put(123, (byte) 2);
    h.putShort(254, (short) 1); // sform: scanner
    h.putFloat(280, (float) GRID.sx());
    h.putFloat(300, (float) GRID.sy());
    h.putFloat(320, (float) GRID.sz());
    h.put(344, "n+1\0".getBytes(StandardCharsets.US_ASCII));
    java.util.Random r = new java.util.Random(shift);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      out.write(h.array());
      ByteBuffer slice =
          ByteBuffer.allocate(2 * GRID.nx() * GRID.ny()).order(ByteOrder.LITTLE_ENDIAN);
      for (int z = 0; z < GRID.nz(); z++) {
        slice.clear();
        for (int y = 0; y < GRID.ny(); y++) {
          for (int x = 0; x < GRID.nx(); x++) {
            double dx = (x - 256 - shift) / 220.0;
            double dy = (y - 256) / 180.0;
            int hu = dx * dx + dy * dy < 1 ? 40 + r.nextInt(60) : -1000 + r.nextInt(30);
            slice.putShort((short) hu);
          }
        }
        out.write(slice.array());
      }
    }
  }

  private static BinaryMask ellipsoid(
      double cx, double cy, double cz, double rx, double ry, double rz) {
    Box box =
        new Box(
            (int) Math.max(0, Math.floor(cx - rx)),
            (int) Math.max(0, Math.floor(cy - ry)),
            (int) Math.max(0, Math.floor(cz - rz)),
            (int) Math.min(GRID.nx(), Math.ceil(cx + rx) + 1),
            (int) Math.min(GRID.ny(), Math.ceil(cy + ry) + 1),
            (int) Math.min(GRID.nz(), Math.ceil(cz + rz) + 1));
    BinaryMask.Builder b = new BinaryMask.Builder(GRID, box);
    for (int z = box.z0(); z < box.z1(); z++) {
      for (int y = box.y0(); y < box.y1(); y++) {
        for (int x = box.x0(); x < box.x1(); x++) {
          double dx = (x - cx) / rx;
          double dy = (y - cy) / ry;
          double dz = (z - cz) / rz;
          if (dx * dx + dy * dy + dz * dz <= 1) {
            b.set(x, y, z);
          }
        }
      }
    }
    return b.build();
  }
}
