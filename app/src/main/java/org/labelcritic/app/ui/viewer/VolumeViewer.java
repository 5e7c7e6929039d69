package org.labelcritic.app.ui.viewer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.labelcritic.app.ui.Action;
import org.labelcritic.app.ui.I18n;
import org.labelcritic.app.ui.ItemViewer;
import org.labelcritic.imaging.dicom.DicomSeriesReader;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.nifti.NiftiReader;
import org.labelcritic.imaging.nifti.NiftiWriter;
import org.labelcritic.imaging.render.Plane;
import org.labelcritic.imaging.render.WindowLevel;
import org.labelcritic.imaging.review.EditSaver;
import org.labelcritic.imaging.review.ReviewCase;
import org.labelcritic.imaging.review.ReviewCaseLoader;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.job.CancellableProgress;
import org.labelcritic.model.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review workbench's viewer: the scan of one item and structure in three planes (one large, two
 * small) or as A|B side by side or as frontal projections, every candidate as an overlay with its
 * own toggle, colour, opacity and fill, and an edit mode on a copy of one candidate. Loading and
 * saving run on the IO executor; results come back through the FX executor, and a result of a load
 * that was superseded or cancelled is dropped.
 */
public final class VolumeViewer implements ItemViewer {
  private static final Logger LOG = LoggerFactory.getLogger(VolumeViewer.class);

  /** At most this much heap for cached scans and masks, and never more than a third of it. */
  static final long MAX_CACHE_BYTES = 1536L << 20;

  private final ReviewCaseLoader loader;
  private final EditSaver saver;
  private final Executor io;
  private final Executor files;
  private final Executor fx;
  private final I18n i18n;
  private final ViewerViewModel vm = new ViewerViewModel();
  private final StackPane root = new StackPane();
  private final SliceView large;
  private final SliceView sideB;
  private final SliceView small1;
  private final SliceView small2;
  private final ProjectionView projection;
  private final OverlayBar overlayBar;
  private final Label status = new Label();
  private final List<Action> actions;
  private CancellableProgress load;
  private long generation;
  private long shownItem = -1;
  private long shownStructure = -1;
  private boolean saving;

  /**
   * @param io where edits are saved (the store's executor, with the decisions)
   * @param files where scans are read and computed on (loads, the auto window, the projection):
   *     seconds for a big CT, so not the executor that commits decisions, which would wait behind
   *     them
   */
  public VolumeViewer(
      ReviewCaseLoader loader,
      EditSaver saver,
      Executor io,
      Executor files,
      Executor fx,
      I18n i18n) {
    this.loader = Objects.requireNonNull(loader, "loader");
    this.saver = Objects.requireNonNull(saver, "saver");
    this.io = Objects.requireNonNull(io, "io");
    this.files = Objects.requireNonNull(files, "files");
    this.fx = Objects.requireNonNull(fx, "fx");
    this.i18n = Objects.requireNonNull(i18n, "i18n");
    large =
        new SliceView(
            vm,
            i18n,
            () -> vm.largePlaneProperty().get(),
            true,
            () ->
                vm.modeProperty().get() == ViewerViewModel.Mode.SIDE_BY_SIDE
                    ? vm.sideAProperty().get()
                    : -1);
    sideB =
        new SliceView(
            vm, i18n, () -> vm.largePlaneProperty().get(), true, () -> vm.sideBProperty().get());
    small1 = new SliceView(vm, i18n, () -> smallPlane(0), false, () -> -1);
    small2 = new SliceView(vm, i18n, () -> smallPlane(1), false, () -> -1);
    large.setId("viewer-large");
    sideB.setId("viewer-side-b");
    small1.setId("viewer-small-1");
    small2.setId("viewer-small-2");
    projection = new ProjectionView(vm, i18n, files, fx);
    projection.setId("viewer-projection");
    overlayBar = new OverlayBar(vm, i18n);
    actions = ViewerActions.declare(vm, i18n);
    build();
  }

