package org.labelcritic.app.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.sqlite.util.OSInfo;

/**
 * A second JVM on this test's class path, started with the {@code java} of {@code java.home}: the
 * kill tests run the program there and end it with SIGKILL ({@link Process#destroyForcibly}). Its
 * standard output is collected line by line (a line is only seen once the child flushed it);
 * standard error goes to a file.
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final CountDownLatch firstLine = new CountDownLatch(1);
  private final Thread reader;
  private final Path stderr;

  private ChildJvm(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    this.reader =
        Thread.ofPlatform()
            .daemon()
            .name("child-stdout")
            .start(
                () -> {
                  try (BufferedReader r =
                      new BufferedReader(
                          new InputStreamReader(
                              process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                      synchronized (lines) {
                        lines.add(line);
                      }
                      firstLine.countDown();
                    }
                  } catch (IOException e) {
                    // the child was killed mid-line: what was read so far stays
                  }
                  firstLine.countDown();
                });
  }

  /** Starts {@code mainClass} with {@code args}; {@code work} holds its data folder and stderr. */
  static ChildJvm start(Path work, Class<?> mainClass, List<String> args) throws IOException {
    return start(work, mainClass, args, 0);
  }

  /**
   * As {@link #start(Path, Class, List)}, under a file size limit of {@code fileSizeLimitKib} KiB
   * ({@code ulimit -f} through {@code /bin/sh}; none when 0): a write past it fails with EFBIG, as
   * on a full disk (the JVM ignores SIGXFSZ).
   */
  static ChildJvm start(Path work, Class<?> mainClass, List<String> args, long fileSizeLimitKib)
      throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = new ArrayList<>();
    if (fileSizeLimitKib > 0) {
      cmd.addAll(
          List.of("/bin/sh", "-c", "ulimit -S -f " + fileSizeLimitKib + " && exec \"$0\" \"$@\""));
    }
    cmd.add(java.toString());
    cmd.add("-Xmx384m");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("--sun-misc-unsafe-memory-access=allow");
    if (fileSizeLimitKib > 0) {
      // The SQLite driver unpacks its native library at start, a file larger than the limit:
      // give it one unpacked here instead.
      Path lib = nativeSqliteLibrary(work);
      cmd.add("-Dorg.sqlite.lib.path=" + lib.getParent());
      cmd.add("-Dorg.sqlite.lib.name=" + lib.getFileName());
    }
    cmd.add("-Dlcw.data.dir=" + work.resolve("data"));
    cmd.add("-Dlcw.log.dir=" + work.resolve("logs"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass.getName());
    cmd.addAll(args);
    Files.createDirectories(work);
    Path stderr = Files.createTempFile(work, "child-", ".err");
    Process p =
        new ProcessBuilder(cmd)
            .redirectError(stderr.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    return new ChildJvm(p, stderr);
  }

  private static Path nativeSqliteLibrary(Path work) throws IOException {
    String name = System.mapLibraryName("sqlitejdbc");
    String resource =
        "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
    Path lib = Files.createDirectories(work.resolve("native")).resolve(name);
    try (InputStream in = OSInfo.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no SQLite native library " + resource + " for this platform");
      }
      Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
    }
    return lib;
  }

  /** Waits for the first line of output (or the end), at most {@code millis}. */
  boolean awaitFirstLine(long millis) throws InterruptedException {
    return firstLine.await(millis, TimeUnit.MILLISECONDS);
  }

  /** SIGKILL, then waits for the process and for the last of its output. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
    reader.join(10_000);
  }

  /** Waits for a normal end; returns the exit code. */
  int waitFor(long seconds) throws InterruptedException, IOException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      kill();
      throw new IOException("the child did not end within " + seconds + " s: " + stderr());
    }
    reader.join(10_000);
    return process.exitValue();
  }

  boolean alive() {
    return process.isAlive();
  }

  List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  String stderr() throws IOException {
    return Files.readString(stderr);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
