package org.labelcritic.model.job;

/**
 * Where a job reports to. Implementations must be cheap and thread-safe; a job may call them from
 * its worker thread at any rate.
 */
public interface Progress {
  /** Work done so far out of total (total may be -1 when unknown). */
  void update(long done, long total);

  /** A short line for the user: what the job is doing now. */
  void message(String message);

  /** True once the user asked to stop; the job checks it between units of work. */
  boolean isCancelled();

  /** A progress sink that ignores everything and is never cancelled. */
  static Progress none() {
    return new Progress() {
      @Override
      public void update(long done, long total) {}

      @Override
      public void message(String message) {}

      @Override
      public boolean isCancelled() {
        return false;
      }
    };
  }
}
