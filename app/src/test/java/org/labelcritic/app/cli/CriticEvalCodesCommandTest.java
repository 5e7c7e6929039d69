package org.labelcritic.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.app.cli.CriticFixtures.Run;

class CriticEvalCodesCommandTest {
  @TempDir Path dir;

  static byte[] npy(String header, byte[] data) {
    String h = header;
    h = h + " ".repeat((64 - (10 + h.length() + 1) % 64) % 64) + "\n";
    ByteBuffer b =
        ByteBuffer.allocate(10 + h.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    b.putShort((short) h.length());
    b.put(h.getBytes(StandardCharsets.ISO_8859_1));
    b.put(data);
    return b.array();
  }

  /** Four items; items 1 and 2 are validated errors; item 1's given label is the least likely. */
  void writeTinySet() throws Exception {
    ByteBuffer labels = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    for (short s : new short[] {0, 0, 1, 1}) {
      labels.putShort(s);
    }
    ByteBuffer pyx = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    for (double d : new double[] {0.9, 0.1, 0.1, 0.9, 0.2, 0.8, 0.7, 0.3}) {
      pyx.putDouble(d);
    }
    Files.write(
        dir.resolve("mnist_test_set_original_labels.npy"),
        npy("{'descr': '<u2', 'fortran_order': False, 'shape': (4,), }", labels.array()));
    Files.write(
        dir.resolve("mnist_test_set_pyx.npy"),
        npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4, 2), }", pyx.array()));
    Files.writeString(
        dir.resolve("mnist_mturk.json"),
        """
        [{"id": 1, "given_original_label": 0, "our_guessed_label": 1,
          "mturk": {"given": 0, "guessed": 5, "neither": 0}},
         {"id": 2, "given_original_label": 1, "our_guessed_label": 0,
          "mturk": {"given": 2, "guessed": 3, "neither": 0}},
         {"id": 3, "given_original_label": 1, "our_guessed_label": 0,
          "mturk": {"given": 5, "guessed": 0, "neither": 0}}]
        """);
  }

  @Test
  void printsPrecisionAndRecallPerRankingAndK() throws Exception {
    writeTinySet();
    Run r = CriticFixtures.lcw(dir, "critic", "eval-codes", "--dir", dir.toString(), "--k", "1,4");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("4 items, 3 checked by the crowd, 2 validated errors")
        .containsPattern("self-confidence P\\(given\\)\\s+2\\s+1\\s+0\\.500\\s+0\\.500")
        .containsPattern("self-confidence P\\(given\\)\\s+1\\s+1\\s+1\\.000\\s+0\\.500")
        .containsPattern("code critic P\\(correct\\)\\s+4\\s+2\\s+0\\.500\\s+1\\.000");
  }

  @Test
  void aMissingFolderOrFileIsAnErrorAndABadKAUsageError() throws Exception {
    Run missing =
        CriticFixtures.lcw(dir, "critic", "eval-codes", "--dir", dir.resolve("x").toString());
    assertThat(missing.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(missing.err()).contains("no such folder");
    Run noFiles = CriticFixtures.lcw(dir, "critic", "eval-codes", "--dir", dir.toString());
    assertThat(noFiles.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(noFiles.err())
        .contains("mnist_test_set_original_labels.npy")
        .contains("does not exist");
    writeTinySet();
    Run badK = CriticFixtures.lcw(dir, "critic", "eval-codes", "--dir", dir.toString(), "--k", "0");
    assertThat(badK.exit()).isEqualTo(ExitCodes.USAGE);
  }
}
