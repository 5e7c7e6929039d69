package org.labelcritic.imaging.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** The seed corpus: the project's own test files, read from the test class path. */
final class Corpus {
  private Corpus() {}

  static Path resource(String name) {
    URL url = Corpus.class.getResource("/" + name);
    if (url == null) {
      throw new IllegalStateException("missing test resource " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(resource(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The regular files in a resource folder, sorted by name. */
  static List<Path> files(String folder) {
    try (Stream<Path> s = Files.list(resource(folder))) {
      return new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gunzip(byte[] gz) {
    try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Gzip at the fastest level: the fuzzer compresses every input of a gzipped seed. */
  static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
    try (GZIPOutputStream gz =
        new GZIPOutputStream(out) {
          {
            def.setLevel(Deflater.BEST_SPEED);
          }
        }) {
      gz.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
