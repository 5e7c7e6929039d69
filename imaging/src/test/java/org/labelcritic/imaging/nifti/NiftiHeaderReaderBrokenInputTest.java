package org.labelcritic.imaging.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.labelcritic.imaging.nifti.CraftedNifti.gzip;
import static org.labelcritic.imaging.nifti.CraftedNifti.resource;
import static org.labelcritic.imaging.nifti.CraftedNifti.write;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.model.LabelCriticException;

/** Broken and hostile files, all generated here in a temporary folder. */
class NiftiHeaderReaderBrokenInputTest {

  @TempDir Path dir;

  private final NiftiHeaderReader reader = new NiftiHeaderReader();

  private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Path file) {
    return assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void craftedValidFileIsAcceptedSoTheOtherTestsFailForTheirOwnReason() throws Exception {
    NiftiHeader nii = reader.read(new CraftedNifti().writeNii(dir, "ok.nii"));
    NiftiHeader gz = reader.read(new CraftedNifti().writeGz(dir, "ok.nii.gz"));

    assertThat(nii.voxelCount()).isEqualTo(24);
    assertThat(gz.gzipped()).isTrue();
    assertThat(gz.gzipSizeMod32()).hasValue(352 + 24);
  }

  @Test
  void refusesEmptyFile() throws Exception {
    assertRefused(Files.createFile(dir.resolve("empty.nii"))).hasMessageContaining("empty");
  }

  @Test
  void refusesMissingFile() {
    assertRefused(dir.resolve("absent.nii")).hasMessageContaining("does not exist");
  }

  @Test
  void refusesTextFileAsNotNifti() {
    Path f = write(dir.resolve("notes.nii"), "hello, this is not an image\n".repeat(20).getBytes());
    assertRefused(f).hasMessageContaining("not a NIfTI file").hasMessageContaining("sizeof_hdr");
  }

  @Test
  void refusesBadMagic() {
    CraftedNifti n = new CraftedNifti();
    n.magic = "abc\0";
    assertRefused(n.writeNii(dir, "magic.nii")).hasMessageContaining("field 'magic'");
  }

  @Test
  void refusesHeaderOfHdrImgPairWithAClearReason() {
    CraftedNifti n = new CraftedNifti();
    n.magic = "ni1\0";
    assertRefused(n.writeNii(dir, "pair.nii")).hasMessageContaining(".hdr/.img pair");
  }

  @Test
  void refusesTruncatedHeader() throws Exception {
    byte[] head = Arrays.copyOf(Files.readAllBytes(resource("nifti/anatomical.nii")), 200);
    assertRefused(write(dir.resolve("cut.nii"), head)).hasMessageContaining("truncated header");
    assertRefused(write(dir.resolve("cut.nii.gz"), gzip(head)))
        .hasMessageContaining("truncated header");
  }

  @Test
  void refusesGzipCutInTheMiddleOfTheData() throws Exception {
    byte[] all = Files.readAllBytes(resource("nifti/example4d.nii.gz"));
    Path f = write(dir.resolve("half.nii.gz"), Arrays.copyOf(all, all.length / 2));
    assertRefused(f).hasMessageContaining("truncated");
  }

  @Test
  void refusesGzipCutInsideTheHeader() throws Exception {
    byte[] all = Files.readAllBytes(resource("nifti/example_nifti2.nii.gz"));
    Path f = write(dir.resolve("stub.nii.gz"), Arrays.copyOf(all, 60));
    assertRefused(f).hasMessageContaining("truncated");
  }

  @Test
  void refusesCorruptGzip() {
    byte[] junk = new byte[400];
    junk[0] = 0x1f;
    junk[1] = (byte) 0x8b;
    junk[2] = 99; // not "deflate"
    assertRefused(write(dir.resolve("junk.nii.gz"), junk))
        .hasMessageContaining("not a valid gzip stream");
  }

  @Test
  void refusesHeaderClaimingTenBillionVoxelsBeforeAllocating() {
    CraftedNifti n = new CraftedNifti().dims(10_000, 10_000, 100);
    n.dataBytes = 16;
    assertRefused(n.writeNii(dir, "huge.nii"))
        .hasMessageContaining("10000000000 voxels")
        .hasMessageContaining("limit");
    CraftedNifti n2 = new CraftedNifti().dims(100_000, 100_000, 1);
    n2.version = 2;
    n2.dataBytes = 16;
    assertRefused(n2.writeGz(dir, "huge2.nii.gz")).hasMessageContaining("limit");
  }

  @Test
  void refusesVoxelCountThatOverflows() {
    CraftedNifti n = new CraftedNifti().dims(2_000_000_000L, 2_000_000_000L, 2_000_000_000L);
    n.version = 2;
    n.dataBytes = 0;
    assertRefused(n.writeNii(dir, "overflow.nii")).hasMessageContaining("overflows");
  }

  @Test
  void honoursAConfiguredVoxelLimit() {
    Path f = new CraftedNifti().dims(10, 10, 10).writeNii(dir, "small.nii");
    assertThatThrownBy(() -> new NiftiHeaderReader(999).read(f))
        .hasMessageContaining("1000 voxels, more than the limit of 999");
  }

  @Test
  void refusesZeroAndNegativeDims() {
    CraftedNifti zero = new CraftedNifti().dims(4, 0, 3);
    assertRefused(zero.writeNii(dir, "zero.nii")).hasMessageContaining("field 'dim[2]'");
    CraftedNifti negative = new CraftedNifti().dims(4, 5, -3);
    assertRefused(negative.writeNii(dir, "neg.nii"))
        .hasMessageContaining("field 'dim[3]'")
        .hasMessageContaining("-3");
  }

  @Test
  void refusesNdimOutOfRange() {
    CraftedNifti n = new CraftedNifti();
    n.dim[0] = 0;
    assertRefused(n.writeNii(dir, "ndim0.nii")).hasMessageContaining("ndim is 0");
    n.dim[0] = 8;
    assertRefused(n.writeNii(dir, "ndim8.nii")).hasMessageContaining("ndim is 8");
  }

  @Test
  void refusesNanInfiniteAndZeroSpacing() {
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, 0}) {
      CraftedNifti n = new CraftedNifti();
      n.pixdim[3] = bad;
      assertRefused(n.writeNii(dir, "spacing.nii")).hasMessageContaining("field 'pixdim[3]'");
    }
  }

  @Test
  void refusesUnknownDatatype() {
    CraftedNifti n = new CraftedNifti();
    n.datatype = 3;
    assertRefused(n.writeNii(dir, "type.nii"))
        .hasMessageContaining("field 'datatype'")
        .hasMessageContaining("code 3");
  }

  @Test
  void refusesVoxOffsetInsideTheHeader() {
    CraftedNifti n = new CraftedNifti();
    n.voxOffset = 100;
    assertRefused(n.writeNii(dir, "offset.nii")).hasMessageContaining("field 'vox_offset'");
  }

  @Test
  void refusesDataShorterThanDeclaredInPlainAndGzippedFiles() {
    CraftedNifti n = new CraftedNifti().dims(10, 10, 10);
    n.dataBytes = 999;
    assertRefused(n.writeNii(dir, "short.nii"))
        .hasMessageContaining("data shorter than declared")
        .hasMessageContaining("1351 bytes")
        .hasMessageContaining("1352 bytes");
    assertRefused(n.writeGz(dir, "short.nii.gz"))
        .hasMessageContaining("data shorter than declared");
  }

  @Test
  void acceptsGzipOfSeveralMembersWhoseTrailerCoversOnlyTheLast() throws Exception {
    byte[] raw = new CraftedNifti().dims(10, 10, 10).bytes();
    byte[] first = gzip(Arrays.copyOf(raw, 500));
    byte[] second = gzip(Arrays.copyOfRange(raw, 500, raw.length));
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);

    NiftiHeader h = reader.read(write(dir.resolve("members.nii.gz"), both));

    assertThat(h.voxelCount()).isEqualTo(1000);
  }

  @Test
  void readsBigEndianCraftedNifti2() throws Exception {
    CraftedNifti n = new CraftedNifti().dims(3, 4, 5);
    n.version = 2;
    n.order = ByteOrder.BIG_ENDIAN;
    n.datatype = 512;
    n.bitpix = 16;

    NiftiHeader h = reader.read(n.writeGz(dir, "be2.nii.gz"));

    assertThat(h.version()).isEqualTo(2);
    assertThat(h.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
    assertThat(h.dataType()).isEqualTo(NiftiDataType.UINT16);
    assertThat(h.dataBytes()).isEqualTo(120);
  }

  @Test
  void usesQformWhenSformIsUnsetAndPixdimScalingWhenNeitherIs() throws Exception {
    CraftedNifti n = new CraftedNifti();
    n.qformCode = 1;
    n.pixdim = new double[] {-1, 2, 3, 4, 1, 1, 1, 1};
    // 90 degrees about z: a = cos 45, d = sin 45; qfac -1 flips the third column.
    n.quatern = new double[] {0, 0, Math.sqrt(0.5), 10, 20, 30};
    NiftiHeader q = reader.read(n.writeNii(dir, "qform.nii"));

    assertThat(q.orientation()).isEqualTo("ALI");
    NiftiHeaderReaderRealFilesTest.assertAffine(
        q.affine(), new double[][] {{0, -3, 0, 10}, {2, 0, 0, 20}, {0, 0, -4, 30}}, 1e-6);

    n.qformCode = 0;
    NiftiHeader none = reader.read(n.writeNii(dir, "none.nii"));
    assertThat(none.affine()).isEqualTo(Affine.scaling(2, 3, 4));
  }

  @Test
  void keepsExtensionPayloadAndPadding() throws Exception {
    CraftedNifti n = new CraftedNifti().extension(0, "<xml/>".getBytes());
    NiftiHeader h = reader.read(n.writeGz(dir, "ext.nii.gz"));

    assertThat(h.voxOffset()).isEqualTo(352 + 16);
    assertThat(h.extensions())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.ecode()).isZero();
              assertThat(e.size()).isEqualTo(8);
              assertThat(new String(e.data()).trim()).startsWith("<xml/>");
            });
  }
}
