package org.labelcritic.app.ui.viewer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.Box;
import org.labelcritic.imaging.mask.EditableMask;
import org.labelcritic.imaging.render.MaskSampler;
import org.labelcritic.imaging.render.Overlay;
import org.labelcritic.imaging.render.Plane;
import org.labelcritic.imaging.render.PlaneGrid;
import org.labelcritic.imaging.render.WindowLevel;
import org.labelcritic.imaging.review.CaseCandidate;
import org.labelcritic.imaging.review.ReviewCase;

/**
 * The state of the viewer, without nodes: the case shown, the crosshair (which sets the slice of
 * every plane), zoom and pan of the large view, the window, each candidate's overlay settings, the
 * mode (three planes, A|B side by side, frontal projection), and the edit in progress. Side-by-side
 * views share this one state, so slice, zoom and window stay synchronized by construction. Methods
 * are called on the FX thread.
 */
public final class ViewerViewModel {
  /** What the viewer shows. */
  public enum Mode {
    NORMAL,
    SIDE_BY_SIDE,
    PROJECTION
  }

  /** Whether a case is shown, being loaded, or could not be loaded. */
  public enum LoadState {
    EMPTY,
    LOADING,
    READY,
    FAILED
  }

  /** The edit tool. */
  public enum Tool {
    BRUSH,
    ERASER
  }

  /** Window presets, cycled in this order. */
  public enum Preset {
    ABDOMEN,
    LIVER,
    BONE,
    LUNG,
    AUTO
  }

  static final double MIN_ZOOM = 0.25;
  static final double MAX_ZOOM = 16;
  static final double ZOOM_STEP = 1.25;
  static final double MIN_BRUSH_MM = 1;
  static final double MAX_BRUSH_MM = 40;
  static final double DEFAULT_OPACITY = 0.45;
  static final double EDIT_OPACITY = 0.5;

