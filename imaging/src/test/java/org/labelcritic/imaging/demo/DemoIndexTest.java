package org.labelcritic.imaging.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The app unpacks the bundled demo from the jar using {@code resources/demo/index.txt}, so the
 * index must list exactly the files that are there.
 */
class DemoIndexTest {
  /** Relative to the imaging module, which is Surefire's working directory. */
  static final Path DEMO = Path.of("../resources/demo");

  @Test
  void indexListsEveryDemoFileExactlyOnceInSortedOrder() throws IOException {
    List<String> present;
    try (Stream<Path> files = Files.walk(DEMO)) {
      present =
          files
              .filter(Files::isRegularFile)
              .map(p -> DEMO.relativize(p).toString().replace('\\', '/'))
              .filter(p -> !p.equals("index.txt"))
              .sorted()
              .toList();
    }
    List<String> index = Files.readAllLines(DEMO.resolve("index.txt"), StandardCharsets.UTF_8);

    assertThat(present).isNotEmpty();
    assertThat(index).as("resources/demo/index.txt, sorted").containsExactlyElementsOf(present);
  }
}
