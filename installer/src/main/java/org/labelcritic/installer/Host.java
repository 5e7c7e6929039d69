package org.labelcritic.installer;

import java.util.Locale;

/**
 * The system a package is built for. jpackage only builds for the system it runs on, so this is
 * always the build machine's operating system and processor.
 */
public record Host(Os os, Arch arch) {

  /** Operating systems jpackage builds for. */
  public enum Os {
    LINUX,
    MAC,
    WINDOWS
  }

  /** Processor architectures the bundled native libraries exist for. */
  public enum Arch {
    X64,
    AARCH64
  }

  /** The system this JVM runs on. */
  public static Host current() throws PackagingException {
    return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
  }

  /** Parses Java's {@code os.name} and {@code os.arch} values. */
  public static Host of(String osName, String osArch) throws PackagingException {
    String name = osName.toLowerCase(Locale.ROOT);
    Os os;
    if (name.startsWith("linux")) {
      os = Os.LINUX;
    } else if (name.startsWith("mac") || name.startsWith("darwin")) {
      os = Os.MAC;
    } else if (name.startsWith("windows")) {
      os = Os.WINDOWS;
    } else {
      throw new PackagingException(
          "cannot package for operating system '" + osName + "' (Linux, macOS or Windows only)");
    }
    Arch arch =
        switch (osArch.toLowerCase(Locale.ROOT)) {
          case "amd64", "x86_64", "x64" -> Arch.X64;
          case "aarch64", "arm64" -> Arch.AARCH64;
          default ->
              throw new PackagingException(
                  "cannot package for processor '" + osArch + "' (x86-64 or AArch64 only)");
        };
    return new Host(os, arch);
  }
}