  /**
   * A viewer on a store: edits are saved on {@code io}, scans are read (and the next one
   * prefetched) on {@code files}, answers come on the FX thread.
   */
  public static VolumeViewer create(Store store, Executor io, Executor files, I18n i18n) {
    long cache = Math.min(MAX_CACHE_BYTES, Runtime.getRuntime().maxMemory() / 3);
    ReviewCaseLoader loader =
        new ReviewCaseLoader(store, new NiftiReader(), new DicomSeriesReader(), cache, files);
    return new VolumeViewer(
        loader, new EditSaver(store, new NiftiWriter()), io, files, Platform::runLater, i18n);
  }

  /** The viewer's state, for the main window's bindings and for tests. */
  public ViewerViewModel viewModel() {
    return vm;
  }

  private Plane smallPlane(int i) {
    List<Plane> others = new ArrayList<>(List.of(Plane.values()));
    others.remove(vm.largePlaneProperty().get());
    return others.get(i);
  }

  // ---------------------------------------------------------------- layout

  private void build() {
    root.setId("viewer");
    root.getStylesheets()
        .add(Objects.requireNonNull(VolumeViewer.class.getResource("viewer.css")).toExternalForm());
    root.getStyleClass().add("viewer");
    Pane views = new ViewsPane();
    views.getChildren().addAll(large, sideB, small1, small2, projection);
    status.setId("viewer-status");
    status.getStyleClass().add("viewer-status");
    status.setMaxWidth(Double.MAX_VALUE);
    // In edit mode the line holds the tool, size, voxel count and keys: it wraps rather than
    // cut them off when the viewer is narrow.
    status.setWrapText(true);
    BorderPane main = new BorderPane(views);
    main.setTop(overlayBar);
    main.setBottom(status);
    main.visibleProperty().bind(vm.stateProperty().isEqualTo(ViewerViewModel.LoadState.READY));

    ProgressIndicator spinner = new ProgressIndicator();
    spinner.progressProperty().bind(vm.progressProperty());
    spinner.setMaxSize(56, 56);
    Label loadingText = new Label();
    loadingText.textProperty().bind(vm.messageProperty());
    loadingText.getStyleClass().add("viewer-note");
    Button cancel = new Button(i18n.text("viewer.cancel"));
    cancel.setId("viewer-cancel");
    cancel.setOnAction(e -> cancelLoad());
    VBox loading = new VBox(12, spinner, loadingText, cancel);
    loading.setId("viewer-loading");
    loading.setAlignment(Pos.CENTER);
    loading.visibleProperty().bind(vm.stateProperty().isEqualTo(ViewerViewModel.LoadState.LOADING));

    Label message = new Label();
    message.setId("viewer-message");
    message.getStyleClass().add("viewer-note");
    message.setWrapText(true);
    message.setMaxWidth(560);
    message
        .textProperty()
        .bind(
            Bindings.when(vm.stateProperty().isEqualTo(ViewerViewModel.LoadState.EMPTY))
                .then(i18n.text("viewer.empty"))
                .otherwise(vm.messageProperty()));
    StackPane messagePane = new StackPane(message);
    messagePane
        .visibleProperty()
        .bind(
            vm.stateProperty()
                .isEqualTo(ViewerViewModel.LoadState.FAILED)
                .or(vm.stateProperty().isEqualTo(ViewerViewModel.LoadState.EMPTY)));
    root.getChildren().addAll(main, loading, messagePane);

    vm.presetProperty()
        .addListener(
            (o, a, p) -> {
              if (p == ViewerViewModel.Preset.AUTO && vm.ready()) {
                computeAutoWindow(vm.currentCase().orElseThrow(), generation);
              }
            });
    for (javafx.beans.Observable o :
        new javafx.beans.Observable[] {
          vm.editingProperty(),
          vm.toolProperty(),
          vm.brushMmProperty(),
          vm.editVersionProperty(),
          vm.presetProperty(),
          vm.windowProperty(),
          vm.stateProperty(),
          vm.modeProperty()
        }) {
      o.addListener(x -> updateStatus());
    }
    updateStatus();
  }

  /** Lays the views out for the mode: 2/3 large + two small, A|B halves, or the projection. */
  private final class ViewsPane extends Pane {
    ViewsPane() {
      getStyleClass().add("viewer-views");
      vm.modeProperty().addListener(o -> requestLayout());
    }

