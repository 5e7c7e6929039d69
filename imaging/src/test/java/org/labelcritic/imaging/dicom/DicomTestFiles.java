package org.labelcritic.imaging.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.labelcritic.imaging.nifti.NiftiHeader;
import org.labelcritic.imaging.nifti.NiftiHeaderReader;
import org.labelcritic.imaging.volume.Volume;

/** Paths of the copied test files (see DICOM-TESTDATA.md) and small readers for the references. */
final class DicomTestFiles {
  static final Path RESOURCES = Path.of("src/test/resources");

  private DicomTestFiles() {}

  static Path dicom(String relative) {
    return RESOURCES.resolve("dicom").resolve(relative);
  }

  static Path series(String name) {
    return RESOURCES.resolve("dicom-series").resolve(name);
  }

  static Path resource(String relative) {
    return RESOURCES.resolve(relative);
  }

  /** Stored values of a volume as ints (unsigned or signed per the voxel type). */
  static int[] stored(Volume v) {
    int[] out = new int[v.voxels().length()];
    for (int k = 0; k < out.length; k++) {
      out[k] = (int) v.voxels().stored(k);
    }
    return out;
  }

  /** A NIfTI reference's header and raw data bytes (gunzipped when needed). */
  record Nifti(NiftiHeader header, ByteBuffer data) {
    int int16(long index) {
      return data.getShort((int) (2 * index));
    }

    int uint8(long index) {
      return data.get((int) index) & 0xFF;
    }
  }

  static Nifti nifti(Path file) throws Exception {
    NiftiHeader h = new NiftiHeaderReader().read(file);
    byte[] all;
    try (InputStream in =
        file.toString().endsWith(".gz")
            ? new GZIPInputStream(Files.newInputStream(file))
            : Files.newInputStream(file)) {
      all = in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ByteBuffer data =
        ByteBuffer.wrap(all, (int) h.voxOffset(), (int) h.dataBytes())
            .slice()
            .order(h.byteOrder() == null ? ByteOrder.LITTLE_ENDIAN : h.byteOrder());
    return new Nifti(h, data);
  }
}
