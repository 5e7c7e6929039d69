package org.labelcritic.imaging.nifti;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;

/**
 * Damaged and hostile files: each must end in a {@link LabelCriticException} that names the file
 * and the problem, before any large allocation.
 */
class NiftiReaderBrokenInputTest {

  @TempDir Path dir;

  private final NiftiReader reader = new NiftiReader();

  private void assertFails(Path file, String message) {
    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining(file.getFileName().toString())
        .hasMessageContaining(message);
  }

  private static CraftedNifti ct() {
    CraftedNifti c = new CraftedNifti().dims(64, 64, 40);
    c.datatype = 4;
    c.bitpix = 16;
    return c;
  }

  @Test
  void truncatedGzip() {
    byte[] gz = CraftedNifti.gzip(ct().bytes());
    // Random-looking data, so that the cut falls inside the deflate stream, not in zeros.
    Path f = CraftedNifti.write(dir.resolve("cut.nii.gz"), Arrays.copyOf(gz, gz.length / 2));

    assertFails(f, "truncated");
  }

  @Test
  void truncatedGzipOfNonTrivialData() {
    byte[] raw = ct().bytes();
    for (int i = 352; i < raw.length; i++) {
      raw[i] = (byte) (i * 2654435761L >>> 13);
    }
    byte[] gz = CraftedNifti.gzip(raw);
    Path f = CraftedNifti.write(dir.resolve("cut2.nii.gz"), Arrays.copyOf(gz, gz.length - 300));

    assertThatThrownBy(() -> reader.read(f))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("cut2.nii.gz");
  }

  @Test
  void dataShorterThanDeclaredInAPlainFile() {
    CraftedNifti c = ct();
    c.dataBytes = 1000;

    assertFails(c.writeNii(dir, "short.nii"), "data shorter than declared");
  }

  @Test
  void dataShorterThanDeclaredInACompleteGzipStream() {
    CraftedNifti c = ct();
    c.dataBytes = 1000;

    assertFails(c.writeGz(dir, "short.nii.gz"), "data shorter than declared");
  }

  @Test
  void headerClaimingTenBillionVoxels() {
    CraftedNifti c = new CraftedNifti().dims(30000, 30000, 12);
    c.dataBytes = 0;

    assertFails(c.writeGz(dir, "huge.nii.gz"), "more than the limit");
  }

  @Test
  void headerClaimingMoreThanTheGzipFileCanHoldIsRefusedBeforeInflating() {
    // 1.8e9 voxels pass the default voxel limit; 11 bytes of compressed zeros cannot hold them.
    CraftedNifti c = new CraftedNifti().dims(30000, 30000, 2);
    c.dataBytes = 0;

    assertFails(c.writeGz(dir, "claims.nii.gz"), "data shorter than declared");
  }

  @Test
  void configuredVoxelLimit() {
    Path f = ct().writeNii(dir, "limit.nii");

    assertThatThrownBy(() -> new NiftiReader(1000).read(f))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("limit.nii")
        .hasMessageContaining("more than the limit of 1000");
  }

  @Test
  void zeroAndNegativeDims() {
    CraftedNifti zero = new CraftedNifti().dims(4, 0, 3);
    CraftedNifti negative = new CraftedNifti().dims(4, -2, 3);

    assertFails(zero.writeNii(dir, "zero.nii"), "must be at least 1");
    assertFails(negative.writeNii(dir, "neg.nii"), "must be at least 1");
  }

  @Test
  void nanSpacing() {
    CraftedNifti c = new CraftedNifti();
    c.pixdim[2] = Double.NaN;

    assertFails(c.writeNii(dir, "nan.nii"), "pixdim[2]");
  }

  @Test
  void nanInTheSform() {
    CraftedNifti c = new CraftedNifti();
    c.sformCode = 1;
    c.srow[1][3] = Double.NaN;

    assertFails(c.writeNii(dir, "nansform.nii"), "non-finite");
  }

  @Test
  void unsupportedDatatype() {
    CraftedNifti c = new CraftedNifti();
    c.datatype = 128;
    c.bitpix = 24;

    assertFails(c.writeNii(dir, "rgb.nii"), "unsupported datatype rgb24");
  }

  @Test
  void corruptedGzipPayloadFailsItsCrc() {
    byte[] gz = CraftedNifti.gzip(ct().bytes());
    gz[gz.length - 6] ^= 0x55; // inside the CRC32 of the trailer

    assertFails(CraftedNifti.write(dir.resolve("crc.nii.gz"), gz), "gzip");
  }

  @Test
  void notAFile() {
    assertFails(dir.resolve("missing.nii.gz"), "does not exist");
  }
}
