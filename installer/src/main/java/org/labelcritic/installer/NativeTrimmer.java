package org.labelcritic.installer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies a jar without the native libraries of other systems. ONNX Runtime's jar alone carries 630
 * MB of libraries and debug symbols for five systems (139 MB compressed); an installer for one
 * system needs one of them. Only the folders named in {@link #RULES} are touched; every other entry
 * is copied as it is, in the same order.
 */
public final class NativeTrimmer {

  /** A folder of per-system native libraries and the sub-folder each host keeps. */
  record Rule(String prefix, Map<Host, String> keep) {}

  private static final Host LINUX_X64 = new Host(Host.Os.LINUX, Host.Arch.X64);
  private static final Host LINUX_ARM = new Host(Host.Os.LINUX, Host.Arch.AARCH64);
  private static final Host MAC_X64 = new Host(Host.Os.MAC, Host.Arch.X64);
  private static final Host MAC_ARM = new Host(Host.Os.MAC, Host.Arch.AARCH64);
  private static final Host WIN_X64 = new Host(Host.Os.WINDOWS, Host.Arch.X64);
  private static final Host WIN_ARM = new Host(Host.Os.WINDOWS, Host.Arch.AARCH64);

  /**
   * The libraries that ship natives for many systems in one jar (folder names as they use them).
   */
  static final List<Rule> RULES =
      List.of(
          new Rule(
              "ai/onnxruntime/native/",
              Map.of(
                  LINUX_X64, "linux-x64",
                  LINUX_ARM, "linux-aarch64",
                  MAC_X64, "osx-x64",
                  MAC_ARM, "osx-aarch64",
                  WIN_X64, "win-x64",
                  WIN_ARM, "win-aarch64")),
          new Rule(
              "org/sqlite/native/",
              Map.of(
                  LINUX_X64, "Linux/x86_64",
                  LINUX_ARM, "Linux/aarch64",
                  MAC_X64, "Mac/x86_64",
                  MAC_ARM, "Mac/aarch64",
                  WIN_X64, "Windows/x86_64",
                  WIN_ARM, "Windows/aarch64")),
          new Rule("org/jline/nativ/", jlineStyle()),
          new Rule("org/fusesource/jansi/internal/native/", jlineStyle()));

  private static Map<Host, String> jlineStyle() {
    return Map.of(
        LINUX_X64, "Linux/x86_64",
        LINUX_ARM, "Linux/arm64",
        MAC_X64, "Mac/x86_64",
        MAC_ARM, "Mac/arm64",
        WIN_X64, "Windows/x86_64",
        WIN_ARM, "Windows/arm64");
  }

  /** What a copy left out, and how many native libraries it moved out of the jar. */
  public record Result(int entriesDropped, int librariesExtracted, long bytesIn, long bytesOut) {}

  private final Host host;

  public NativeTrimmer(Host host) {
    this.host = host;
  }

  /** Whether the jar entry {@code name} belongs in a package for this host. */
  public boolean keeps(String name) {
    for (Rule rule : RULES) {
      if (!name.startsWith(rule.prefix())) {
        continue;
      }
      String rest = name.substring(rule.prefix().length());
      String keep = rule.keep().get(host) + "/";
      // The kept folder, its contents, and the folders above it (directory entries).
      return rest.isEmpty()
          || rest.startsWith(keep)
          || (rest.endsWith("/") && keep.startsWith(rest));
    }
    return true;
  }

  /** A native library at the root of a jar: {@code libglass.so}, {@code glass.dll}, ... */
  static boolean isRootLibrary(String name) {
    return !name.contains("/")
        && (name.endsWith(".so") || name.endsWith(".dylib") || name.endsWith(".dll"));
  }

  /** Whether {@code jar} holds anything this host leaves out (else it is copied as it is). */
  public boolean needsTrimming(Path jar) throws PackagingException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream().anyMatch(e -> !keeps(e.getName()));
    } catch (IOException e) {
      throw new PackagingException("cannot read " + jar + ": " + e.getMessage(), e);
    }
  }

  /** Copies {@code source} to {@code target}, leaving out other systems' native libraries. */
  public Result copy(Path source, Path target) throws PackagingException {
    return copy(source, target, null);
  }

  /**
   * Like {@link #copy(Path, Path)}; when {@code librariesTo} is not null, the native libraries at
   * the root of the jar (JavaFX's layout) are written there as files instead of into the copy.
   */
  public Result copy(Path source, Path target, Path librariesTo) throws PackagingException {
    int dropped = 0;
    int extracted = 0;
    try (ZipFile in = new ZipFile(source.toFile());
        OutputStream file = Files.newOutputStream(target);
        ZipOutputStream out = new ZipOutputStream(file)) {
      Enumeration<? extends ZipEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (!keeps(entry.getName())) {
          dropped++;
          continue;
        }
        if (librariesTo != null && isRootLibrary(entry.getName())) {
          try (InputStream data = in.getInputStream(entry)) {
            Files.copy(data, librariesTo.resolve(entry.getName()));
          }
          extracted++;
          continue;
        }
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime());
        if (entry.getComment() != null) {
          copy.setComment(entry.getComment());
        }
        out.putNextEntry(copy);
        if (!entry.isDirectory()) {
          try (InputStream data = in.getInputStream(entry)) {
            data.transferTo(out);
          }
        }
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new PackagingException(
          "cannot copy " + source + " to " + target + ": " + e.getMessage(), e);
    }
    try {
      return new Result(dropped, extracted, Files.size(source), Files.size(target));
    } catch (IOException e) {
      throw new PackagingException("cannot read the size of " + target + ": " + e.getMessage(), e);
    }
  }
}
