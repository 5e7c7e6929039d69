package org.labelcritic.app.ui.viewer;

import java.util.List;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.labelcritic.app.ui.I18n;
import org.labelcritic.imaging.render.Plane;
import org.labelcritic.imaging.render.PlaneGrid;
import org.labelcritic.imaging.render.SliceBuffers;
import org.labelcritic.imaging.render.WindowLevel;
import org.labelcritic.imaging.volume.Volume;

/**
 * One plane of the scan in a canvas: the slice through the crosshair rendered by the imaging module
 * into buffers this view keeps, copied into a {@link WritableImage}, drawn scaled to the view
 * (nearest neighbour) with the crosshair and a caption. A slice is rendered again only when what it
 * shows changed (slice, window, overlays, edit); zoom, pan and the crosshair only redraw the image.
 * Repaints are coalesced to one per pulse. Mouse: click sets the crosshair (or paints in edit
 * mode), wheel scrolls, Ctrl+wheel zooms, right-drag sets the window, middle- or Shift-drag pans.
 */
public final class SliceView extends Region {
  private final ViewerViewModel vm;
  private final I18n i18n;
  private final Supplier<Plane> plane;
  private final boolean large;
  private final IntSupplier only;
  private final Canvas canvas = new Canvas();
  private final SliceBuffers buffers = new SliceBuffers();

  /** The slice scaled to the screen, and where it lies in the canvas. */
  private WritableImage image;

  private int[] screen = new int[0];
  private int[] columns = new int[0];
  private int screenX0;
  private int screenY0;
  private Placement scaledFor;
  private RenderKey rendered;
  private boolean paintPending;
  private long frames;
  private long paintNanos;

  // Mouse state.
  private double lastX;
  private double lastY;
  private Drag drag = Drag.NONE;
  private double mouseX = -1;
  private double mouseY = -1;

  private enum Drag {
    NONE,
    CROSSHAIR,
    PAINT,
    WINDOW,
    PAN
  }

  /** What one rendered slice shows; equal keys give equal pixels. */
  private record RenderKey(
      Volume scan,
      Plane plane,
      int slice,
      WindowLevel window,
      List<OverlaySettings> overlays,
      long editVersion,
      int only) {}

  /** Where the image lies in the canvas: origin and pixels per image pixel. */
  private record Placement(double ox, double oy, double scale) {}

  /**
   * @param plane the plane to show (read at each paint: the large view follows the large plane)
   * @param large whether zoom and pan apply (the large views); the small views always fit
   * @param only the overlay shown alone (one side of A|B), or -1 for every visible overlay
   */
  public SliceView(
      ViewerViewModel vm, I18n i18n, Supplier<Plane> plane, boolean large, IntSupplier only) {
    this.vm = Objects.requireNonNull(vm, "vm");
    this.i18n = Objects.requireNonNull(i18n, "i18n");
    this.plane = Objects.requireNonNull(plane, "plane");
    this.large = large;
    this.only = Objects.requireNonNull(only, "only");
    getStyleClass().add("slice-view");
    setMinSize(60, 60);
    getChildren().add(canvas);
    Observable[] triggers = {
      vm.stateProperty(),
      vm.crosshairProperty(),
      vm.windowProperty(),
      vm.overlays(),
      vm.editVersionProperty(),
      vm.zoomProperty(),
      vm.panXProperty(),
      vm.panYProperty(),
      vm.largePlaneProperty(),
      vm.modeProperty(),
      vm.sideAProperty(),
      vm.sideBProperty(),
      vm.brushMmProperty(),
      vm.editingProperty(),
      widthProperty(),
      heightProperty(),
      visibleProperty()
    };
    for (Observable o : triggers) {
      o.addListener(x -> requestPaint());
    }
    canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
    canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
    canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
    canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
    canvas.addEventHandler(
        MouseEvent.MOUSE_EXITED,
        e -> {
          mouseX = -1;
          requestPaint();
        });
    canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
  }

  /** The plane shown now. */
  public Plane plane() {
    return plane.get();
  }

