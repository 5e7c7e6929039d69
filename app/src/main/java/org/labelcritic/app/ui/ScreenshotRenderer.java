package org.labelcritic.app.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.store.QueueRow;
import org.labelcritic.model.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the main window for a database into a PNG without a display, once the queue has loaded
 * (for {@code lcw screenshot}, documentation and visual checks).
 *
 * <p>When it has to start the JavaFX platform itself it starts it headless; it leaves the platform
 * running so that it can be called again, so a command line that is done calls {@code
 * Platform.exit()} or exits the JVM.
 */
public final class ScreenshotRenderer {
  public static final int DEFAULT_WIDTH = (int) MainWindow.DEFAULT_WIDTH;
  public static final int DEFAULT_HEIGHT = (int) MainWindow.DEFAULT_HEIGHT;
  private static final int MAX_SIDE = 8192;
  private static final long LOAD_TIMEOUT_SECONDS = 60;
  private static final Logger LOG = LoggerFactory.getLogger(ScreenshotRenderer.class);

  private ScreenshotRenderer() {}

  /** What the window shows in a screenshot. */
  public enum Mode {
    /** The queue, the viewer and the verdict panel. */
    REVIEW,
    /** As review, with the viewer in its A|B side-by-side mode (its action "side-by-side"). */
    SIDE_BY_SIDE,
    /** As review, with the viewer editing a copy of the preferred candidate. */
    EDIT
  }

  /**
   * The state to render.
   *
   * @param item the item's (case's) external id, or null for the queue's first row
   * @param structure the structure, or null for the item's first row in the queue
   */
  public record State(String item, String structure, Mode mode) {
    public State {
      Objects.requireNonNull(mode, "mode");
    }

    /** The queue's first row, in review mode. */
    public static State initial() {
      return new State(null, null, Mode.REVIEW);
    }
  }

  /** Renders at the default size, 1280 x 800. */
  public static void render(Store store, Path out) throws LabelCriticException {
    render(store, out, DEFAULT_WIDTH, DEFAULT_HEIGHT);
  }

  /** Renders the queue's first row in review mode. */
  public static void render(Store store, Path out, int width, int height)
      throws LabelCriticException {
    render(store, out, width, height, State.initial(), null);
  }