    @Override
    protected void layoutChildren() {
      double w = getWidth();
      double h = getHeight();
      double gap = 2;
      ViewerViewModel.Mode mode = vm.modeProperty().get();
      large.setVisible(mode != ViewerViewModel.Mode.PROJECTION);
      sideB.setVisible(mode == ViewerViewModel.Mode.SIDE_BY_SIDE);
      small1.setVisible(mode == ViewerViewModel.Mode.NORMAL);
      small2.setVisible(mode == ViewerViewModel.Mode.NORMAL);
      projection.setVisible(mode == ViewerViewModel.Mode.PROJECTION);
      switch (mode) {
        case NORMAL -> {
          double lw = Math.round(w * 0.66);
          large.resizeRelocate(0, 0, lw, h);
          double sw = w - lw - gap;
          double sh = (h - gap) / 2;
          small1.resizeRelocate(lw + gap, 0, sw, sh);
          small2.resizeRelocate(lw + gap, sh + gap, sw, h - sh - gap);
        }
        case SIDE_BY_SIDE -> {
          double half = (w - gap) / 2;
          large.resizeRelocate(0, 0, half, h);
          sideB.resizeRelocate(half + gap, 0, w - half - gap, h);
        }
        case PROJECTION -> projection.resizeRelocate(0, 0, w, h);
      }
    }
  }

  private void updateStatus() {
    if (!vm.ready()) {
      status.setText("");
      return;
    }
    ReviewCase c = vm.currentCase().orElseThrow();
    String preset =
        vm.presetProperty().get() == null
            ? i18n.text("viewer.preset.custom")
            : switch (vm.presetProperty().get()) {
              case ABDOMEN -> i18n.text("viewer.preset.abdomen");
              case LIVER -> i18n.text("viewer.preset.liver");
              case BONE -> i18n.text("viewer.preset.bone");
              case LUNG -> i18n.text("viewer.preset.lung");
              case AUTO -> i18n.text("viewer.preset.auto");
            };
    if (vm.editingProperty().get()) {
      String label =
          c.candidate(vm.editCandidateId()).map(k -> k.label()).orElse(String.valueOf(-1));
      String tool =
          vm.toolProperty().get() == ViewerViewModel.Tool.BRUSH
              ? i18n.text("viewer.tool.brush")
              : i18n.text("viewer.tool.eraser");
      status.setText(
          i18n.format(
              "viewer.status.edit",
              label,
              tool,
              Math.round(vm.brushMmProperty().get()),
              vm.editedCount()));
    } else {
      status.setText(
          i18n.format("viewer.status", c.item().externalId(), c.structure().name(), preset));
    }
  }

  // ---------------------------------------------------------------- ItemViewer

  @Override
  public Node node() {
    return root;
  }

  @Override
  public void show(long itemId, long structureId) {
    cancelRunningLoad();
    long token = ++generation;
    shownItem = itemId;
    shownStructure = structureId;
    CancellableProgress progress =
        new CancellableProgress() {
          @Override
          public void update(long done, long total) {
            super.update(done, total);
            double f = total > 0 ? (double) done / total : -1;
            fx.execute(
                () -> {
                  if (token == generation) {
                    vm.progress(f);
                  }
                });
          }
        };
    load = progress;
    vm.loading(i18n.text("viewer.loading"));
    files.execute(
        () -> {
          try {
            ReviewCase c = loader.load(itemId, structureId, progress);
            fx.execute(
                () -> {
                  if (token == generation) {
                    vm.show(c);
                    if (vm.presetProperty().get() == ViewerViewModel.Preset.AUTO) {
                      computeAutoWindow(c, token);
                    }
                  }
                });
          } catch (ReviewCaseLoader.NotAScan cell) {
            // A form cell in the main queue: its image and keys are in the cell views.
            fx.execute(
                () -> {
                  if (token == generation) {
                    vm.failed(i18n.format("viewer.cell", cell.item().externalId()));
                  }
                });
          } catch (LabelCriticException e) {
            LOG.warn("Cannot show item {}: {}", itemId, e.getMessage());
            fx.execute(
                () -> {
                  if (token == generation) {
                    vm.failed(i18n.format("viewer.error", e.getMessage()));
                  }
                });
          } catch (CancellationException e) {
            LOG.debug("Loading item {} was cancelled", itemId);
          } catch (RuntimeException e) {
            LOG.error("Loading item {} failed", itemId, e);
            fx.execute(
                () -> {
                  if (token == generation) {
                    vm.failed(i18n.format("viewer.error", LabelCriticException.describe(e)));
                  }
                });
          }
        });
  }