  /** A copy of the last rendered slice's pixels (for tests). */
  int[] lastFrame() {
    return buffers.pixels().clone();
  }

  /** Slices rendered so far (not redraws): for tests and the benchmark. */
  public long renderedFrames() {
    return frames;
  }

  @Override
  protected void layoutChildren() {
    canvas.setWidth(Math.max(1, getWidth()));
    canvas.setHeight(Math.max(1, getHeight()));
  }

  /**
   * Asks for a repaint in the next pulse; many requests in one pulse paint once, and a hidden view
   * (the other modes' views) paints only when it is shown again.
   */
  void requestPaint() {
    if (!paintPending && isVisible()) {
      paintPending = true;
      Platform.runLater(
          () -> {
            paintPending = false;
            paintNow();
          });
    }
  }

  /** Time spent in {@link #paintNow()} so far, in nanoseconds (for the benchmark). */
  long paintNanos() {
    return paintNanos;
  }

  /** Paints at once (the benchmark and tests call this on the FX thread). */
  void paintNow() {
    long t0 = System.nanoTime();
    try {
      paint();
    } finally {
      paintNanos += System.nanoTime() - t0;
    }
  }

  private void paint() {
    GraphicsContext gc = canvas.getGraphicsContext2D();
    double cw = canvas.getWidth();
    double ch = canvas.getHeight();
    gc.setFill(Color.BLACK);
    gc.fillRect(0, 0, cw, ch);
    if (!vm.ready() || vm.grid(plane.get()).isEmpty()) {
      return;
    }
    Plane p = plane.get();
    PlaneGrid grid = vm.grid(p).orElseThrow();
    Volume scan = vm.currentCase().orElseThrow().scan();
    int slice = vm.slice(p);
    int solo = only.getAsInt();
    RenderKey key =
        new RenderKey(
            scan,
            p,
            slice,
            vm.windowProperty().get(),
            List.copyOf(vm.overlays()),
            vm.editVersionProperty().get(),
            solo);
    Placement at = placement(grid);
    boolean fresh = !key.equals(rendered);
    if (fresh) {
      grid.render(scan, slice, key.window(), vm.renderOverlays(solo), buffers);
      rendered = key;
      frames++;
    }
    if (fresh || !at.equals(scaledFor)) {
      scaleToScreen(grid, at, cw, ch);
      scaledFor = at;
    }
    if (image != null) {
      gc.drawImage(image, screenX0, screenY0);
    }
    drawCrosshair(gc, grid, at);
    drawCaption(gc, p, slice, grid.sliceCount(), solo);
    drawBrush(gc, grid, at);
  }

  /**
   * Scales the rendered slice to the screen here (nearest neighbour, one array read per screen
   * pixel), so that the canvas only copies an unscaled image: JavaFX's software pipeline scales an
   * image several times slower than it copies one.
   */
  private void scaleToScreen(PlaneGrid grid, Placement at, double cw, double ch) {
    int x0 = (int) Math.max(0, Math.floor(at.ox));
    int y0 = (int) Math.max(0, Math.floor(at.oy));
    int x1 = (int) Math.min(cw, Math.ceil(at.ox + grid.width() * at.scale));
    int y1 = (int) Math.min(ch, Math.ceil(at.oy + grid.height() * at.scale));
    int sw = x1 - x0;
    int sh = y1 - y0;
    if (sw <= 0 || sh <= 0) {
      image = null;
      return;
    }
    if (screen.length != sw * sh) {
      screen = new int[sw * sh];
    }
    if (columns.length < sw) {
      columns = new int[sw];
    }
    int w = grid.width();
    int h = grid.height();
    for (int x = 0; x < sw; x++) {
      columns[x] = Math.clamp((long) Math.floor((x0 + x + 0.5 - at.ox) / at.scale), 0, w - 1);
    }
    int[] px = buffers.pixels();
    for (int y = 0; y < sh; y++) {
      int row = Math.clamp((long) Math.floor((y0 + y + 0.5 - at.oy) / at.scale), 0, h - 1) * w;
      int o = y * sw;
      for (int x = 0; x < sw; x++) {
        screen[o + x] = px[row + columns[x]];
      }
    }
    if (image == null || (int) image.getWidth() != sw || (int) image.getHeight() != sh) {
      image = new WritableImage(sw, sh);
    }
    image.getPixelWriter().setPixels(0, 0, sw, sh, PixelFormat.getIntArgbInstance(), screen, 0, sw);
    screenX0 = x0;
    screenY0 = y0;
  }

