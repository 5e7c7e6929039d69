package org.labelcritic.app.ui;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures how responsive the FX thread is: a heartbeat thread posts one {@code runLater} at a time
 * and records how long it waited to run, and an {@link AnimationTimer} records the gaps between
 * pulses. A long wait or gap means something kept the FX thread (store or disk work, a big layout,
 * or a CPU too busy to render). While a heartbeat waits, the FX thread's stack is sampled every 2
 * ms: waits during which it was seen in store, file or database code ({@link #maxStoreStall}) or
 * running the workbench's own code ({@link #maxOwnStall}) are reported apart from waits for
 * JavaFX's own layout and rendering, and {@link #maxBlocked} is the longest wait less the time the
 * FX thread spent waiting for the render thread to finish the previous frame (which, with the
 * software renderer on a CPU shared with other work, can take longer than the FX thread's own work
 * on a frame) and less the JVM's stop-the-world garbage-collection pauses in it (every thread stops
 * then, the FX thread's work included; {@link #maxGcPause} reports them apart).
 */
public final class FxPulseWatchdog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FxPulseWatchdog.class);

  /** The most one stack sample that finds the FX thread waiting for the renderer counts for. */
  private static final long MAX_RENDER_SAMPLE_NANOS = 3_000_000L;

  private final long periodNanos;
  private final long reportNanos;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong maxDelay = new AtomicLong();
  private final AtomicLong maxGap = new AtomicLong();
  private final AtomicLong maxOwnStall = new AtomicLong();
  private final AtomicLong maxStoreStall = new AtomicLong();
  private final AtomicLong maxBlocked = new AtomicLong();
  private final AtomicLong maxGcPause = new AtomicLong();
  private final AtomicLong maxDelayLessGc = new AtomicLong();

  /** The stop-the-world collectors (not a concurrent collector's cycles). */
  private final List<GarbageCollectorMXBean> pausingCollectors = new ArrayList<>();

  /** Per collector, the pause of each collection by its number (GcInfo id), in nanoseconds. */
  private final Map<String, Map<Long, Long>> pauseByCollection = new ConcurrentHashMap<>();

  private final List<Runnable> gcUnsubscribe = new ArrayList<>();
  private volatile Thread fxThread;
  private final AtomicLong beats = new AtomicLong();
  private final AtomicLong pulses = new AtomicLong();
  private final Thread heartbeat;
  private final AnimationTimer timer;
  private long lastPulse;

  private FxPulseWatchdog(Duration period, Duration report) {
    this.periodNanos = period.toNanos();
    this.reportNanos = report.toNanos();
    timer =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            if (lastPulse != 0) {
              record(maxGap, now - lastPulse, "pulse gap");
            }
            lastPulse = now;
            pulses.incrementAndGet();
          }
        };
    heartbeat = new Thread(this::beat, "lcw-fx-watchdog");
    listenToGc();
    heartbeat.setDaemon(true);
  }

  /**
   * Starts watching: a heartbeat every {@code period}; stalls longer than {@code report} are
   * logged.
   */
  public static FxPulseWatchdog start(Duration period, Duration report) {
    FxPulseWatchdog w = new FxPulseWatchdog(period, report);
    Platform.runLater(
        () -> {
          w.fxThread = Thread.currentThread();
          w.timer.start();
        });
    w.heartbeat.start();
    return w;
  }

  private void beat() {
    while (running.get()) {
      long[] gcBefore = gcCounts();
      long posted = System.nanoTime();
      AtomicBoolean ran = new AtomicBoolean();
      AtomicLong ranAt = new AtomicLong();
      Platform.runLater(
          () -> {
            long at = System.nanoTime();
            record(maxDelay, at - posted, "runLater delay");
            beats.incrementAndGet();
            synchronized (ran) {
              ranAt.set(at);
              ran.set(true);
              ran.notifyAll();
            }
          });
      try {
        boolean dumped = false;
        boolean ours = false;
        boolean blocking = false;
        long renderWait = 0;
        long lastSample = posted;
        synchronized (ran) {
          while (!ran.get() && running.get()) {
            ran.wait(2);
            if (!ran.get()) {
              // Sample what keeps the FX thread: our code (or the database) there is our stall;
              // layout and software rendering starved of CPU are not.
              Thread fx = fxThread;
              StackTraceElement[] frames =
                  fx == null ? new StackTraceElement[0] : fx.getStackTrace();
              long now = System.nanoTime();
              if (waitsForRenderer(frames)) {
                // At most the sampling period (and a little) per sample: when this thread is
                // itself kept from running, the rest counts as blocked, never the other way.
                renderWait += Math.min(now - lastSample, MAX_RENDER_SAMPLE_NANOS);
              }
              lastSample = now;
              ours |= runsOurCode(frames);
              blocking |= runsStoreOrFileCode(frames);
              if (!dumped && System.nanoTime() - posted > reportNanos) {
                dumped = true;
                logFxThread(fxThread);
              }
            }
          }
        }
        if (!ran.get()) {
          return; // closed
        }
        long waited = ranAt.get() - posted;
        long[] gcAfter = gcCounts();
        long gc =
            java.util.Arrays.equals(gcBefore, gcAfter) ? 0 : gcPausedBetween(gcBefore, gcAfter);
        maxBlocked.accumulateAndGet(Math.max(0, waited - renderWait - gc), Math::max);
        maxDelayLessGc.accumulateAndGet(Math.max(0, waited - gc), Math::max);
        if (ours) {
          record(maxOwnStall, waited, "stall with our code on top");
        }
        if (blocking) {
          record(maxStoreStall, waited, "stall in store or file code");
        }
        Thread.sleep(Math.max(1, periodNanos / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Records the pause of each stop-the-world collection (young and full collections, or a
   * concurrent collector's pauses; never its concurrent cycles, which run beside the application)
   * by the collection's number, so that a heartbeat can tell which collections ended while it
   * waited: a collection counted between two reads of the collectors' counts lies wholly between
   * them, since the heartbeat thread ran at both reads.
   */
  private void listenToGc() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      String name = gc.getName();
      if (name.contains("Concurrent")
          || name.contains("Cycles")
          || !(gc instanceof NotificationEmitter emitter)) {
        continue;
      }
      pausingCollectors.add(gc);
      Map<Long, Long> pauses = new ConcurrentHashMap<>();
      pauseByCollection.put(name, pauses);
      NotificationListener listener =
          (n, handback) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                n.getType())) {
              return;
            }
            GcInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
            long nanos = info.getDuration() * 1_000_000L;
            pauses.put(info.getId(), nanos);
            pauses.keySet().removeIf(id -> id < info.getId() - 1000);
            maxGcPause.accumulateAndGet(nanos, Math::max);
          };
      emitter.addNotificationListener(listener, null, null);
      gcUnsubscribe.add(
          () -> {
            try {
              emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException gone) {
              // already removed
            }
          });
    }
  }

  /** The stop-the-world collectors' counts now. */
  private long[] gcCounts() {
    long[] out = new long[pausingCollectors.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = pausingCollectors.get(i).getCollectionCount();
    }
    return out;
  }

  /**
   * The pauses of the collections counted between two reads of {@link #gcCounts}; their
   * notifications arrive shortly after each collection, so this waits up to 200 ms for them.
   */
  private long gcPausedBetween(long[] before, long[] after) throws InterruptedException {
    long paused = 0;
    for (int i = 0; i < before.length; i++) {
      Map<Long, Long> pauses = pauseByCollection.get(pausingCollectors.get(i).getName());
      for (long id = before[i] + 1; id <= after[i]; id++) {
        Long p = pauses.get(id);
        for (int tries = 0; p == null && tries < 40; tries++) {
          Thread.sleep(5);
          p = pauses.get(id);
        }
        paused += p == null ? 0 : p;
      }
    }
    return paused;
  }

  /**
   * True when the FX thread's innermost frame outside the JDK is the workbench's own code (a cell
   * formatting its text calls into java.text, but it is the cell that runs).
   */
  static boolean runsOurCode(StackTraceElement[] frames) {
    for (StackTraceElement f : frames) {
      String c = f.getClassName();
      if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) {
        return isOurs(c);
      }
    }
    return false;
  }

  /**
   * True when the FX thread is busy with the software renderer's frame rather than with events,
   * layout or our code: waiting for the render thread to finish painting the previous frame, or
   * handing the painted pixels to the window (on the headless platform a copy of the whole window's
   * pixels, done on the FX thread; a GPU pipeline presents the frame itself).
   */
  static boolean waitsForRenderer(StackTraceElement[] frames) {
    for (StackTraceElement f : frames) {
      String c = f.getClassName();
      String m = f.getMethodName();
      if ((c.equals("com.sun.javafx.tk.quantum.PaintCollector")
              && m.equals("waitForRenderingToComplete"))
          || (c.equals("com.sun.javafx.tk.quantum.SceneState") && m.contains("uploadPixels"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the FX thread is in a database call, the store (which may wait for its lock) or file
   * reading, which must never run there: that work belongs on an executor. The model's records
   * (queue rows, decisions) are plain data and do not count.
   */
  static boolean runsStoreOrFileCode(StackTraceElement[] frames) {
    String store = "org.labelcritic.model.store.Store";
    for (StackTraceElement f : frames) {
      String c = f.getClassName();
      if (c.startsWith("java.sql.")
          || c.startsWith("org.sqlite.")
          || c.equals(store)
          || c.startsWith(store + "$")
          || c.equals("java.io.FileInputStream")
          || c.equals("java.io.RandomAccessFile")
          || c.equals("sun.nio.ch.FileChannelImpl")
          || c.equals("java.nio.file.Files")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isOurs(String className) {
    String self = FxPulseWatchdog.class.getName();
    return className.startsWith("org.labelcritic.")
        && !className.equals(self)
        && !className.startsWith(self + "$");
  }

  /** Logs what the FX thread is doing while it keeps a heartbeat waiting (debug level). */
  private static void logFxThread(Thread fx) {
    if (fx == null || !LOG.isDebugEnabled()) {
      return;
    }
    StringBuilder out = new StringBuilder();
    StackTraceElement[] frames = fx.getStackTrace();
    for (int i = 0; i < Math.min(frames.length, 40); i++) {
      out.append("\n    at ").append(frames[i]);
    }
    LOG.debug("the FX thread is {} while a heartbeat waits:{}", fx.getState(), out);
  }

  private void record(AtomicLong max, long nanos, String what) {
    max.accumulateAndGet(nanos, Math::max);
    if (nanos > reportNanos) {
      LOG.warn("FX thread stalled: {} {} ms", what, nanos / 1_000_000);
    }
  }

  /** Forgets what was measured so far (e.g. after warming up). */
  public void reset() {
    maxDelay.set(0);
    maxGap.set(0);
    maxOwnStall.set(0);
    maxStoreStall.set(0);
    maxBlocked.set(0);
    maxGcPause.set(0);
    maxDelayLessGc.set(0);
    beats.set(0);
    pulses.set(0);
  }

  /** The longest a heartbeat waited for the FX thread. */
  public Duration maxDelay() {
    return Duration.ofNanos(maxDelay.get());
  }

  /**
   * The longest heartbeat wait during which the FX thread was seen running the workbench's own code
   * (its innermost frame), such as a cell formatting its text: an upper bound, since a busy CPU
   * also stretches such waits.
   */
  public Duration maxOwnStall() {
    return Duration.ofNanos(maxOwnStall.get());
  }

  /**
   * The longest heartbeat wait during which the FX thread was seen in model, imaging or database
   * code: store or file work on the FX thread, which the workbench must never do.
   */
  public Duration maxStoreStall() {
    return Duration.ofNanos(maxStoreStall.get());
  }

  /**
   * The longest heartbeat wait less the time the FX thread was seen waiting for the render thread
   * (sampled every 2 ms): how long the FX thread itself was kept by events, layout, CSS or the
   * workbench's code.
   */
  public Duration maxBlocked() {
    return Duration.ofNanos(maxBlocked.get());
  }

  /**
   * The longest a heartbeat waited for the FX thread less the JVM's stop-the-world GC pauses in
   * that wait: {@link #maxDelay} with the renderer's time still in it.
   */
  public Duration maxDelayLessGc() {
    return Duration.ofNanos(maxDelayLessGc.get());
  }

  /**
   * The longest stop-the-world garbage-collection pause while watching (not counted in {@link
   * #maxBlocked}; it is in {@link #maxDelay}).
   */
  public Duration maxGcPause() {
    return Duration.ofNanos(maxGcPause.get());
  }

  /** The longest gap between two pulses. */
  public Duration maxPulseGap() {
    return Duration.ofNanos(maxGap.get());
  }

  /** Heartbeats that ran since the start or the last reset. */
  public long beats() {
    return beats.get();
  }

  /** Pulses seen since the start or the last reset. */
  public long pulses() {
    return pulses.get();
  }

  @Override
  public void close() {
    running.set(false);
    heartbeat.interrupt();
    gcUnsubscribe.forEach(Runnable::run);
    Platform.runLater(timer::stop);
  }
}