  /**
   * The "auto" preset needs a pass over the scan: done off the FX thread, and only when the preset
   * is chosen (so moving to the next case never waits for it).
   */
  private void computeAutoWindow(ReviewCase c, long token) {
    files.execute(
        () -> {
          WindowLevel auto = WindowLevel.auto(c.scan());
          fx.execute(
              () -> {
                if (token == generation) {
                  vm.setAutoWindow(auto);
                }
              });
        });
  }

  private void cancelRunningLoad() {
    if (load != null) {
      load.cancel();
      load = null;
    }
  }

  /** The Cancel button: stops waiting for the scan and says so. */
  void cancelLoad() {
    if (vm.stateProperty().get() != ViewerViewModel.LoadState.LOADING) {
      return;
    }
    cancelRunningLoad();
    generation++;
    vm.failed(i18n.text("viewer.cancelled"));
  }

  @Override
  public void prefetch(long itemId, long structureId) {
    loader.prefetch(itemId, structureId);
  }

  @Override
  public void clear() {
    cancelRunningLoad();
    generation++;
    shownItem = -1;
    shownStructure = -1;
    vm.clear();
  }

  @Override
  public void startEdit(long candidateId) {
    if (saving) {
      return;
    }
    if (!vm.startEdit(candidateId)) {
      LOG.warn("Cannot edit candidate {}: it is not shown", candidateId);
    }
  }

  @Override
  public void showPair(long candidateA, long candidateB) {
    vm.setPair(candidateA, candidateB);
  }

  @Override
  public boolean editing() {
    return vm.editingProperty().get();
  }

  @Override
  public CompletableFuture<Long> finishEdit(String reviewer) {
    if (!editing() || saving) {
      return CompletableFuture.failedFuture(
          new LabelCriticException(i18n.text("viewer.edit.none")));
    }
    ReviewCase c = vm.currentCase().orElseThrow();
    BinaryMask mask = vm.editedMask().orElseThrow();
    long item = shownItem;
    long structure = shownStructure;
    saving = true;
    CompletableFuture<Long> result = new CompletableFuture<>();
    io.execute(
        () -> {
          try {
            long id = saver.save(c.item(), c.structure(), reviewer, mask);
            fx.execute(
                () -> {
                  saving = false;
                  vm.discardEdit();
                  if (item == shownItem && structure == shownStructure) {
                    // Show the new candidate among the others.
                    show(item, structure);
                  }
                });
            result.complete(id);
          } catch (LabelCriticException e) {
            LOG.warn("Saving the edit failed: {}", e.getMessage());
            fx.execute(() -> saving = false);
            result.completeExceptionally(e);
          } catch (RuntimeException e) {
            LOG.error("Saving the edit failed", e);
            fx.execute(() -> saving = false);
            result.completeExceptionally(
                new LabelCriticException(
                    i18n.format("viewer.error", LabelCriticException.describe(e))));
          }
        });
    return result;
  }

  @Override
  public void cancelEdit() {
    if (!saving) {
      vm.discardEdit();
    }
  }

  @Override
  public boolean settled() {
    return vm.stateProperty().get() != ViewerViewModel.LoadState.LOADING;
  }

  /** Takes back the last brush stroke, eraser stroke or hole filling of the edit. */
  @Override
  public void undo() {
    vm.undo();
  }

  /** Does the last undone edit step again. */
  @Override
  public void redo() {
    vm.redo();
  }

  @Override
  public List<Action> actions() {
    return actions;
  }

  // ---------------------------------------------------------------- actions

  /** Slices the large view has drawn so far: for frame-rate measurements. */
  public long largeViewFrames() {
    return large.renderedFrames();
  }

  /** The large view (for tests). */
  SliceView largeView() {
    return large;
  }

  SliceView smallView(int i) {
    return i == 0 ? small1 : small2;
  }

  SliceView sideBView() {
    return sideB;
  }

  ProjectionView projectionView() {
    return projection;
  }
}