  private Placement placement(PlaneGrid grid) {
    double cw = canvas.getWidth();
    double ch = canvas.getHeight();
    double fit = Math.min(cw / grid.width(), ch / grid.height());
    double zoom = large ? vm.zoomProperty().get() : 1;
    double scale = fit * zoom;
    double px = large ? vm.panXProperty().get() : 0;
    double py = large ? vm.panYProperty().get() : 0;
    double ox = cw / 2 - (grid.width() / 2.0 - px) * scale;
    double oy = ch / 2 - (grid.height() / 2.0 - py) * scale;
    return new Placement(ox, oy, scale);
  }

  private void drawCrosshair(GraphicsContext gc, PlaneGrid grid, Placement at) {
    int[] v = vm.crosshairProperty().get().toArray();
    double x = at.ox + grid.screenX(v) * at.scale;
    double y = at.oy + grid.screenY(v) * at.scale;
    gc.setStroke(Color.rgb(0, 230, 255, 0.55));
    gc.setLineWidth(1);
    double gap = 6;
    gc.strokeLine(0, y + 0.5, x - gap, y + 0.5);
    gc.strokeLine(x + gap, y + 0.5, canvas.getWidth(), y + 0.5);
    gc.strokeLine(x + 0.5, 0, x + 0.5, y - gap);
    gc.strokeLine(x + 0.5, y + gap, x + 0.5, canvas.getHeight());
  }

  private void drawCaption(GraphicsContext gc, Plane p, int slice, int count, int solo) {
    gc.setFont(Font.font("System", FontWeight.BOLD, 13));
    gc.setTextAlign(TextAlignment.LEFT);
    gc.setTextBaseline(VPos.TOP);
    String name =
        switch (p) {
          case AXIAL -> i18n.text("viewer.plane.axial");
          case CORONAL -> i18n.text("viewer.plane.coronal");
          case SAGITTAL -> i18n.text("viewer.plane.sagittal");
        };
    String text = i18n.format("viewer.caption", name, slice + 1, count);
    shadowText(gc, text, 6, 5, Color.WHITE);
    if (solo >= 0 && solo < vm.overlays().size()) {
      OverlaySettings o = vm.overlays().get(solo);
      String side =
          i18n.format("viewer.side", solo == vm.sideAProperty().get() ? "A" : "B", o.label());
      shadowText(gc, side, 6, 23, colour(o.rgb()));
    }
    if (large) {
      WindowLevel w = vm.windowProperty().get();
      gc.setTextBaseline(VPos.BOTTOM);
      shadowText(
          gc,
          i18n.format("viewer.window", Math.round(w.width()), Math.round(w.level())),
          6,
          canvas.getHeight() - 5,
          Color.WHITE);
    }
  }

  private static void shadowText(GraphicsContext gc, String text, double x, double y, Color c) {
    gc.setFill(Color.BLACK);
    gc.fillText(text, x + 1, y + 1);
    gc.setFill(c);
    gc.fillText(text, x, y);
  }

  private void drawBrush(GraphicsContext gc, PlaneGrid grid, Placement at) {
    if (!vm.editingProperty().get() || mouseX < 0) {
      return;
    }
    double r = vm.brushMmProperty().get() / grid.mmPerPixel() * at.scale;
    gc.setStroke(
        vm.toolProperty().get() == ViewerViewModel.Tool.BRUSH ? Color.YELLOW : Color.ORANGERED);
    gc.setLineWidth(1.5);
    gc.strokeOval(mouseX - r, mouseY - r, 2 * r, 2 * r);
  }

