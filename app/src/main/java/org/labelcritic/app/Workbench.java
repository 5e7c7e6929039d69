package org.labelcritic.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.labelcritic.app.ui.I18n;
import org.labelcritic.app.ui.MainWindow;
import org.labelcritic.app.ui.QualityWorkerRunner;
import org.labelcritic.app.ui.team.ReviewerSettings;
import org.labelcritic.app.ui.viewer.VolumeViewer;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the workbench window on a database and returns when the user closes it. Owns the background
 * executor the window uses and shuts it down at the end.
 */
public final class Workbench {
  private static final Logger LOG = LoggerFactory.getLogger(Workbench.class);

  private Workbench() {}

  /** A named, bounded thread factory: background threads show up by purpose in a thread dump. */
  public static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Shows the window and blocks the calling (non-FX) thread until it is closed. */
  public static void open(Path database) throws LabelCriticException {
    // Store work (queue, decisions, edits) and scan reading have pools of their own: a decision
    // must not wait behind the seconds a big CT takes to read or prefetch.
    ExecutorService io = Executors.newFixedThreadPool(2, named("lcw-io"));
    ExecutorService scans = Executors.newFixedThreadPool(2, named("lcw-scans"));
    CountDownLatch closed = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    ReviewerSettings settings = new ReviewerSettings(AppDirectories.fromEnvironment().dataDir());
    try (Store store = Store.open(database)) {
      startFx();
      Platform.setImplicitExit(false);
      Platform.runLater(
          () -> {
            try {
              ResourceBundle bundle = I18n.bundle(Locale.getDefault());
              I18n i18n = new I18n(bundle);
              MainWindow window =
                  new MainWindow(
                      store,
                      io,
                      bundle,
                      s -> VolumeViewer.create(s, io, scans, i18n),
                      QualityWorkerRunner.allCritics());
              Stage stage = new Stage();
              stage.setScene(window.scene());
              stage.titleProperty().bind(window.title());
              window.setOnQuit(stage::close);
              // Closing waits for the worker, ends the review session and closes the store:
              // off the FX thread.
              stage.setOnHidden(
                  e ->
                      Thread.ofPlatform()
                          .name("lcw-close")
                          .start(
                              () -> {
                                try {
                                  window.close();
                                } finally {
                                  closed.countDown();
                                }
                              }));
              stage.show();
              window.reload();
              String fixed = System.getProperty("lcw.reviewer");
              if (fixed != null && !fixed.isBlank()) {
                window.startReviewing(fixed.strip(), machineName());
              } else {
                // First start: asks for the name (the dialog does not block) and keeps it.
                window.startReviewingAsSavedReviewer(settings, reviewerName(), machineName());
              }
            } catch (RuntimeException e) {
              failure.set(e);
              closed.countDown();
            }
          });
      closed.await();
      if (failure.get() != null) {
        throw new LabelCriticException(
            "cannot open the workbench window: " + LabelCriticException.describe(failure.get()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      scans.shutdownNow();
      io.shutdown();
      try {
        if (!io.awaitTermination(5, TimeUnit.SECONDS)) {
          LOG.warn("Background work did not stop within 5 s; leaving it to the JVM's exit");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Platform.exit();
    }
  }

  /**
   * The reviewer's name when none is saved: {@code -Dlcw.reviewer=NAME}, else the system user (the
   * first-start dialog suggests it).
   */
  static String reviewerName() {
    String name = System.getProperty("lcw.reviewer");
    if (name == null || name.isBlank()) {
      name = System.getProperty("user.name", "reviewer");
    }
    return name.isBlank() ? "reviewer" : name.strip();
  }

  /** The machine's name from the environment (no network lookup), or empty text. */
  static String machineName() {
    for (String var : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
      String v = System.getenv(var);
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return "";
  }

  static void startFx() {
    CountDownLatch started = new CountDownLatch(1);
    try {
      Platform.startup(started::countDown);
    } catch (IllegalStateException alreadyRunning) {
      started.countDown();
    }
    try {
      started.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
