package org.labelcritic.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every key the code asks for exists in {@code messages.properties}, and every key there is asked
 * for somewhere: the app's sources are read for {@code text("key")} and {@code format("key", ...)}
 * calls, which is how {@link I18n} is used.
 */
class LocalizationConsistencyTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern KEY_USE =
      Pattern.compile("\\b(?:text|format|formatter)\\(\\s*\"([A-Za-z0-9_.-]+)\"\\s*[,)]");

  @Test
  void everyKeyUsedInCodeIsInTheBundle() throws IOException {
    assertThat(bundleKeys()).containsAll(keysUsedInCode());
  }

  @Test
  void everyKeyInTheBundleIsUsedInCode() throws IOException {
    assertThat(keysUsedInCode()).containsAll(bundleKeys());
  }

  @Test
  void everyMessageIsAValidMessageFormatPattern() throws IOException {
    Properties p = bundle();
    for (String key : p.stringPropertyNames()) {
      assertThat(new MessageFormat(p.getProperty(key))).as(key).isNotNull();
    }
  }

  @Test
  void theScannerFindsTheKnownUsages() throws IOException {
    assertThat(keysUsedInCode()).contains("queue.column.item", "statusbar.summary", "status.agree");
  }

  static Set<String> keysUsedInCode() throws IOException {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = KEY_USE.matcher(Files.readString(f));
        while (m.find()) {
          keys.add(m.group(1));
        }
      }
    }
    return keys;
  }

  static Set<String> bundleKeys() throws IOException {
    return new TreeSet<>(bundle().stringPropertyNames());
  }

  private static Properties bundle() throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        LocalizationConsistencyTest.class.getResourceAsStream("messages.properties")) {
      assertThat(in).as("messages.properties on the class path").isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
