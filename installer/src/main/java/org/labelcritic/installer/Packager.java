package org.labelcritic.installer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the self-contained application with the JDK's own tools, run in this JVM: copies the
 * application's jars (without other systems' native libraries), finds the JDK modules they use with
 * {@code jdeps}, links a trimmed runtime with {@code jlink}, makes the application image with
 * {@code jpackage}, and from it the host's installer (.deb, .msi or .dmg).
 *
 * <p>Run by {@code mvn -pl installer -am package -Pinstaller}; see installer/README.md.
 */
public final class Packager {
  static final String APP_NAME = "LabelCritic";
  static final String MAIN_CLASS = "org.labelcritic.app.Main";
  static final String VENDOR = "LabelCritic Workbench project";
  static final String DESCRIPTION = "Desktop workbench for reviewing competing AI labels";

  /**
   * JDK modules that class analysis cannot see because they are found by name or as services:
   * locale data for dates and numbers outside English, the zip file system, and the extra character
   * sets (e.g. the ISO 2022 sets some DICOM files declare).
   */
  static final List<String> EXTRA_MODULES = List.of("jdk.localedata", "jdk.zipfs", "jdk.charsets");

  /**
   * Java options of both launchers: the libraries with native code run from the class path, and
   * JavaFX finds its native libraries beside its jars ($APPDIR) instead of unpacking them into the
   * user's home folder at every start.
   */
  static final List<String> JAVA_OPTIONS =
      List.of("--enable-native-access=ALL-UNNAMED", "-Djava.library.path=$APPDIR");

