package org.labelcritic.imaging.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.labelcritic.imaging.dicom.DicomFileReader;
import org.labelcritic.model.LabelCriticException;

/**
 * Replays the inputs in {@code fuzz/hangs/} that sent a third-party decoder into an endless loop.
 * Each is read in a child JVM (the looping decoder thread cannot be stopped, so it must not stay in
 * the build's JVM): the read must end, within the codec time bound, in a clear error naming the
 * file and the frame.
 */
class CodecHangTest {

  @Test
  void aDecoderThatNeverReturnsIsAbandonedWithAClearError() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Corpus.resource("fuzz/hangs"))) {
      files = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process p =
          new ProcessBuilder(
                  java,
                  "-Dlcw.codec.timeoutMs=2000",
                  "-cp",
                  System.getProperty("java.class.path"),
                  ReadOne.class.getName(),
                  file.toString())
              .redirectErrorStream(true)
              .start();
      boolean ended = p.waitFor(60, TimeUnit.SECONDS);
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!ended) {
        p.destroyForcibly();
      }
      assertThat(ended).as("the read of %s ends (output: %s)", file, out).isTrue();
      assertThat(out)
          .as("output for %s", file)
          .contains("REFUSED")
          .contains(file.getFileName().toString())
          .contains("frame 1")
          .contains("did not finish within 2.0 s");
      assertThat(p.exitValue()).as("output: %s", out).isZero();
    }
  }

  /** Reads one DICOM file and prints how it ended; exits without waiting for the codec thread. */
  public static final class ReadOne {
    private ReadOne() {}

    public static void main(String[] args) throws IOException {
      try {
        new DicomFileReader().read(Path.of(args[0]));
        System.out.println("READ");
      } catch (LabelCriticException e) {
        System.out.println("REFUSED " + e.getMessage());
      }
      System.out.flush();
      System.exit(0);
    }
  }
}