  private final ObjectProperty<LoadState> state = new SimpleObjectProperty<>(LoadState.EMPTY);
  private final StringProperty message = new SimpleStringProperty("");
  private final DoubleProperty progress = new SimpleDoubleProperty(-1);
  private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.NORMAL);
  private final ObjectProperty<Plane> largePlane = new SimpleObjectProperty<>(Plane.AXIAL);
  private final ObjectProperty<Voxel> crosshair = new SimpleObjectProperty<>(new Voxel(0, 0, 0));
  private final DoubleProperty zoom = new SimpleDoubleProperty(1);
  private final DoubleProperty panX = new SimpleDoubleProperty(0);
  private final DoubleProperty panY = new SimpleDoubleProperty(0);
  private final ObjectProperty<WindowLevel> window =
      new SimpleObjectProperty<>(WindowLevel.ABDOMEN);
  private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>(Preset.ABDOMEN);
  private final ObservableList<OverlaySettings> overlays = FXCollections.observableArrayList();
  private long pairA = -1;
  private long pairB = -1;
  private final IntegerProperty sideA = new SimpleIntegerProperty(0);
  private final IntegerProperty sideB = new SimpleIntegerProperty(1);
  private final BooleanProperty editing = new SimpleBooleanProperty(false);
  private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(Tool.BRUSH);
  private final DoubleProperty brushMm = new SimpleDoubleProperty(5);
  private final LongProperty editVersion = new SimpleLongProperty(0);
  private final BooleanProperty canUndo = new SimpleBooleanProperty(false);
  private final BooleanProperty canRedo = new SimpleBooleanProperty(false);

  private ReviewCase current;
  private WindowLevel auto = WindowLevel.ABDOMEN;
  private final Map<Plane, PlaneGrid> grids = new HashMap<>();
  private final Map<Long, MaskSampler> samplers = new HashMap<>();
  private EditableMask edit;
  private long editCandidateId = -1;

  // ---------------------------------------------------------------- loading

  /** A load has started. */
  public void loading(String what) {
    discardEdit();
    state.set(LoadState.LOADING);
    message.set(what);
    progress.set(-1);
  }

  public void progress(double fraction) {
    progress.set(fraction);
  }

  /** The load failed or was cancelled: the message says why; the old case is gone. */
  public void failed(String why) {
    discardEdit();
    current = null;
    grids.clear();
    samplers.clear();
    overlays.clear();
    state.set(LoadState.FAILED);
    message.set(why);
  }

  /** Nothing shown. */
  public void clear() {
    discardEdit();
    current = null;
    grids.clear();
    samplers.clear();
    overlays.clear();
    state.set(LoadState.EMPTY);
    message.set("");
  }

  /**
   * Shows a case: the crosshair on the centre of the first candidate with voxels (else of the
   * scan), every candidate as a visible overlay in its own colour (filled when it is the only one,
   * else outlined); zoom, pan, window and mode are kept from the case before, so a reviewer's
   * settings carry over.
   */
  public void show(ReviewCase c) {
    discardEdit();
    current = c;
    grids.clear();
    for (Plane p : Plane.values()) {
      grids.put(p, PlaneGrid.of(c.scan().geometry(), p));
    }
    samplers.clear();
    List<OverlaySettings> list = new ArrayList<>();
    // One label reads best filled; several that mostly overlap read best as outlines, where their
    // colours stay distinct.
    boolean fill = c.candidates().size() < 2;
    int n = 0;
    for (CaseCandidate k : c.candidates()) {
      samplers.put(k.id(), sampler(k.mask()));
      list.add(
          new OverlaySettings(
              k.id(),
              k.label(),
              OverlaySettings.PALETTE[n++ % OverlaySettings.PALETTE.length],
              DEFAULT_OPACITY,
              true,
              fill,
              k.problem() == null ? null : k.problem().message()));
    }
    overlays.setAll(list);
    sideA.set(0);
    sideB.set(Math.min(1, Math.max(0, list.size() - 1)));
    applyPair();
    crosshair.set(centreOf(c));
    message.set("");
    state.set(LoadState.READY);
  }

  /**
   * The candidates the side-by-side mode shows as A and B (the verdict's pair), by candidate id;
   * applied now if the case holds them, else when a case that does is shown.
   */
  public void setPair(long candidateA, long candidateB) {
    pairA = candidateA;
    pairB = candidateB;
    applyPair();
  }

  private void applyPair() {
    int a = indexOf(pairA);
    int b = indexOf(pairB);
    if (a >= 0 && b >= 0 && a != b) {
      sideA.set(a);
      sideB.set(b);
    }
  }

  private int indexOf(long candidateId) {
    for (int i = 0; i < overlays.size(); i++) {
      if (overlays.get(i).candidateId() == candidateId) {
        return i;
      }
    }
    return -1;
  }

  /** The scan's "auto" window (computed off the FX thread after the case is shown). */
  public void setAutoWindow(WindowLevel w) {
    auto = w;
    if (preset.get() == Preset.AUTO) {
      window.set(w);
    }
  }

  private static MaskSampler sampler(BinaryMask m) {
    Box b = m.bounds();
    return MaskSampler.within(b.x0(), b.y0(), b.z0(), b.x1(), b.y1(), b.z1(), m::get);
  }

  private static Voxel centreOf(ReviewCase c) {
    for (CaseCandidate k : c.candidates()) {
      Box b = k.mask().bounds();
      if (!b.isEmpty()) {
        return new Voxel((b.x0() + b.x1()) / 2, (b.y0() + b.y1()) / 2, (b.z0() + b.z1()) / 2);
      }
    }
    var g = c.scan().geometry();
    return new Voxel(g.nx() / 2, g.ny() / 2, g.nz() / 2);
  }

  public Optional<ReviewCase> currentCase() {
    return Optional.ofNullable(current);
  }

  public boolean ready() {
    return state.get() == LoadState.READY && current != null;
  }

  /** The layout of a plane on screen; empty until a case is shown. */
  public Optional<PlaneGrid> grid(Plane p) {
    return Optional.ofNullable(grids.get(p));
  }

  // ---------------------------------------------------------------- navigation

  /** The slice of plane {@code p} through the crosshair. */
  public int slice(Plane p) {
    PlaneGrid g = grids.get(p);
    return g == null ? 0 : g.sliceOf(crosshair.get().toArray());
  }

  public int sliceCount(Plane p) {
    PlaneGrid g = grids.get(p);
    return g == null ? 0 : g.sliceCount();
  }

  /** Moves the crosshair {@code delta} slices through plane {@code p} (clamped to the scan). */
  public void scroll(Plane p, int delta) {
    PlaneGrid g = grids.get(p);
    if (g == null) {
      return;
    }
    int[] v = crosshair.get().toArray();
    g.setSlice(g.sliceOf(v) + delta, v);
    crosshair.set(Voxel.of(v));
  }

  /** Scrolls the large plane. */
  public void scroll(int delta) {
    scroll(largePlane.get(), delta);
  }

  /** Puts the crosshair on a voxel (clamped to the scan): every plane moves to it. */
  public void setCrosshair(Voxel v) {
    if (current == null) {
      return;
    }
    var g = current.scan().geometry();
    crosshair.set(
        new Voxel(
            Math.clamp(v.x(), 0, g.nx() - 1),
            Math.clamp(v.y(), 0, g.ny() - 1),
            Math.clamp(v.z(), 0, g.nz() - 1)));
  }

  public void zoomIn() {
    zoomBy(ZOOM_STEP);
  }

  public void zoomOut() {
    zoomBy(1 / ZOOM_STEP);
  }

  public void zoomBy(double factor) {
    zoom.set(Math.clamp(zoom.get() * factor, MIN_ZOOM, MAX_ZOOM));
  }

  /** Back to the whole slice fitting the view, centred. */
  public void resetZoom() {
    zoom.set(1);
    panX.set(0);
    panY.set(0);
  }

  /** Moves the image by (dx, dy) image pixels. */
  public void pan(double dx, double dy) {
    panX.set(panX.get() + dx);
    panY.set(panY.get() + dy);
  }

  /** Axial, coronal, sagittal, axial, ... in the large view. */
  public void cycleLargePlane() {
    Plane[] all = Plane.values();
    largePlane.set(all[(largePlane.get().ordinal() + 1) % all.length]);
  }

  public void toggleSideBySide() {
    mode.set(mode.get() == Mode.SIDE_BY_SIDE ? Mode.NORMAL : Mode.SIDE_BY_SIDE);
  }

  public void toggleProjection() {
    mode.set(mode.get() == Mode.PROJECTION ? Mode.NORMAL : Mode.PROJECTION);
  }

  // ---------------------------------------------------------------- window

  public void cyclePreset() {
    Preset[] all = Preset.values();
    Preset p =
        preset.get() == null ? Preset.ABDOMEN : all[(preset.get().ordinal() + 1) % all.length];
    applyPreset(p);
  }

  public void applyPreset(Preset p) {
    preset.set(p);
    window.set(
        switch (p) {
          case ABDOMEN -> WindowLevel.ABDOMEN;
          case LIVER -> WindowLevel.LIVER;
          case BONE -> WindowLevel.BONE;
          case LUNG -> WindowLevel.LUNG;
          case AUTO -> auto;
        });
  }

  /**
   * A right-drag by (dx, dy) screen pixels: rightwards widens the window, downwards raises the
   * level, in steps proportional to the width (as in most viewers).
   */
  public void dragWindow(double dx, double dy) {
    WindowLevel w = window.get();
    double width = Math.clamp(w.width() * Math.exp(dx * 0.005), 1, 10000);
    double level = w.level() + dy * w.width() * 0.003;
    window.set(new WindowLevel(width, level));
    preset.set(null);
  }

  // ---------------------------------------------------------------- overlays

  /** Shows or hides overlay {@code n} (0-based); nothing when there is no such overlay. */
  public void toggleOverlay(int n) {
    if (n >= 0 && n < overlays.size()) {
      overlays.set(n, overlays.get(n).withVisible(!overlays.get(n).visible()));
    }
  }

  /** Fill to outline (or back) for every overlay, following the first one. */
  public void toggleFill() {
    if (overlays.isEmpty()) {
      return;
    }
    boolean fill = !overlays.getFirst().fill();
    overlays.replaceAll(o -> o.withFill(fill));
  }

  public void setOpacity(int n, double opacity) {
    if (n >= 0 && n < overlays.size()) {
      overlays.set(n, overlays.get(n).withOpacity(opacity));
    }
  }

  public void setColour(int n, int rgb) {
    if (n >= 0 && n < overlays.size()) {
      overlays.set(n, overlays.get(n).withRgb(rgb));
    }
  }

  /**
   * What to draw over a slice: every visible overlay ({@code only} < 0) or overlay {@code only}
   * alone (one side of A|B); in edit mode the edited copy replaces its candidate, filled yellow.
   */
  public List<Overlay> renderOverlays(int only) {
    List<Overlay> out = new ArrayList<>();
    for (int i = 0; i < overlays.size(); i++) {
      OverlaySettings o = overlays.get(i);
      if ((only >= 0 && i != only) || !o.visible()) {
        continue;
      }
      if (edit != null && o.candidateId() == editCandidateId) {
        continue;
      }
      // While editing, the other candidates are outlines, so the edited copy stays readable.
      boolean fill = o.fill() && edit == null;
      // A one-voxel outline needs more opacity than an area to be seen.
      double alpha = fill ? o.opacity() : Math.min(1, 2 * o.opacity());
      out.add(new Overlay(samplers.get(o.candidateId()), o.rgb(), alpha, fill));
    }
    if (edit != null && (only < 0 || overlays.get(only).candidateId() == editCandidateId)) {
      int[] b = edit.bounds();
      EditableMask e = edit;
      MaskSampler s = MaskSampler.within(b[0], b[1], b[2], b[3], b[4], b[5], e::get);
      out.add(new Overlay(s, OverlaySettings.EDIT_RGB, EDIT_OPACITY, true));
    }
    return out;
  }

  // ---------------------------------------------------------------- edit

  /**
   * Starts editing a copy of candidate {@code candidateId}; false when no case is shown or it has
   * no such candidate.
   */
  public boolean startEdit(long candidateId) {
    if (!ready()) {
      return false;
    }
    Optional<CaseCandidate> c = current.candidate(candidateId);
    if (c.isEmpty()) {
      return false;
    }
    edit = new EditableMask(c.get().mask());
    editCandidateId = candidateId;
    tool.set(Tool.BRUSH);
    editing.set(true);
    editChanged();
    return true;
  }

  /** The candidate being edited, or -1. */
  public long editCandidateId() {
    return edit == null ? -1 : editCandidateId;
  }

  /** The edited copy as it is now; empty when not editing. */
  public Optional<BinaryMask> editedMask() {
    return edit == null ? Optional.empty() : Optional.of(edit.toMask());
  }

  /** Leaves edit mode and drops the copy. */
  public void discardEdit() {
    edit = null;
    editCandidateId = -1;
    editing.set(false);
    canUndo.set(false);
    canRedo.set(false);
  }

  public void useTool(Tool t) {
    tool.set(t);
  }

  public void brushLarger() {
    brushMm.set(Math.min(MAX_BRUSH_MM, brushMm.get() + 1));
  }

  public void brushSmaller() {
    brushMm.set(Math.max(MIN_BRUSH_MM, brushMm.get() - 1));
  }

  /** Paints (or erases) with the brush at a voxel of plane {@code p}'s current slice. */
  public void paint(Plane p, Voxel at, boolean strokeStart) {
    PlaneGrid g = grids.get(p);
    if (edit == null || g == null) {
      return;
    }
    if (strokeStart) {
      edit.endStroke();
      edit.beginStroke();
    }
    int[] v = at.toArray();
    edit.paint(v, g.uAxis(), g.vAxis(), brushMm.get(), tool.get() == Tool.BRUSH);
    editChanged();
  }

  /** Ends the brush stroke (mouse released): it becomes one undo step. */
  public void endStroke() {
    if (edit != null) {
      edit.endStroke();
      editChanged();
    }
  }

  /** Fills the holes of the edited copy in the large plane's current slice. */
  public void fillHoles() {
    PlaneGrid g = grids.get(largePlane.get());
    if (edit == null || g == null) {
      return;
    }
    int[] v = crosshair.get().toArray();
    edit.fillHoles(g.sliceAxis(), v[g.sliceAxis()]);
    editChanged();
  }

  public void undo() {
    if (edit != null && edit.undo()) {
      editChanged();
    }
  }

  public void redo() {
    if (edit != null && edit.redo()) {
      editChanged();
    }
  }

  /** Voxels in the edited copy; -1 when not editing. */
  public long editedCount() {
    return edit == null ? -1 : edit.count();
  }

  private void editChanged() {
    canUndo.set(edit != null && edit.canUndo());
    canRedo.set(edit != null && edit.canRedo());
    editVersion.set(editVersion.get() + 1);
  }

  // ---------------------------------------------------------------- properties

  public ObjectProperty<LoadState> stateProperty() {
    return state;
  }

  public StringProperty messageProperty() {
    return message;
  }

  public DoubleProperty progressProperty() {
    return progress;
  }

  public ObjectProperty<Mode> modeProperty() {
    return mode;
  }

  public ObjectProperty<Plane> largePlaneProperty() {
    return largePlane;
  }

  public ObjectProperty<Voxel> crosshairProperty() {
    return crosshair;
  }

  public DoubleProperty zoomProperty() {
    return zoom;
  }

  public DoubleProperty panXProperty() {
    return panX;
  }

  public DoubleProperty panYProperty() {
    return panY;
  }

  public ObjectProperty<WindowLevel> windowProperty() {
    return window;
  }

  /** The preset in use; null after the window was dragged. */
  public ObjectProperty<Preset> presetProperty() {
    return preset;
  }

  public ObservableList<OverlaySettings> overlays() {
    return overlays;
  }

  public IntegerProperty sideAProperty() {
    return sideA;
  }

  public IntegerProperty sideBProperty() {
    return sideB;
  }

  public BooleanProperty editingProperty() {
    return editing;
  }

  public ObjectProperty<Tool> toolProperty() {
    return tool;
  }

  public DoubleProperty brushMmProperty() {
    return brushMm;
  }

  /** Grows with every change of the edited copy. */
  public LongProperty editVersionProperty() {
    return editVersion;
  }

  public BooleanProperty canUndoProperty() {
    return canUndo;
  }

  public BooleanProperty canRedoProperty() {
    return canRedo;
  }
}
