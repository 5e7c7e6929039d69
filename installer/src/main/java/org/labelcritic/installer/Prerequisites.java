package org.labelcritic.installer;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The system tools jpackage calls for an installer type, checked before it starts. On Debian and
 * Ubuntu, run as root, missing tools for a {@code .deb} are installed with {@code apt-get};
 * anywhere else the message says what to install.
 */
final class Prerequisites {
  private final Host host;
  private final PrintStream log;

  Prerequisites(Host host, PrintStream log) {
    this.host = host;
    this.log = log;
  }

  /** Makes sure the tools for {@code type} (deb, msi, dmg) are there, or says what is missing. */
  void ensure(String type) throws PackagingException {
    switch (type) {
      case "deb" -> ensureDeb();
      case "msi" -> {
        if (onPath("wix") == null && (onPath("candle") == null || onPath("light") == null)) {
          throw new PackagingException(
              "the .msi needs the WiX Toolset (jpackage uses wix.exe of WiX 4 or newer, or"
                  + " candle.exe and light.exe of WiX 3), and none is on the PATH: install it from"
                  + " https://wixtoolset.org, or build only the app-image with"
                  + " -Dinstaller.types=app-image");
        }
      }
      case "dmg" -> {
        if (onPath("hdiutil") == null) {
          throw new PackagingException(
              "the .dmg needs hdiutil, which macOS provides; it is not on the PATH");
        }
      }
      default -> {}
    }
  }

  private void ensureDeb() throws PackagingException {
    List<String> missing = missing("fakeroot", "dpkg-deb", "dpkg");
    if (missing.isEmpty()) {
      return;
    }
    if (isRoot() && onPath("apt-get") != null) {
      log.println("[packager] installing " + missing + " (needed for the .deb) with apt-get");
      if (run("apt-get", "install", "-y", "--no-install-recommends", "fakeroot", "dpkg") != 0) {
        run("apt-get", "update");
        run("apt-get", "install", "-y", "--no-install-recommends", "fakeroot", "dpkg");
      }
      missing = missing("fakeroot", "dpkg-deb", "dpkg");
      if (missing.isEmpty()) {
        return;
      }
    }
    throw new PackagingException(
        "the .deb needs "
            + String.join(" and ", missing)
            + ", which "
            + (missing.size() == 1 ? "is" : "are")
            + " not on the PATH: install them (Debian/Ubuntu: sudo apt-get install fakeroot dpkg)"
            + " and run again, or build only the app-image with -Dinstaller.types=app-image");
  }

  private List<String> missing(String... tools) {
    List<String> missing = new ArrayList<>();
    for (String tool : tools) {
      if (onPath(tool) == null) {
        missing.add(tool);
      }
    }
    return missing;
  }

  private boolean isRoot() {
    if (host.os() != Host.Os.LINUX) {
      return false;
    }
    try {
      Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      return p.waitFor() == 0 && out.equals("0");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private int run(String... command) throws PackagingException {
    try {
      Process p = new ProcessBuilder(command).inheritIO().start();
      return p.waitFor();
    } catch (IOException e) {
      throw new PackagingException("cannot run " + String.join(" ", command) + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PackagingException("interrupted while running " + String.join(" ", command));
    }
  }

  /** The tool's file on the PATH, or null. */
  static Path onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("win");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      for (String name : windows ? new String[] {tool + ".exe", tool} : new String[] {tool}) {
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }
}
