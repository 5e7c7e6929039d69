package org.labelcritic.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeTrimmerTest {
  private static final Host LINUX_X64 = new Host(Host.Os.LINUX, Host.Arch.X64);
  private static final Host MAC_ARM = new Host(Host.Os.MAC, Host.Arch.AARCH64);

  @TempDir Path tmp;

  /** The layout of the ONNX Runtime jar, shortened. */
  private static final List<String> ONNX =
      List.of(
          "META-INF/MANIFEST.MF",
          "ai/onnxruntime/OrtSession.class",
          "ai/onnxruntime/native/",
          "ai/onnxruntime/native/linux-x64/",
          "ai/onnxruntime/native/linux-x64/libonnxruntime.so",
          "ai/onnxruntime/native/linux-aarch64/libonnxruntime.so",
          "ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib",
          "ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib.dSYM/Contents/Info.plist",
          "ai/onnxruntime/native/win-x64/onnxruntime.dll",
          "ThirdPartyNotices.txt");

  @Test
  void keepsOnlyTheHostsNativesAndEverythingElse() throws Exception {
    Path jar = jar("onnx.jar", ONNX);
    NativeTrimmer trimmer = new NativeTrimmer(LINUX_X64);
    assertThat(trimmer.needsTrimming(jar)).isTrue();

    Path out = tmp.resolve("out.jar");
    NativeTrimmer.Result r = trimmer.copy(jar, out);

    assertThat(names(out))
        .containsExactly(
            "META-INF/MANIFEST.MF",
            "ai/onnxruntime/OrtSession.class",
            "ai/onnxruntime/native/",
            "ai/onnxruntime/native/linux-x64/",
            "ai/onnxruntime/native/linux-x64/libonnxruntime.so",
            "ThirdPartyNotices.txt");
    assertThat(r.entriesDropped()).isEqualTo(4);
    try (ZipFile z = new ZipFile(out.toFile())) {
      byte[] lib =
          z.getInputStream(z.getEntry("ai/onnxruntime/native/linux-x64/libonnxruntime.so"))
              .readAllBytes();
      assertThat(new String(lib, StandardCharsets.UTF_8))
          .isEqualTo("ai/onnxruntime/native/linux-x64/libonnxruntime.so");
    }
  }

  @Test
  void eachHostKeepsItsOwnFolderUnderEachLibrarysNaming() {
    NativeTrimmer mac = new NativeTrimmer(MAC_ARM);
    assertThat(mac.keeps("ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib")).isTrue();
    assertThat(mac.keeps("ai/onnxruntime/native/osx-x64/libonnxruntime.dylib")).isFalse();
    assertThat(mac.keeps("org/sqlite/native/Mac/aarch64/libsqlitejdbc.dylib")).isTrue();
    assertThat(mac.keeps("org/sqlite/native/Mac/")).isTrue();
    assertThat(mac.keeps("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so")).isFalse();
    assertThat(mac.keeps("org/jline/nativ/Mac/arm64/libjlinenative.jnilib")).isTrue();
    assertThat(mac.keeps("org/jline/nativ/Mac/x86_64/libjlinenative.jnilib")).isFalse();
    // A look-alike prefix is not a native folder.
    assertThat(mac.keeps("org/sqlite/nativeimage/SqliteJdbcFeature.class")).isTrue();
  }

  @Test
  void javafxLibrariesAtTheJarRootCanBeMovedBesideTheJar() throws Exception {
    Path jar =
        jar(
            "javafx-graphics-26-linux.jar",
            List.of(
                "META-INF/MANIFEST.MF",
                "com/sun/glass/utils/NativeLibLoader.class",
                "libglass.so",
                "libprism_sw.so",
                "javafx.properties"));
    Path dir = Files.createDirectories(tmp.resolve("app"));
    NativeTrimmer.Result r =
        new NativeTrimmer(LINUX_X64).copy(jar, dir.resolve("javafx-graphics.jar"), dir);

    assertThat(r.librariesExtracted()).isEqualTo(2);
    assertThat(names(dir.resolve("javafx-graphics.jar")))
        .containsExactly(
            "META-INF/MANIFEST.MF",
            "com/sun/glass/utils/NativeLibLoader.class",
            "javafx.properties");
    assertThat(Files.readString(dir.resolve("libglass.so"))).isEqualTo("libglass.so");
    assertThat(dir.resolve("libprism_sw.so")).exists();
  }

  @Test
  void aJarWithoutForeignNativesIsLeftAlone() throws Exception {
    Path jar = jar("plain.jar", List.of("META-INF/MANIFEST.MF", "org/example/A.class"));
    assertThat(new NativeTrimmer(LINUX_X64).needsTrimming(jar)).isFalse();
  }

  @Test
  void aBrokenJarIsNamedInTheMessage() throws Exception {
    Path broken = tmp.resolve("broken.jar");
    Files.writeString(broken, "not a zip");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new NativeTrimmer(LINUX_X64).needsTrimming(broken))
        .isInstanceOf(PackagingException.class)
        .hasMessageContaining("broken.jar");
  }

  private Path jar(String name, List<String> entries) throws IOException {
    Path jar = tmp.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (String e : entries) {
        out.putNextEntry(new ZipEntry(e));
        if (!e.endsWith("/")) {
          out.write(e.getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
      }
    }
    return jar;
  }

  private static List<String> names(Path jar) throws IOException {
    try (ZipFile z = new ZipFile(jar.toFile())) {
      return z.stream().map(ZipEntry::getName).toList();
    }
  }
}
