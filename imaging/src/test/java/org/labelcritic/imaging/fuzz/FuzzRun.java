package org.labelcritic.imaging.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.labelcritic.model.LabelCriticException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one reader over mutated inputs. Each input must end in a normal return or a {@link
 * LabelCriticException} whose message names the input file; anything else (an unchecked exception,
 * an {@link Error} such as {@link OutOfMemoryError} or {@link StackOverflowError}, or a run longer
 * than the time bound) is a finding. Findings are written to {@code target/fuzz-failures/<reader>/}
 * so that they can become regression files.
 *
 * <p>The number of inputs is {@code -Dfuzz.inputs} (default 10,000 per reader), the base seed
 * {@code -Dfuzz.seed}, the time bound per input {@code -Dfuzz.timeoutMs} (default 10 s, far above
 * the milliseconds an input takes, so only a hang trips it).
 */
final class FuzzRun {
  private static final Logger LOG = LoggerFactory.getLogger(FuzzRun.class);

  static final int INPUTS = Integer.getInteger("fuzz.inputs", 10_000);
  static final long SEED = Long.getLong("fuzz.seed", 0x5EED_2026L);
  static final long TIMEOUT_MS = Long.getLong("fuzz.timeoutMs", 10_000);

  /** One valid input to mutate. */
  record Seed(String name, byte[] bytes, List<Mutator.Field> fields) {
    Seed(String name, byte[] bytes) {
      this(name, bytes, List.of());
    }
  }

  /** Reads one input mutated from {@code seed}; the bytes are the whole file. */
  @FunctionalInterface
  interface Target {
    void read(Seed seed, byte[] input) throws Exception;
  }

  /** What a run saw. */
  record Result(
      String reader,
      int inputs,
      int read,
      int refused,
      List<String> findings,
      long millis,
      long cpuMillis) {
    String summary() {
      return reader
          + ": "
          + inputs
          + " mutated inputs, "
          + read
          + " read, "
          + refused
          + " refused with a clear error, "
          + findings.size()
          + " findings, in "
          + millis
          + " ms ("
          + cpuMillis
          + " ms CPU)";
    }
  }

  private final String reader;
  private final List<Seed> seeds;
  private final boolean text;
  private final String fileName;
  private final long timeoutMs;
  private final Path failures;

  /**
   * @param fileName the name of the file the target reads, which every error message must contain
   */
  FuzzRun(String reader, List<Seed> seeds, boolean text, String fileName) {
    this(reader, seeds, text, fileName, TIMEOUT_MS, Path.of("target", "fuzz-failures"));
  }

  FuzzRun(
      String reader,
      List<Seed> seeds,
      boolean text,
      String fileName,
      long timeoutMs,
      Path failures) {
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("no seeds for " + reader);
    }
    this.reader = reader;
    this.seeds = seeds;
    this.text = text;
    this.fileName = fileName;
    this.timeoutMs = timeoutMs;
    this.failures = failures;
  }

  /**
   * Runs the inputs on one worker thread while this thread watches it: an input still running after
   * the time bound is reported as a hang and ends the run (the stuck worker is a daemon and is left
   * behind).
   */
  Result run(int inputs, Target target) throws InterruptedException {
    long start = System.nanoTime();
    int[] counts = new int[2];
    List<String> findings = new CopyOnWriteArrayList<>();
    AtomicInteger current = new AtomicInteger(-1);
    AtomicLong startedAt = new AtomicLong();
    AtomicReference<byte[]> currentInput = new AtomicReference<>();
    AtomicLong cpuNanos = new AtomicLong();
    // Set before a hung worker is interrupted: what the interrupt makes it throw is not a finding.
    AtomicBoolean abandoned = new AtomicBoolean();
    Thread worker =
        new Thread(
            () -> {
              for (int i = 0; i < inputs; i++) {
                Seed seed = seeds.get(i % seeds.size());
                byte[] input = new Mutator(inputSeed(i), seed.fields(), text).mutate(seed.bytes());
                currentInput.set(input);
                startedAt.set(System.nanoTime());
                current.set(i);
                String problem;
                try {
                  target.read(seed, input);
                  counts[0]++;
                  problem = null;
                } catch (Throwable t) { // Errors too: an OutOfMemoryError is a finding
                  problem = judge(t);
                  if (problem == null) {
                    counts[1]++;
                  }
                }
                if (abandoned.get()) {
                  return;
                }
                if (problem != null) {
                  findings.add("input " + i + " (seed " + seed.name() + "): " + problem);
                  save(i, seed, input);
                }
              }
              current.set(inputs);
              cpuNanos.set(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
            },
            "fuzz-" + reader);
    worker.setDaemon(true);
    // Readers warn about damaged files; ten thousand of those would bury the test output.
    ch.qos.logback.classic.Logger project =
        (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.labelcritic");
    ch.qos.logback.classic.Level before = project.getLevel();
    project.setLevel(ch.qos.logback.classic.Level.ERROR);
    ((ch.qos.logback.classic.Logger) LOG).setLevel(ch.qos.logback.classic.Level.INFO);
    try {
      worker.start();
      while (worker.isAlive()) {
        int i = current.get();
        worker.join(50);
        long ms = (System.nanoTime() - startedAt.get()) / 1_000_000;
        if (worker.isAlive() && i >= 0 && i < inputs && current.get() == i && ms > timeoutMs) {
          Seed seed = seeds.get(i % seeds.size());
          findings.add(
              "input " + i + " (seed " + seed.name() + "): no result within " + ms + " ms (hang?)");
          save(i, seed, currentInput.get());
          abandoned.set(true);
          worker.interrupt();
          break;
        }
      }
    } finally {
      project.setLevel(before);
    }
    Result r =
        new Result(
            reader,
            Math.max(0, Math.min(current.get(), inputs)),
            counts[0],
            counts[1],
            List.copyOf(findings),
            (System.nanoTime() - start) / 1_000_000,
            cpuNanos.get() / 1_000_000);
    LOG.info("{}", r.summary());
    return r;
  }

  private long inputSeed(int i) {
    return SEED ^ (reader.hashCode() * 0x9E3779B97F4A7C15L) ^ (i * 0xBF58476D1CE4E5B9L);
  }

  /** Null when {@code t} is the clear error a reader must give; otherwise what is wrong. */
  private String judge(Throwable t) {
    if (t instanceof LabelCriticException e) {
      String m = e.getMessage();
      if (m == null || m.isBlank()) {
        return "a LabelCriticException without a message";
      }
      if (fileName != null && !m.contains(fileName)) {
        return "an error that does not name the file: " + m;
      }
      return null;
    }
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    String[] lines = trace.toString().split("\n");
    return String.join("\n    ", List.of(lines).subList(0, Math.min(lines.length, 8)));
  }

  private void save(int index, Seed seed, byte[] input) {
    try {
      Path dir = Files.createDirectories(failures.resolve(reader));
      String name = seed.name().replace(':', '_').replace('/', '_');
      Files.write(dir.resolve(index + "-" + name), input);
    } catch (IOException e) {
      LOG.error("cannot save fuzz input {} of {}", index, reader, e);
    }
  }
}
