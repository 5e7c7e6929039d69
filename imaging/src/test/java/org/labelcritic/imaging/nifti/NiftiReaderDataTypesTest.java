package org.labelcritic.imaging.nifti;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.labelcritic.imaging.volume.Volume;
import org.labelcritic.imaging.volume.Volume.Voxels;

/** Every supported datatype, in both byte orders, both versions, plain and gzipped. */
class NiftiReaderDataTypesTest {

  @TempDir Path dir;

  private final NiftiReader reader = new NiftiReader();

  /** A 2x3x4 image of the given type whose 24 values are written by {@code put}. */
  private Path craft(
      int version, ByteOrder order, int datatype, int bitpix, boolean gz, ValueWriter put) {
    CraftedNifti c = new CraftedNifti();
    c.version = version;
    c.order = order;
    c.datatype = datatype;
    c.bitpix = bitpix;
    byte[] bytes = c.bytes();
    ByteBuffer b = ByteBuffer.wrap(bytes).order(order);
    b.position((version == 1 ? 348 : 540) + 4);
    for (int i = 0; i < 24; i++) {
      put.write(b, i);
    }
    String name = "t" + datatype + order + version + (gz ? ".nii.gz" : ".nii");
    return CraftedNifti.write(dir.resolve(name), gz ? CraftedNifti.gzip(bytes) : bytes);
  }

  interface ValueWriter {
    void write(ByteBuffer b, int i);
  }

  @ParameterizedTest
  @ValueSource(strings = {"LE1", "BE1", "LE2", "BE2", "LE1gz", "BE2gz"})
  void int16InEitherOrderAndVersion(String variant) throws Exception {
    ByteOrder order = variant.startsWith("LE") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    int version = variant.charAt(2) - '0';
    Path f =
        craft(
            version,
            order,
            4,
            16,
            variant.endsWith("gz"),
            (b, i) -> b.putShort((short) (i * 1000 - 12000)));

    Volume v = reader.read(f);

    assertThat(v.voxels()).isEqualTo(v.voxels()).isInstanceOf(Voxels.Shorts.class);
    assertThat(v.value(0)).isEqualTo(-12000);
    assertThat(v.value(23)).isEqualTo(11000);
    assertThat(v.value(1, 2, 3)).isEqualTo((1 + 2 * (2 + 3 * 3)) * 1000 - 12000);
  }

  @Test
  void uint8AndInt8KeepTheirSign() throws Exception {
    Volume u =
        reader.read(
            craft(1, ByteOrder.LITTLE_ENDIAN, 2, 8, false, (b, i) -> b.put((byte) (i * 10))));
    Volume s =
        reader.read(
            craft(1, ByteOrder.LITTLE_ENDIAN, 256, 8, false, (b, i) -> b.put((byte) (i * 10))));

    assertThat(u.value(20)).isEqualTo(200);
    assertThat(s.value(20)).isEqualTo(-56); // 200 as a signed byte
  }

  @Test
  void uint16AboveInt16RangeStaysUnsigned() throws Exception {
    Volume v =
        reader.read(
            craft(
                1,
                ByteOrder.BIG_ENDIAN,
                512,
                16,
                false,
                (b, i) -> b.putShort((short) (60000 + i))));

    assertThat(v.voxels()).isInstanceOf(Voxels.Shorts.class);
    assertThat(v.value(5)).isEqualTo(60005);
  }

  @Test
  void int32InShortRangeIsNarrowedAndBeyondItWidensToFloat() throws Exception {
    Volume narrow =
        reader.read(craft(1, ByteOrder.LITTLE_ENDIAN, 8, 32, true, (b, i) -> b.putInt(i - 1024)));
    Volume wide =
        reader.read(
            craft(
                2,
                ByteOrder.BIG_ENDIAN,
                8,
                32,
                false,
                (b, i) -> b.putInt(i < 20 ? i : 100000 + i)));

    assertThat(narrow.voxels()).isInstanceOf(Voxels.Shorts.class);
    assertThat(narrow.value(23)).isEqualTo(-1001);
    assertThat(wide.voxels()).isInstanceOf(Voxels.Floats.class);
    assertThat(wide.value(19)).isEqualTo(19);
    assertThat(wide.value(21)).isEqualTo(100021);
  }

  @Test
  void uint32ValuesAboveTwoToThe31AreNotNegative() throws Exception {
    Volume v =
        reader.read(
            craft(
                1,
                ByteOrder.LITTLE_ENDIAN,
                768,
                32,
                false,
                (b, i) -> b.putInt(i == 3 ? 0xF0000000 : i)));

    assertThat(v.voxels()).isInstanceOf(Voxels.Floats.class);
    assertThat(v.value(3)).isEqualTo(4026531840.0);
    assertThat(v.value(4)).isEqualTo(4);
  }

  @Test
  void float32AndFloat64() throws Exception {
    Volume f =
        reader.read(craft(1, ByteOrder.BIG_ENDIAN, 16, 32, false, (b, i) -> b.putFloat(i + 0.5f)));
    Volume d =
        reader.read(
            craft(2, ByteOrder.LITTLE_ENDIAN, 64, 64, true, (b, i) -> b.putDouble(i * 0.25)));
    Volume integral =
        reader.read(craft(1, ByteOrder.LITTLE_ENDIAN, 16, 32, false, (b, i) -> b.putFloat(-i)));

    assertThat(f.value(7)).isEqualTo(7.5);
    assertThat(d.value(9)).isEqualTo(2.25);
    assertThat(d.voxels()).isInstanceOf(Voxels.Floats.class);
    assertThat(integral.voxels()).isInstanceOf(Voxels.Shorts.class);
    assertThat(integral.value(23)).isEqualTo(-23);
  }

  @Test
  void slopeZeroMeansNoScaling() throws Exception {
    CraftedNifti c = new CraftedNifti();
    byte[] bytes = c.bytes();
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(112, 0f).putFloat(116, 50f);
    bytes[352 + 1] = 7;
    Volume v = reader.read(CraftedNifti.write(dir.resolve("s0.nii"), bytes));

    assertThat(v.slope()).isEqualTo(1);
    assertThat(v.intercept()).isEqualTo(0);
    assertThat(v.value(1)).isEqualTo(7);
  }

  @Test
  void slopeAndInterceptOnUint8() throws Exception {
    CraftedNifti c = new CraftedNifti();
    byte[] bytes = c.bytes();
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(112, 0.5f).putFloat(116, -10f);
    bytes[352 + 1] = (byte) 200;
    Volume v = reader.read(CraftedNifti.write(dir.resolve("s.nii"), bytes));

    assertThat(v.voxels()).isInstanceOf(Voxels.Bytes.class);
    assertThat(v.value(1)).isEqualTo(90); // 200 * 0.5 - 10
  }

  @Test
  void largeGzippedVolumeSpanningManyChunksDecodesEveryChunk() throws Exception {
    CraftedNifti c = new CraftedNifti().dims(128, 128, 100);
    c.datatype = 8;
    c.bitpix = 32;
    byte[] bytes = c.bytes();
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    b.position(352);
    for (int i = 0; i < 128 * 128 * 100; i++) {
      b.putInt(i % 30011 - 15000);
    }
    Volume v = reader.read(CraftedNifti.write(dir.resolve("big.nii.gz"), CraftedNifti.gzip(bytes)));

    assertThat(v.voxels()).isInstanceOf(Voxels.Shorts.class);
    for (int i : new int[] {0, 262143, 262144, 262145, 1638399}) {
      assertThat(v.value(i)).as("voxel %d", i).isEqualTo(i % 30011 - 15000);
    }
  }
}
