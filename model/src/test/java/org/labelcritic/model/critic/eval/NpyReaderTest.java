package org.labelcritic.model.critic.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;

class NpyReaderTest {
  @TempDir Path dir;

  /** A .npy file as NumPy writes it: magic, version, header padded to 64 bytes, data. */
  static byte[] npy(int major, String header, byte[] data) {
    int prefix = major == 1 ? 10 : 12;
    String h = header;
    int total = prefix + h.length() + 1;
    h = h + " ".repeat((64 - total % 64) % 64) + "\n";
    ByteBuffer b =
        ByteBuffer.allocate(prefix + h.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
    if (major == 1) {
      b.putShort((short) h.length());
    } else {
      b.putInt(h.length());
    }
    b.put(h.getBytes(StandardCharsets.ISO_8859_1));
    b.put(data);
    return b.array();
  }

  static byte[] f8(double... v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (double d : v) {
      b.putDouble(d);
    }
    return b.array();
  }

  static byte[] u2(int... v) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int x : v) {
      out.write(x & 0xff);
      out.write((x >> 8) & 0xff);
    }
    return out.toByteArray();
  }

  @Test
  void readsATwoDimensionalFloat64ArrayInCOrder() {
    NpyArray a =
        NpyReader.parse(
            npy(
                1,
                "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }",
                f8(1, 2, 3, 4, 5, 6.5)));
    assertThat(a.shape()).containsExactly(2, 3);
    assertThat(a.get(1, 2)).isEqualTo(6.5);
    assertThat(a.get(0, 1)).isEqualTo(2);
  }

  @Test
  void readsUint16VectorsAboveTheSignedRangeAndVersion2Headers() {
    NpyArray a =
        NpyReader.parse(
            npy(2, "{'descr': '<u2', 'fortran_order': False, 'shape': (3,), }", u2(7, 0, 65535)));
    assertThat(a.shape()).containsExactly(3);
    assertThat(a.get(2)).isEqualTo(65535);
    assertThat(a.dtype()).isEqualTo("<u2");
  }

  @Test
  void refusesOtherDtypesFortranOrderAndWrongSizesWithAClearMessage() {
    assertThatThrownBy(
            () ->
                NpyReader.parse(
                    npy(1, "{'descr': '<i4', 'fortran_order': False, 'shape': (1,), }", u2(1, 0))))
        .hasMessageContaining("dtype '<i4' is not supported");
    assertThatThrownBy(
            () ->
                NpyReader.parse(
                    npy(1, "{'descr': '>f8', 'fortran_order': False, 'shape': (1,), }", f8(1))))
        .hasMessageContaining("'>f8'");
    assertThatThrownBy(
            () ->
                NpyReader.parse(
                    npy(1, "{'descr': '<f8', 'fortran_order': True, 'shape': (1,), }", f8(1))))
        .hasMessageContaining("Fortran order");
    assertThatThrownBy(
            () ->
                NpyReader.parse(
                    npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", f8(1))))
        .hasMessageContaining("needs 24 data bytes, the file has 8");
    assertThatThrownBy(
            () -> NpyReader.parse(npy(1, "{'descr': '<f8', 'fortran_order': False, }", f8(1))))
        .hasMessageContaining("'shape'");
    assertThatThrownBy(() -> NpyReader.parse("PK\u0003\u0004 not numpy".getBytes()))
        .hasMessageContaining("magic");
    assertThatThrownBy(
            () ->
                NpyReader.parse(
                    npy(4, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", f8(1))))
        .hasMessageContaining("format version 4");
  }

  @Test
  void aFileProblemNamesTheFile() throws Exception {
    Path bad = dir.resolve("bad.npy");
    Files.write(bad, new byte[] {1, 2, 3});
    assertThatThrownBy(() -> NpyReader.read(bad))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("bad.npy");
    assertThatThrownBy(() -> NpyReader.read(dir.resolve("missing.npy")))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("does not exist");
  }
}
