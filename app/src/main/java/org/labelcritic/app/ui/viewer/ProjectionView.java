package org.labelcritic.app.ui.viewer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.labelcritic.app.ui.I18n;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.Box;
import org.labelcritic.imaging.render.ArgbImage;
import org.labelcritic.imaging.render.FrontalProjection;
import org.labelcritic.imaging.render.MaskSampler;
import org.labelcritic.imaging.review.CaseCandidate;
import org.labelcritic.imaging.review.ReviewCase;

/**
 * The frontal projection of the published Label Critic protocol (the image the critic looks at),
 * once for candidate A and once for candidate B, side by side. Projecting sums the whole scan, so
 * it runs on the IO executor when the mode is entered or the case or the A|B choice changes.
 */
final class ProjectionView extends Region {
  private final ViewerViewModel vm;
  private final I18n i18n;
  private final Executor io;
  private final Executor fx;
  private final Canvas canvas = new Canvas();
  private List<Panel> panels = List.of();
  private Object computedFor;
  private boolean computing;

  private record Panel(String title, WritableImage image) {}

  private record Request(ReviewCase c, long a, long b) {}

  ProjectionView(ViewerViewModel vm, I18n i18n, Executor io, Executor fx) {
    this.vm = Objects.requireNonNull(vm, "vm");
    this.i18n = Objects.requireNonNull(i18n, "i18n");
    this.io = Objects.requireNonNull(io, "io");
    this.fx = Objects.requireNonNull(fx, "fx");
    getStyleClass().add("projection-view");
    getChildren().add(canvas);
    vm.modeProperty().addListener(o -> refresh());
    vm.stateProperty().addListener(o -> refresh());
    vm.sideAProperty().addListener(o -> refresh());
    vm.sideBProperty().addListener(o -> refresh());
    widthProperty().addListener(o -> paint());
    heightProperty().addListener(o -> paint());
  }

  @Override
  protected void layoutChildren() {
    canvas.setWidth(Math.max(1, getWidth()));
    canvas.setHeight(Math.max(1, getHeight()));
    paint();
  }

  /** Starts the projection when the mode shows it and it is not there yet. */
  private void refresh() {
    if (vm.modeProperty().get() != ViewerViewModel.Mode.PROJECTION || !vm.ready()) {
      paint();
      return;
    }
    ReviewCase c = vm.currentCase().orElseThrow();
    List<CaseCandidate> chosen = new ArrayList<>();
    for (int i : new int[] {vm.sideAProperty().get(), vm.sideBProperty().get()}) {
      if (i >= 0 && i < c.candidates().size() && !chosen.contains(c.candidates().get(i))) {
        chosen.add(c.candidates().get(i));
      }
    }
    Request r =
        new Request(
            c,
            chosen.isEmpty() ? -1 : chosen.get(0).id(),
            chosen.size() < 2 ? -1 : chosen.get(1).id());
    if (r.equals(computedFor)) {
      paint();
      return;
    }
    computedFor = r;
    computing = true;
    panels = List.of();
    paint();
    io.execute(
        () -> {
          List<ArgbImage> images = new ArrayList<>();
          for (CaseCandidate k : chosen) {
            images.add(FrontalProjection.render(c.scan(), List.of(sampler(k.mask()))));
          }
          fx.execute(
              () -> {
                if (!r.equals(computedFor)) {
                  return;
                }
                List<Panel> out = new ArrayList<>();
                for (int i = 0; i < images.size(); i++) {
                  ArgbImage img = images.get(i);
                  WritableImage w = new WritableImage(img.width(), img.height());
                  w.getPixelWriter()
                      .setPixels(
                          0,
                          0,
                          img.width(),
                          img.height(),
                          PixelFormat.getIntArgbInstance(),
                          img.pixels(),
                          0,
                          img.width());
                  out.add(
                      new Panel(
                          i18n.format(
                              "viewer.projection.title", i == 0 ? "A" : "B", chosen.get(i).label()),
                          w));
                }
                panels = out;
                computing = false;
                paint();
              });
        });
  }

  private static MaskSampler sampler(BinaryMask m) {
    Box b = m.bounds();
    return MaskSampler.within(b.x0(), b.y0(), b.z0(), b.x1(), b.y1(), b.z1(), m::get);
  }

  /** Whether the projections are on screen (for tests). */
  boolean showing() {
    return !computing && !panels.isEmpty();
  }

  private void paint() {
    GraphicsContext gc = canvas.getGraphicsContext2D();
    double cw = canvas.getWidth();
    double ch = canvas.getHeight();
    gc.setFill(Color.BLACK);
    gc.fillRect(0, 0, cw, ch);
    gc.setFont(Font.font("System", FontWeight.BOLD, 13));
    gc.setTextBaseline(VPos.TOP);
    if (computing || panels.isEmpty()) {
      if (computing) {
        gc.setFill(Color.WHITE);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.fillText(i18n.text("viewer.projection.computing"), cw / 2, ch / 2);
      }
      return;
    }
    double slot = cw / panels.size();
    double top = 24;
    for (int i = 0; i < panels.size(); i++) {
      Panel p = panels.get(i);
      double iw = p.image.getWidth();
      double ih = p.image.getHeight();
      double s = Math.min((slot - 8) / iw, (ch - top - 4) / ih);
      double x = i * slot + (slot - iw * s) / 2;
      double y = top + (ch - top - ih * s) / 2;
      gc.setImageSmoothing(true);
      gc.drawImage(p.image, x, y, iw * s, ih * s);
      gc.setTextAlign(TextAlignment.CENTER);
      gc.setFill(Color.WHITE);
      gc.fillText(p.title, i * slot + slot / 2, Math.max(4, y - 20));
    }
  }
}