  /**
   * Renders the main window showing {@code store} in {@code state} into {@code out} (PNG), {@code
   * width} x {@code height} pixels. Blocks until the file is written; must not be called on the FX
   * thread. Nothing is written to the database (no reviewer signs in, no worker runs).
   *
   * @param viewers the image viewer to show; null for the {@link ScanFactsViewer}
   */
  public static void render(
      Store store, Path out, int width, int height, State state, ItemViewerFactory viewers)
      throws LabelCriticException {
    if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE) {
      throw new LabelCriticException(
          "screenshot size must be between 1 and "
              + MAX_SIDE
              + " pixels a side, was "
              + width
              + "x"
              + height);
    }
    if (Platform.isFxApplicationThread()) {
      throw new IllegalStateException("render waits for the FX thread; call it from another one");
    }
    startPlatform();
    ExecutorService io =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "lcw-screenshot-io");
              t.setDaemon(true);
              return t;
            });
    MainWindow window = null;
    try {
      MainWindow w =
          onFx(
              () ->
                  new MainWindow(
                      store,
                      io,
                      I18n.bundle(Locale.getDefault()),
                      Platform::runLater,
                      null,
                      viewers,
                      null,
                      width,
                      height));
      window = w;
      CompletableFuture<Void> loaded = onFx(w::reload);
      waitFor(loaded, "loading the review queue");
      QueueRow row = onFx(() -> find(w, state));
      if (row != null) {
        waitFor(onFx(() -> select(w, row)), "loading the verdict");
        waitForViewer(w);
      }
      String problem = onFx(() -> enterMode(w, state.mode()));
      if (!problem.isEmpty()) {
        throw new LabelCriticException(problem);
      }
      waitForMetrics(w);
      // A scene without a stage has had no layout pass: lay it out at its size, then let the views
      // that paint in the next pulse (the image viewer's canvases) paint before the snapshot.
      onFx(
          () -> {
            w.scene().getRoot().applyCss();
            w.scene().getRoot().layout();
            // The queue could not scroll to the selected row before it had a size.
            if (w.scene().lookup("#queue-table") instanceof TableView<?> t) {
              int i = t.getSelectionModel().getSelectedIndex();
              if (i >= 0) {
                t.scrollTo(Math.max(0, i - 3));
                w.scene().getRoot().layout();
              }
            }
            return null;
          });
      onFx(() -> null);
      onFx(() -> null);
      WritableImage image = onFx(() -> snapshot(w.scene()));
      write(SwingFXUtils.fromFXImage(image, null), out);
      LOG.info("screenshot of {} ({}) written to {}", store.file(), state, out);
    } finally {
      if (window != null) {
        MainWindow w = window;
        onFxQuietly(() -> w.review().cancelEdit());
        w.close();
      }
      io.shutdownNow();
    }
  }

  private static QueueRow find(MainWindow w, State state) {
    if (state.item() == null) {
      return w.queue().selectedProperty().get();
    }
    for (QueueRow r : w.queue().rows()) {
      if (r.itemName().equals(state.item())
          && (state.structure() == null || r.structure().equals(state.structure()))) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "the review queue has no row for item '"
            + state.item()
            + "'"
            + (state.structure() == null ? "" : " and structure '" + state.structure() + "'"));
  }

  private static CompletableFuture<Void> select(MainWindow w, QueueRow row) {
    w.queue().select(row);
    return w.verdict().show(row);
  }

  /** Empty text when the mode is shown, else why not. */
  private static String enterMode(MainWindow w, Mode mode) {
    switch (mode) {
      case REVIEW -> {
        return "";
      }
      case SIDE_BY_SIDE -> {
        for (Action a : w.viewer().actions()) {
          if (ViewerActions.sameAction(a, "side-by-side", null)) {
            a.fire();
            return "";
          }
        }
        return "the attached image viewer has no side-by-side mode (no action 'side-by-side')";
      }
      case EDIT -> {
        return w.review().startEdit()
            ? ""
            : "the attached image viewer cannot edit this item: "
                + w.review().messageProperty().get();
      }
    }
    return "";
  }

  /** Lets the viewer load the item's images (up to the load timeout). */
  private static void waitForViewer(MainWindow w) throws LabelCriticException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOAD_TIMEOUT_SECONDS);
    while (!onFx(() -> w.viewer().settled())) {
      if (System.nanoTime() > deadline) {
        throw new LabelCriticException(
            "the image viewer did not load the item within " + LOAD_TIMEOUT_SECONDS + " s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LabelCriticException("interrupted while loading the item's images");
      }
    }
  }

  /** Lets the mask metrics finish (up to the load timeout) so the panel shows numbers. */
  private static void waitForMetrics(MainWindow w) throws LabelCriticException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOAD_TIMEOUT_SECONDS);
    String measuring = w.verdict().i18nMeasuring();
    while (System.nanoTime() < deadline) {
      String now = onFx(() -> w.verdict().metricsProperty().get());
      if (!now.equals(measuring)) {
        break;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LabelCriticException("interrupted while measuring the masks");
      }
    }
    // Let the viewer and the layout catch up with the last changes.
    onFx(() -> null);
    onFx(() -> null);
  }

  private static void onFxQuietly(Runnable r) {
    try {
      onFx(
          () -> {
            r.run();
            return null;
          });
    } catch (LabelCriticException e) {
      LOG.warn("cleaning up after a screenshot failed: {}", e.getMessage());
    }
  }

  private static WritableImage snapshot(Scene scene) {
    scene.getRoot().applyCss();
    scene.getRoot().layout();
    return scene.snapshot(null);
  }

  private static void write(BufferedImage image, Path out) throws LabelCriticException {
    try {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      // PNG has no use for the premultiplied alpha JavaFX hands over; write plain RGB.
      BufferedImage rgb =
          new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
      rgb.createGraphics().drawImage(image, 0, 0, null);
      if (!ImageIO.write(rgb, "png", out.toFile())) {
        throw LabelCriticException.inFile(out, "no PNG writer is available");
      }
    } catch (IOException e) {
      throw LabelCriticException.inFile(
          out, "could not write the screenshot: " + e.getMessage(), e);
    }
  }

  /** Starts JavaFX headless unless it runs already (in the app or a test). */
  private static void startPlatform() throws LabelCriticException {
    CountDownLatch started = new CountDownLatch(1);
    try {
      // Only read at start-up: harmless when the platform is already running.
      if (System.getProperty("glass.platform") == null) {
        System.setProperty("glass.platform", "Headless");
        System.setProperty("prism.order", "sw");
      }
      Platform.startup(started::countDown);
    } catch (IllegalStateException alreadyRunning) {
      return;
    }
    try {
      if (!started.await(LOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new LabelCriticException("JavaFX did not start within a minute");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabelCriticException("interrupted while starting JavaFX");
    }
  }

  private static <T> T onFx(Supplier<T> work) throws LabelCriticException {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            result.complete(work.get());
          } catch (IllegalArgumentException e) {
            result.completeExceptionally(new LabelCriticException(e.getMessage()));
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
    return waitFor(result, "rendering the window");
  }

  private static <T> T waitFor(CompletableFuture<T> future, String what)
      throws LabelCriticException {
    try {
      return future.get(LOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new LabelCriticException(what + " took longer than " + LOAD_TIMEOUT_SECONDS + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabelCriticException("interrupted while " + what);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof LabelCriticException lce) {
        throw lce;
      }
      throw new LabelCriticException(what + " failed: " + LabelCriticException.describe(cause));
    }
  }
}
