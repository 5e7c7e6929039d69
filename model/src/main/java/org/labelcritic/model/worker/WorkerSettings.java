package org.labelcritic.model.worker;

/**
 * How the quality worker runs.
 *
 * @param threads pool threads; 0 runs everything on the calling thread (deterministic, for tests)
 * @param batchSize pairs scored and stored together in the background sweep
 * @param focusWindow pairs around the reviewer's position that go first after {@code focus}
 */
public record WorkerSettings(int threads, int batchSize, int focusWindow) {
  /** No more than this many pool threads: the store has one writer, the UI needs the rest. */
  public static final int MAX_THREADS = 8;

  public WorkerSettings {
    if (threads < 0 || threads > MAX_THREADS) {
      throw new IllegalArgumentException(
          "worker threads must be in 0.." + MAX_THREADS + ", was " + threads);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive, was " + batchSize);
    }
    if (focusWindow < 1) {
      throw new IllegalArgumentException("focus window must be positive, was " + focusWindow);
    }
  }

  /** One or two threads (half the cores, at least one), batches of 256, a focus window of 16. */
  public static WorkerSettings defaults() {
    int threads = Math.clamp(Runtime.getRuntime().availableProcessors() / 2, 1, 2);
    return new WorkerSettings(threads, 256, 16);
  }

  /** Everything on the calling thread, in item order: for deterministic tests. */
  public static WorkerSettings sameThread() {
    return new WorkerSettings(0, 256, 16);
  }

  public WorkerSettings withThreads(int n) {
    return new WorkerSettings(n, batchSize, focusWindow);
  }

  public WorkerSettings withBatchSize(int n) {
    return new WorkerSettings(threads, n, focusWindow);
  }
}
