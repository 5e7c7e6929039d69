package org.labelcritic.app.ui.viewer;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.labelcritic.app.ui.I18n;
import org.labelcritic.imaging.dicom.DicomSeriesReader;
import org.labelcritic.imaging.nifti.NiftiReader;
import org.labelcritic.imaging.nifti.NiftiWriter;
import org.labelcritic.imaging.render.Plane;
import org.labelcritic.imaging.review.EditSaver;
import org.labelcritic.imaging.review.ReviewCaseLoader;
import org.labelcritic.model.job.CancellableProgress;
import org.labelcritic.model.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The viewer's figures on a synthetic 512 x 512 x 300 int16 CT (0.8 x 0.8 x 1.5 mm) with three
 * organ-sized candidate masks, through the real view code on the JavaFX headless platform:
 *
 * <ol>
 *   <li>scrolling throughput: slice after slice rendered by {@link SliceView#paintNow()} (render,
 *       copy into the {@code WritableImage}, canvas drawing), in frames/s;
 *   <li>scrolling at the screen's pace: one slice per pulse for 3 s, frames/s (the pulse caps it at
 *       60);
 *   <li>the latency of {@link VolumeViewer#show} for a prefetched case: from the call to the first
 *       painted frame of the large view, alternating between two cases.
 * </ol>
 *
 * <p>Run: {@code mvn -B -o -pl app -am test-compile} then {@code java -Xmx3g
 * -Dglass.platform=Headless -Dprism.order=sw -cp app/target/test-classes:app/target/classes:$(cat
 * cp.txt) org.labelcritic.app.ui.viewer.ViewerBench} (see docs/decisions/0011). Prints a Markdown
 * table.
 */
public final class ViewerBench {
  private static final Logger LOG = LoggerFactory.getLogger(ViewerBench.class);

  private ViewerBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("viewer-bench");
    List<String> rows = new ArrayList<>();
    ExecutorService io = Executors.newFixedThreadPool(2);
    try (Store store = Store.open(dir.resolve("bench.db"))) {
      long liver = store.structureId("liver");
      long[] items = {
        SyntheticCt.caseOnDisk(store, dir, "case-a", liver, 0),
        SyntheticCt.caseOnDisk(store, dir, "case-b", liver, 7)
      };
      CountDownLatch started = new CountDownLatch(1);
      Platform.startup(started::countDown);
      started.await();
      ReviewCaseLoader loader =
          new ReviewCaseLoader(store, new NiftiReader(), new DicomSeriesReader(), 1L << 30, io);
      for (long item : items) {
        loader.load(item, liver, new CancellableProgress());
      }
      VolumeViewer viewer =
          onFx(
              () ->
                  new VolumeViewer(
                      loader,
                      new EditSaver(store, new NiftiWriter()),
                      io,
                      io,
                      Platform::runLater,
                      new I18n(I18n.bundle(Locale.ROOT))));
      onFx(
          () -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(viewer.node()), 1400, 900));
            stage.show();
            return null;
          });
      double[] loads = new double[20];
      for (int i = 0; i < loads.length; i++) {
        long t0 = System.nanoTime();
        loader.load(items[i % 2], liver, new CancellableProgress());
        loads[i] = (System.nanoTime() - t0) / 1e6;
      }
      Arrays.sort(loads);
      double[] latencies = showLatencies(viewer, items, liver, 20);
      double throughput = scrollThroughput(viewer, 600);
      double[] paced = scrollPerPulse(viewer, 3);
      double baseline = baselinePulses(3);
      Arrays.sort(latencies);
      rows.add(
          row(
              "scroll 512x512x300 int16, 3 overlays, paintNow() loop",
              String.format(Locale.ROOT, "%.0f frames/s", throughput),
              ">= 30 frames/s"));
      rows.add(
          row(
              "scroll one slice per pulse for 3 s (FX thread time in the views per frame)",
              String.format(Locale.ROOT, "%.0f frames/s (%.1f ms)", paced[0], paced[1]),
              ">= 30 frames/s"));
      rows.add(
          row(
              "baseline: a 1400x900 canvas filled and moved a pixel every pulse, no viewer code",
              String.format(Locale.ROOT, "%.0f frames/s", baseline),
              "-"));
      rows.add(
          row(
              "show() of a prefetched case -> first frame, median of "
                  + latencies.length
                  + " (max)",
              String.format(
                  Locale.ROOT,
                  "%.1f ms (%.1f ms)",
                  latencies[latencies.length / 2],
                  latencies[latencies.length - 1]),
              "<= 100 ms"));
      rows.add(
          row(
              "ReviewCaseLoader.load of a prefetched case (store queries + cache), median (max)",
              String.format(
                  Locale.ROOT,
                  "%.1f ms (%.1f ms)",
                  loads[loads.length / 2],
                  loads[loads.length - 1]),
              "-"));
    } finally {
      io.shutdownNow();
      Platform.exit();
    }
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "### viewer (%d cores, load average %.2f)%n%n| benchmark | result | target |%n|---|---|---|%n",
            Runtime.getRuntime().availableProcessors(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    rows.forEach(md::append);
    LOG.info("\n{}", md);
    Path out = Path.of("target/benchmarks-viewer.md");
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, md.toString());
  }

  private static String row(String what, String result, String target) {
    return "| " + what + " | " + result + " | " + target + " |\n";
  }

  /** Scrolls through the axial slices, painting each at once; frames per second. */
  static double scrollThroughput(VolumeViewer viewer, int frames) throws Exception {
    return onFx(
        () -> {
          ViewerViewModel vm = viewer.viewModel();
          SliceView view = viewer.largeView();
          vm.largePlaneProperty().set(Plane.AXIAL);
          vm.setCrosshair(new Voxel(256, 256, 0));
          for (int i = 0; i < 100; i++) {
            step(vm);
            view.paintNow();
          }
          long before = view.renderedFrames();
          long t0 = System.nanoTime();
          for (int i = 0; i < frames; i++) {
            step(vm);
            view.paintNow();
          }
          double s = (System.nanoTime() - t0) / 1e9;
          if (view.renderedFrames() - before != frames) {
            throw new IllegalStateException("not every step rendered a new slice");
          }
          return frames / s;
        });
  }

  /**
   * Scrolls one slice per pulse: rendered frames per second, and the FX thread's time in the three
   * views' paints per frame (the rest of a pulse is JavaFX's own layout and rasterizing).
   */
  static double[] scrollPerPulse(VolumeViewer viewer, int seconds) throws Exception {
    SliceView view = viewer.largeView();
    SliceView[] all = {view, viewer.smallView(0), viewer.smallView(1)};
    ViewerViewModel vm = viewer.viewModel();
    long[] counts = new long[2];
    CompletableFuture<double[]> done = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          counts[0] = view.renderedFrames();
          for (SliceView v : all) {
            counts[1] += v.paintNanos();
          }
          long t0 = System.nanoTime();
          new AnimationTimer() {
            @Override
            public void handle(long now) {
              if (now - t0 > seconds * 1_000_000_000L) {
                stop();
                long frames = view.renderedFrames() - counts[0];
                long nanos = -counts[1];
                for (SliceView v : all) {
                  nanos += v.paintNanos();
                }
                done.complete(
                    new double[] {frames / ((now - t0) / 1e9), nanos / 1e6 / Math.max(1, frames)});
                return;
              }
              step(vm);
            }
          }.start();
        });
    return done.get(seconds + 30L, TimeUnit.SECONDS);
  }

  /**
   * What this machine's JavaFX pipeline manages without any viewer code: a canvas the size of the
   * window, repainted every pulse. Frames per second; the ceiling for any view here.
   */
  static double baselinePulses(int seconds) throws Exception {
    CompletableFuture<Double> done = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          javafx.scene.canvas.Canvas canvas = new javafx.scene.canvas.Canvas(1400, 900);
          Stage stage = new Stage();
          stage.setScene(new Scene(new StackPane(canvas), 1400, 900));
          stage.show();
          long t0 = System.nanoTime();
          long[] frames = {0};
          new AnimationTimer() {
            @Override
            public void handle(long now) {
              if (now - t0 > seconds * 1_000_000_000L) {
                stop();
                stage.close();
                done.complete(frames[0] / ((now - t0) / 1e9));
                return;
              }
              var gc = canvas.getGraphicsContext2D();
              gc.setFill(javafx.scene.paint.Color.gray((frames[0] % 100) / 100.0));
              gc.fillRect(0, 0, 1400, 900);
              gc.setFill(javafx.scene.paint.Color.RED);
              gc.fillRect(frames[0] % 1000, 100, 300, 300);
              frames[0]++;
            }
          }.start();
        });
    return done.get(seconds + 30L, TimeUnit.SECONDS);
  }

  /** One slice on, bouncing between the ends of the scan. */
  private static void step(ViewerViewModel vm) {
    int n = vm.sliceCount(Plane.AXIAL);
    int s = vm.slice(Plane.AXIAL);
    if (s + 1 >= n) {
      vm.setCrosshair(new Voxel(256, 256, 0));
    } else {
      vm.scroll(1);
    }
  }

  /** From show() to the large view's next rendered frame, in ms, alternating the items. */
  static double[] showLatencies(VolumeViewer viewer, long[] items, long structure, int n)
      throws Exception {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      long item = items[i % items.length];
      CompletableFuture<Double> done = new CompletableFuture<>();
      Platform.runLater(
          () -> {
            long before = viewer.largeView().renderedFrames();
            long t0 = System.nanoTime();
            viewer.show(item, structure);
            new AnimationTimer() {
              @Override
              public void handle(long now) {
                if (viewer.viewModel().ready() && viewer.largeView().renderedFrames() > before) {
                  stop();
                  done.complete((System.nanoTime() - t0) / 1e6);
                }
              }
            }.start();
          });
      out[i] = done.get(60, TimeUnit.SECONDS);
    }
    return out;
  }

  private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            f.complete(c.call());
          } catch (Exception | Error e) {
            f.completeExceptionally(e);
          }
        });
    return f.get(120, TimeUnit.SECONDS);
  }
}
