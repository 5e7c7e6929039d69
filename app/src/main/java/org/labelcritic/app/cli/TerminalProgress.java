package org.labelcritic.app.cli;

import org.labelcritic.model.job.Progress;

/** Shows a job's progress as one rewritten terminal line, at most ten times a second. */
final class TerminalProgress implements Progress {
  private static final long INTERVAL_NANOS = 100_000_000L;
  private final Console console;
  private final String label;
  private long lastPrint;
  private boolean printed;
  private int lastLength;
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
    String line;
    if (total > 0) {
      int width = 30;
      int filled = (int) Math.min(width, done * width / total);
      line =
          String.format(
              "%s [%s%s] %d/%d %s",
              label, "#".repeat(filled), ".".repeat(width - filled), done, total, message);
    } else {
      line = String.format("%s %d %s", label, done, message);
    }
    // Pad over the rest of a longer previous line.
    console.progress(line + " ".repeat(Math.max(0, lastLength - line.length())));
    lastLength = line.length();
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
