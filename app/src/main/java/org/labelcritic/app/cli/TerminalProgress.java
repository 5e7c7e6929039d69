package org.labelcritic.app.cli;

import org.labelcritic.model.job.Progress;

/** Shows a job's progress as one rewritten terminal line, at most ten times a second. */
final class TerminalProgress implements Progress {
  private static final long INTERVAL_NANOS = 100_000_000L;
  private final Console console;
  private final String label;
  private long lastPrint;
  private boolean printed;
  private volatile String message = "";

  TerminalProgress(Console console, String label) {
    this.console = console;
    this.label = label;
  }

  @Override
  public synchronized void update(long done, long total) {
    long now = System.nanoTime();
    if (now - lastPrint < INTERVAL_NANOS && done != total) {
      return;
    }
    lastPrint = now;
    printed = true;
    if (total > 0) {
      int width = 30;
      int filled = (int) Math.min(width, done * width / total);
      console.progress(
          String.format(
              "%s [%s%s] %d/%d %s",
              label, "#".repeat(filled), ".".repeat(width - filled), done, total, message));
    } else {
      console.progress(String.format("%s %d %s", label, done, message));
    }
  }

  @Override
  public void message(String message) {
    this.message = message == null ? "" : message;
  }

  @Override
  public boolean isCancelled() {
    return Thread.currentThread().isInterrupted();
  }

  /** Ends the progress line so that the next output starts on a fresh line. */
  synchronized void finish() {
    if (printed) {
      console.println("");
    }
  }
}