  static Color colour(int rgb) {
    return Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
  }

  /** The voxel under canvas point (x, y) on the current slice; null outside the image. */
  Voxel voxelAt(double x, double y) {
    if (!vm.ready() || vm.grid(plane.get()).isEmpty()) {
      return null;
    }
    PlaneGrid grid = vm.grid(plane.get()).orElseThrow();
    Placement at = placement(grid);
    double px = (x - at.ox) / at.scale;
    double py = (y - at.oy) / at.scale;
    if (px < 0 || py < 0 || px >= grid.width() || py >= grid.height()) {
      return null;
    }
    int[] v = vm.crosshairProperty().get().toArray();
    grid.setInPlane((int) px, (int) py, v);
    return Voxel.of(v);
  }

  /** The canvas point at the centre of voxel {@code v} on this view (for tests). */
  double[] pointOf(Voxel v) {
    PlaneGrid grid = vm.grid(plane.get()).orElseThrow();
    Placement at = placement(grid);
    int[] a = v.toArray();
    return new double[] {at.ox + grid.screenX(a) * at.scale, at.oy + grid.screenY(a) * at.scale};
  }

  private void pressed(MouseEvent e) {
    canvas.requestFocus();
    lastX = e.getX();
    lastY = e.getY();
    if (e.getButton() == MouseButton.SECONDARY) {
      drag = Drag.WINDOW;
    } else if (e.getButton() == MouseButton.MIDDLE
        || (e.getButton() == MouseButton.PRIMARY && e.isShiftDown())) {
      drag = large ? Drag.PAN : Drag.NONE;
    } else if (e.getButton() == MouseButton.PRIMARY) {
      Voxel v = voxelAt(e.getX(), e.getY());
      if (v == null) {
        drag = Drag.NONE;
      } else if (vm.editingProperty().get()) {
        drag = Drag.PAINT;
        vm.paint(plane.get(), v, true);
      } else {
        drag = Drag.CROSSHAIR;
        vm.setCrosshair(v);
      }
    }
    e.consume();
  }

  private void dragged(MouseEvent e) {
    double dx = e.getX() - lastX;
    double dy = e.getY() - lastY;
    lastX = e.getX();
    lastY = e.getY();
    mouseX = e.getX();
    mouseY = e.getY();
    switch (drag) {
      case WINDOW -> vm.dragWindow(dx, dy);
      case PAN -> {
        PlaneGrid grid = vm.grid(plane.get()).orElse(null);
        if (grid != null) {
          double scale = placement(grid).scale;
          vm.pan(dx / scale, dy / scale);
        }
      }
      case PAINT -> {
        Voxel v = voxelAt(e.getX(), e.getY());
        if (v != null) {
          vm.paint(plane.get(), v, false);
        }
      }
      case CROSSHAIR -> {
        Voxel v = voxelAt(e.getX(), e.getY());
        if (v != null) {
          vm.setCrosshair(v);
        }
      }
      case NONE -> {
        // nothing to drag
      }
    }
    e.consume();
  }

  private void released(MouseEvent e) {
    if (drag == Drag.PAINT) {
      vm.endStroke();
    }
    drag = Drag.NONE;
    e.consume();
  }

  private void moved(MouseEvent e) {
    mouseX = e.getX();
    mouseY = e.getY();
    if (vm.editingProperty().get()) {
      requestPaint();
    }
  }

  private void scrolled(ScrollEvent e) {
    if (e.getDeltaY() == 0) {
      return;
    }
    if (e.isShortcutDown()) {
      if (large) {
        vm.zoomBy(e.getDeltaY() > 0 ? ViewerViewModel.ZOOM_STEP : 1 / ViewerViewModel.ZOOM_STEP);
      }
    } else {
      vm.scroll(plane.get(), e.getDeltaY() > 0 ? 1 : -1);
    }
    e.consume();
  }
}