  /** The command-line options, as the Maven build passes them. */
  record Options(
      Path input,
      String mainJar,
      Path appContent,
      Path packageDir,
      Path work,
      Path dest,
      String version,
      List<String> types) {

    static Options parse(String[] args) throws PackagingException {
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < args.length; i += 2) {
        if (!args[i].startsWith("--") || i + 1 >= args.length) {
          throw new PackagingException(
              "expected --option value pairs, got '" + String.join(" ", args) + "'");
        }
        values.put(args[i].substring(2), args[i + 1]);
      }
      for (String required :
          List.of("input", "main-jar", "app-content", "package-dir", "work", "dest", "version")) {
        if (!values.containsKey(required)) {
          throw new PackagingException("missing --" + required);
        }
      }
      List<String> types =
          Arrays.stream(values.getOrDefault("types", "default").split(","))
              .map(String::trim)
              .filter(s -> !s.isEmpty())
              .toList();
      return new Options(
          Path.of(values.get("input")),
          values.get("main-jar"),
          Path.of(values.get("app-content")),
          Path.of(values.get("package-dir")),
          Path.of(values.get("work")),
          Path.of(values.get("dest")),
          values.get("version"),
          types);
    }
  }

  private final Options options;
  private final Host host;
  private final PrintStream log;

  Packager(Options options, Host host, PrintStream log) {
    this.options = options;
    this.host = host;
    this.log = log;
  }

  public static void main(String[] args) {
    try {
      Host host = Host.current();
      new Packager(Options.parse(args), host, System.out).run();
    } catch (PackagingException e) {
      System.err.println("[packager] FAILED: " + e.getMessage());
      System.exit(1);
    }
  }

  void run() throws PackagingException {
    long start = System.nanoTime();
    List<String> installers = installerTypes(options.types(), host);
    boolean appImageOnly = installers.isEmpty();
    // Check the installers' tools first: a missing tool should not cost a jlink run.
    Prerequisites prerequisites = new Prerequisites(host, log);
    for (String type : installers) {
      prerequisites.ensure(type);
    }
    Path jars = options.work().resolve("input");
    Path runtime = options.work().resolve("runtime");
    deleteTree(options.work());
    deleteTree(options.dest());
    createDirectories(jars);
    createDirectories(options.dest());

    copyJars(jars);
    Set<String> modules = modules(jars);
    log.println("[packager] runtime modules: " + String.join(",", modules));
    jlink(modules, runtime);
    Path appImage = appImage(jars, runtime);
    log.println(
        "[packager] app-image "
            + appImage
            + ": "
            + megabytes(sizeOf(appImage))
            + " (runtime "
            + megabytes(sizeOf(runtime))
            + ", jars "
            + megabytes(sizeOf(jars))
            + ")");
    for (String type : installers) {
      Path file = installer(type, jars, runtime);
      log.println("[packager] " + type + " " + file + ": " + megabytes(sizeOf(file)));
    }
    log.printf(
        Locale.ROOT,
        "[packager] done in %.1f s%s%n",
        (System.nanoTime() - start) / 1e9,
        appImageOnly ? " (app-image only)" : "");
  }

  /** "default" means the app-image plus the host's installer. */
  static List<String> installerTypes(List<String> requested, Host host) throws PackagingException {
    List<String> out = new ArrayList<>();
    for (String type : requested) {
      switch (type) {
        case "app-image" -> {}
        case "default" ->
            out.add(
                switch (host.os()) {
                  case LINUX -> "deb";
                  case WINDOWS -> "msi";
                  case MAC -> "dmg";
                });
        case "deb", "rpm" -> requireOs(type, host, Host.Os.LINUX, out);
        case "msi", "exe" -> requireOs(type, host, Host.Os.WINDOWS, out);
        case "dmg", "pkg" -> requireOs(type, host, Host.Os.MAC, out);
        default ->
            throw new PackagingException(
                "unknown package type '"
                    + type
                    + "' in -Dinstaller.types (app-image, default, deb, rpm, msi, exe, dmg, pkg)");
      }
    }
    return out.stream().distinct().toList();
  }

  private static void requireOs(String type, Host host, Host.Os os, List<String> out)
      throws PackagingException {
    if (host.os() != os) {
      throw new PackagingException(
          "a ."
              + type
              + " is built on "
              + os
              + " only (jpackage builds for the system it runs on)");
    }
    out.add(type);
  }

  /**
   * jpackage wants a numeric version; macOS also refuses a first number of 0, so before 1.0 the
   * macOS bundle version is 1.MINOR.PATCH (documented in docs/decisions/0013-packaging.md).
   */
  static String packageVersion(String projectVersion, Host host) throws PackagingException {
    String v = projectVersion.replaceFirst("-.*$", "");
    if (!v.matches("\\d+(\\.\\d+){0,2}")) {
      throw new PackagingException(
          "project version '" + projectVersion + "' does not start with numbers like 1.2.3");
    }
    if (host.os() == Host.Os.MAC && v.startsWith("0.")) {
      v = "1." + v.substring(2);
    } else if (host.os() == Host.Os.MAC && v.equals("0")) {
      v = "1";
    }
    return v;
  }

  private void copyJars(Path target) throws PackagingException {
    Path mainJar = options.input().resolve(options.mainJar());
    if (!Files.isRegularFile(mainJar)) {
      throw new PackagingException(
          "the application jar "
              + mainJar
              + " is missing: run the build through the reactor"
              + " (mvn -pl installer -am package -Pinstaller)");
    }
    NativeTrimmer trimmer = new NativeTrimmer(host);
    List<Path> jars = list(options.input(), ".jar");
    for (Path jar : jars) {
      Path copy = target.resolve(jar.getFileName());
      boolean javafx = jar.getFileName().toString().startsWith("javafx-");
      if (javafx || trimmer.needsTrimming(jar)) {
        NativeTrimmer.Result r = trimmer.copy(jar, copy, javafx ? target : null);
        if (r.entriesDropped() == 0 && r.librariesExtracted() == 0) {
          continue;
        }
        log.println(
            "[packager] "
                + jar.getFileName()
                + ": left out "
                + r.entriesDropped()
                + " entries of other systems, moved "
                + r.librariesExtracted()
                + " native libraries beside it, "
                + megabytes(r.bytesIn())
                + " -> "
                + megabytes(r.bytesOut()));
      } else {
        try {
          Files.copy(jar, copy);
        } catch (IOException e) {
          throw new PackagingException("cannot copy " + jar + ": " + e.getMessage(), e);
        }
      }
    }
    log.println("[packager] " + jars.size() + " jars in " + target);
  }

  /** The JDK modules the jars use (jdeps), plus {@link #EXTRA_MODULES}. */
  private Set<String> modules(Path jars) throws PackagingException {
    List<Path> all = list(jars, ".jar");
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "--multi-release",
            String.valueOf(Runtime.version().feature()),
            "--ignore-missing-deps",
            "--print-module-deps",
            // Modular jars (JavaFX, ControlsFX, ...) resolve the modules they require from here.
            "--module-path",
            jars.toString(),
            "--class-path",
            all.stream()
                .map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator))));
    all.forEach(p -> args.add(p.toString()));
    String out = tool("jdeps", args);
    Set<String> system =
        ModuleFinder.ofSystem().findAll().stream()
            .map(ModuleReference::descriptor)
            .map(d -> d.name())
            .collect(Collectors.toSet());
    Set<String> modules = new TreeSet<>();
    for (String line : out.strip().split("\\R")) {
      String l = line.strip();
      if (l.matches("[\\w.]+(,[\\w.]+)*")) {
        modules.clear();
        Arrays.stream(l.split(",")).filter(system::contains).forEach(modules::add);
      }
    }
    if (!modules.contains("java.base")) {
      throw new PackagingException("jdeps listed no modules; its output was:\n" + out);
    }
    modules.addAll(EXTRA_MODULES);
    return modules;
  }

  private void jlink(Set<String> modules, Path runtime) throws PackagingException {
    tool(
        "jlink",
        List.of(
            "--add-modules",
            String.join(",", modules),
            "--strip-debug",
            "--no-header-files",
            "--no-man-pages",
            // The class-data sharing archive of the JDK's own classes: a faster start.
            "--generate-cds-archive",
            "--compress=zip-6",
            "--output",
            runtime.toString()));
  }

  private Path appImage(Path jars, Path runtime) throws PackagingException {
    List<String> args = new ArrayList<>(common());
    args.addAll(List.of("--type", "app-image", "--dest", options.dest().toString()));
    args.addAll(application(jars, runtime));
    tool("jpackage", args);
    Path image = options.dest().resolve(host.os() == Host.Os.MAC ? APP_NAME + ".app" : APP_NAME);
    if (!Files.isDirectory(image)) {
      throw new PackagingException("jpackage reported success but made no " + image);
    }
    return image;
  }

  /**
   * What goes into the application: jars, main class, runtime, launchers, licences. Installers are
   * built from these too, not from the finished app-image: from an app-image, jpackage 25 gives
   * every launcher a menu entry, the console launcher {@code lcw} included.
   */
  private List<String> application(Path jars, Path runtime) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input",
                jars.toString(),
                "--main-jar",
                options.mainJar(),
                "--main-class",
                MAIN_CLASS,
                "--runtime-image",
                runtime.toString(),
                "--java-options",
                String.join(" ", JAVA_OPTIONS),
                "--add-launcher",
                "lcw=" + options.packageDir().resolve("launchers").resolve("lcw.properties"),
                "--app-content",
                options.appContent().toString()));
    if (host.os() == Host.Os.MAC) {
      args.addAll(macIdentity());
    }
    return args;
  }

  private Path installer(String type, Path jars, Path runtime) throws PackagingException {
    Set<Path> before = Set.copyOf(list(options.dest(), "." + type));
    List<String> args = new ArrayList<>(common());
    args.addAll(List.of("--type", type, "--dest", options.dest().toString()));
    args.addAll(application(jars, runtime));
    switch (host.os()) {
      case LINUX ->
          args.addAll(
              List.of(
                  "--linux-package-name",
                  "labelcritic",
                  "--linux-deb-maintainer",
                  "labelcritic@users.noreply.github.com",
                  "--linux-menu-group",
                  "Science;MedicalSoftware;",
                  "--linux-app-category",
                  "science",
                  "--linux-shortcut",
                  // JavaFX's window toolkit: jpackage finds a library's package only when that
                  // package is installed on the build machine, and a CI machine has no GTK.
                  "--linux-package-deps",
                  "libgtk-3-0 | libgtk-3-0t64"));
      case WINDOWS ->
          args.addAll(
              List.of(
                  "--win-menu",
                  "--win-menu-group",
                  APP_NAME,
                  "--win-shortcut",
                  "--win-dir-chooser",
                  // Fixed: a newer .msi replaces an installed older one.
                  "--win-upgrade-uuid",
                  "6f1e0b8a-3c2d-4e57-9a41-5b7c2d9e8f10"));
      case MAC -> {}
    }
    tool("jpackage", args);
    return list(options.dest(), "." + type).stream()
        .filter(p -> !before.contains(p))
        .findFirst()
        .orElseThrow(
            () ->
                new PackagingException(
                    "jpackage reported success but made no ." + type + " in " + options.dest()));
  }

  private List<String> common() throws PackagingException {
    String icon =
        switch (host.os()) {
          case LINUX -> "labelcritic.png";
          case WINDOWS -> "labelcritic.ico";
          case MAC -> "labelcritic.icns";
        };
    Path iconFile = options.packageDir().resolve("icons").resolve(icon);
    if (!Files.isRegularFile(iconFile)) {
      throw new PackagingException("the icon " + iconFile + " is missing");
    }
    return List.of(
        "--name",
        APP_NAME,
        "--app-version",
        packageVersion(options.version(), host),
        "--vendor",
        VENDOR,
        "--description",
        DESCRIPTION,
        "--icon",
        iconFile.toString());
  }

  private static List<String> macIdentity() {
    return List.of(
        "--mac-package-identifier", "org.labelcritic.workbench", "--mac-package-name", APP_NAME);
  }

  /** Runs a JDK tool in this JVM; fails with its output when it fails. */
  private String tool(String name, List<String> args) throws PackagingException {
    ToolProvider tool =
        ToolProvider.findFirst(name)
            .orElseThrow(
                () ->
                    new PackagingException(
                        "this JDK ("
                            + System.getProperty("java.home")
                            + ") has no "
                            + name
                            + ": build with a full JDK 25"));
    log.println("[packager] " + name + " " + summarize(args));
    StringWriter out = new StringWriter();
    long start = System.nanoTime();
    int rc;
    try (PrintWriter w = new PrintWriter(out)) {
      rc = tool.run(w, w, args.toArray(String[]::new));
    }
    log.printf(Locale.ROOT, "[packager]   %.1f s%n", (System.nanoTime() - start) / 1e9);
    if (rc != 0) {
      throw new PackagingException(name + " failed (exit " + rc + "):\n" + out);
    }
    return out.toString();
  }

  private static String summarize(List<String> args) {
    String s = String.join(" ", args);
    return s.length() > 400 ? s.substring(0, 400) + " ..." : s;
  }

  private static List<Path> list(Path dir, String suffix) throws PackagingException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new PackagingException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  static long sizeOf(Path path) throws PackagingException {
    if (Files.isRegularFile(path)) {
      try {
        return Files.size(path);
      } catch (IOException e) {
        throw new PackagingException("cannot read the size of " + path + ": " + e.getMessage(), e);
      }
    }
    try (Stream<Path> s = Files.walk(path)) {
      return s.filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .sum();
    } catch (IOException | UncheckedIOException e) {
      throw new PackagingException("cannot measure " + path + ": " + e.getMessage(), e);
    }
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

  private static void createDirectories(Path dir) throws PackagingException {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new PackagingException("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) throws PackagingException {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new PackagingException("cannot delete " + dir + ": " + e.getMessage(), e);
    }
  }
}
