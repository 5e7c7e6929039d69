package org.labelcritic.model.job;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** A thread-safe progress that records the latest state and can be cancelled from any thread. */
public class CancellableProgress implements Progress {
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong total = new AtomicLong(-1);
  private final AtomicReference<String> message = new AtomicReference<>("");

  @Override
  public void update(long done, long total) {
    this.done.set(done);
    this.total.set(total);
  }

  @Override
  public void message(String message) {
    this.message.set(message == null ? "" : message);
  }

  @Override
  public boolean isCancelled() {
    return cancelled.get();
  }

  public void cancel() {
    cancelled.set(true);
  }

  public long done() {
    return done.get();
  }

  public long total() {
    return total.get();
  }

  public String lastMessage() {
    return message.get();
  }
}
