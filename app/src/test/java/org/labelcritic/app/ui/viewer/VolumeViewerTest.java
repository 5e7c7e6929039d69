package org.labelcritic.app.ui.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.app.ui.ActionControls;
import org.labelcritic.app.ui.I18n;
import org.labelcritic.imaging.dicom.DicomSeriesReader;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.MaskMetrics;
import org.labelcritic.imaging.mask.MaskReader;
import org.labelcritic.imaging.nifti.NiftiReader;
import org.labelcritic.imaging.nifti.NiftiWriter;
import org.labelcritic.imaging.render.Plane;
import org.labelcritic.imaging.review.EditSaver;
import org.labelcritic.imaging.review.ReviewCaseLoader;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.Source;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.importing.FileDigests;
import org.labelcritic.model.store.Store;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The viewer as a reviewer meets it, headless, on the demo's small CT (122 x 101 x 30, 3 mm slices)
 * with three candidates for the liver: scrolling, zoom, overlays, A|B, projection, an edit with
 * brush, undo and redo that is saved as a candidate, a missing scan, and a cancelled load.
 * Screenshots of the modes are kept in target/viewer-screenshots.
 */
class VolumeViewerTest {
  static final String DEMO = "demo/volumes/";
  static final Path SHOTS = Path.of("target/viewer-screenshots");

  @TempDir Path dir;
  Store store;
  ExecutorService io;
  VolumeViewer viewer;
  long item;
  long missingItem;
  long cellItem;
  long liver;
  final FxRobot robot = new FxRobot();

  @BeforeAll
  static void platform() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void open() throws Exception {
    Path ct = copy("images/example-ct-sm/ct.nii.gz");
    Path fast = copy("sources/ts-v2-fast/example-ct-sm/segmentations/liver.nii.gz");
    Path total = copy("sources/ts-v2-total-1.5mm/example-ct-sm/total.nii.gz");
    Path older = copy("sources/ts-v2.1-1.5mm-2023-10/example-ct-sm/total.nii.gz");
    store = Store.open(dir.resolve("demo.db"));
    long a = store.sourceId("ts-v2-fast", SourceKind.MODEL, "2");
    long b = store.sourceId("ts-v2-total-1.5mm", SourceKind.MODEL, "2");
    long c = store.sourceId("ts-v2.1-1.5mm", SourceKind.MODEL, "2.1");
    liver = store.structureId("liver");
    long[] ids =
        store
            .writer()
            .inTransaction(
                w -> {
                  long id =
                      w.item(ItemKind.VOLUME, "example-ct-sm", FileDigests.ref(ct), null, "{}")
                          .id();
                  w.candidate(id, liver, a, mask(FileDigests.ref(fast), 1));
                  w.candidate(id, liver, b, mask(FileDigests.ref(total), 5));
                  w.candidate(id, liver, c, mask(FileDigests.ref(older), 5));
                  FileRef gone = new FileRef(dir.resolve("gone/ct.nii.gz").toString(), 10, "ab");
                  long missing = w.item(ItemKind.VOLUME, "gone", gone, null, "{}").id();
                  w.candidate(missing, liver, a, mask(FileDigests.ref(fast), 1));
                  long cell = w.item(ItemKind.CELL, "cell-7", null, null, null).id();
                  w.candidate(cell, liver, a, new CandidateLabel.Code("412", 0.9, List.of()));
                  return new long[] {id, missing, cell};
                });
    item = ids[0];
    missingItem = ids[1];
    cellItem = ids[2];
    io = Executors.newFixedThreadPool(2);
    open(io);
  }

  void open(java.util.concurrent.Executor executor) throws Exception {
    I18n i18n = new I18n(I18n.bundle(Locale.ROOT));
    viewer =
        onFx(
            () ->
                new VolumeViewer(
                    new ReviewCaseLoader(
                        store, new NiftiReader(), new DicomSeriesReader(), 256L << 20, io),
                    new EditSaver(store, new NiftiWriter()),
                    executor,
                    executor,
                    Platform::runLater,
                    i18n));
    FxToolkit.setupStage(
        stage -> {
          Scene scene = new Scene((javafx.scene.Parent) viewer.node(), 1100, 700);
          ActionControls.installKeys(scene, viewer.actions());
          stage.setScene(scene);
          stage.show();
        });
  }

  @AfterEach
  void close() throws Exception {
    FxToolkit.cleanupStages();
    io.shutdownNow();
    store.close();
  }

  ViewerViewModel vm() {
    return viewer.viewModel();
  }

  void showAndWait(long id) throws Exception {
    robot.interact(() -> viewer.show(id, liver));
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () ->
            vm().stateProperty().get() == ViewerViewModel.LoadState.READY
                || vm().stateProperty().get() == ViewerViewModel.LoadState.FAILED);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void showsTheScanWithEveryCandidateAndScrollsByKeysAndWheel() throws Exception {
    showAndWait(item);

    assertThat(vm().overlays())
        .extracting(OverlaySettings::label)
        .containsExactly("ts-v2-fast", "ts-v2-total-1.5mm", "ts-v2.1-1.5mm");
    assertThat(robot.lookup("#viewer-overlay-3").queryAs(CheckBox.class).isSelected()).isTrue();
    assertThat(viewer.largeView().renderedFrames()).isPositive();
    assertThat(viewer.smallView(0).plane()).isEqualTo(Plane.CORONAL);
    int slice = vm().slice(Plane.AXIAL);
    int[] before = viewer.largeView().lastFrame();

    robot.moveTo("#viewer-large");
    robot.type(KeyCode.DOWN);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm().slice(Plane.AXIAL)).isEqualTo(slice - 1);
    assertThat(viewer.largeView().lastFrame()).isNotEqualTo(before);

    robot.type(KeyCode.PAGE_UP);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm().slice(Plane.AXIAL)).isEqualTo(Math.min(29, slice + 9));

    robot.scroll(3, javafx.geometry.VerticalDirection.DOWN);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm().slice(Plane.AXIAL)).isNotEqualTo(Math.min(29, slice + 9));

    saveShot("viewer-normal.png");
  }

  @Test
  void aClickInASmallViewMovesTheCrosshairAndSoTheLargeSlice() throws Exception {
    showAndWait(item);
    SliceView coronal = viewer.smallView(0);
    Voxel target = new Voxel(40, vm().crosshairProperty().get().y(), 5);
    double[] p = onFx(() -> coronal.pointOf(target));
    javafx.geometry.Point2D screen = onFx(() -> coronal.localToScreen(p[0], p[1]));

    robot.clickOn(screen, MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(vm().crosshairProperty().get().x()).isEqualTo(40);
    assertThat(vm().slice(Plane.AXIAL)).isEqualTo(5);
  }

  @Test
  void zoomKeysZoomTheLargeViewAndCtrlZeroFitsAgain() throws Exception {
    showAndWait(item);

    robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm().zoomProperty().get()).isEqualTo(ViewerViewModel.ZOOM_STEP);

    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm().zoomProperty().get()).isEqualTo(1);
  }

  @Test
  void rightDragSetsTheWindowAndMiddleDragPans() throws Exception {
    showAndWait(item);
    var before = vm().windowProperty().get();

    robot
        .drag("#viewer-large", MouseButton.SECONDARY)
        .moveBy(80, 40)
        .release(MouseButton.SECONDARY);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(vm().windowProperty().get().width()).isGreaterThan(before.width());
    assertThat(vm().windowProperty().get().level()).isGreaterThan(before.level());
    assertThat(vm().presetProperty().get()).isNull();

    robot.drag("#viewer-large", MouseButton.MIDDLE).moveBy(-60, 0).release(MouseButton.MIDDLE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm().panXProperty().get()).isNegative();
  }

  @Test
  void shiftDigitTogglesAnOverlayAndItsPixels() throws Exception {
    showAndWait(item);
    int[] all = viewer.largeView().lastFrame();

    robot.press(KeyCode.SHIFT).type(KeyCode.DIGIT1).release(KeyCode.SHIFT);
    robot.press(KeyCode.SHIFT).type(KeyCode.DIGIT2).release(KeyCode.SHIFT);
    robot.press(KeyCode.SHIFT).type(KeyCode.DIGIT3).release(KeyCode.SHIFT);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(robot.lookup("#viewer-overlay-1").queryAs(CheckBox.class).isSelected()).isFalse();
    int[] none = viewer.largeView().lastFrame();
    assertThat(none).isNotEqualTo(all);

    robot.clickOn("#viewer-overlay-1");
    robot.clickOn("#viewer-overlay-2");
    robot.clickOn("#viewer-overlay-3");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(viewer.largeView().lastFrame()).isEqualTo(all);
  }

  @Test
  void sideBySideShowsAAndBOnTheSameSliceZoomAndWindow() throws Exception {
    showAndWait(item);

    robot.type(KeyCode.S);
    robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
    robot.type(KeyCode.W);
    robot.type(KeyCode.UP);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(vm().modeProperty().get()).isEqualTo(ViewerViewModel.Mode.SIDE_BY_SIDE);
    assertThat(viewer.sideBView().isVisible()).isTrue();
    assertThat(viewer.smallView(0).isVisible()).isFalse();
    assertThat(viewer.sideBView().renderedFrames()).isPositive();
    // The two sides draw different candidates over the same grey slice.
    assertThat(viewer.largeView().lastFrame()).isNotEqualTo(viewer.sideBView().lastFrame());
    saveShot("viewer-side-by-side.png");

    robot.type(KeyCode.P);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> viewer.projectionView().showing());
    WaitForAsyncUtils.waitForFxEvents();
    saveShot("viewer-projection.png");
  }

  @Test
  void anEditWithBrushUndoAndRedoIsSavedAsTheReviewersCandidate() throws Exception {
    showAndWait(item);
    long source = vm().overlays().getFirst().candidateId();
    robot.interact(() -> viewer.startEdit(source));
    long start = vm().editedCount();
    SliceView large = viewer.largeView();
    Voxel c = vm().crosshairProperty().get();
    double[] from = onFx(() -> large.pointOf(new Voxel(10, 10, c.z())));
    double[] to = onFx(() -> large.pointOf(new Voxel(30, 15, c.z())));
    javafx.geometry.Point2D a = onFx(() -> large.localToScreen(from[0], from[1]));
    javafx.geometry.Point2D b = onFx(() -> large.localToScreen(to[0], to[1]));

    robot.drag(a, MouseButton.PRIMARY).moveTo(b).release(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    long painted = vm().editedCount();
    assertThat(painted).isGreaterThan(start);
    saveShot("viewer-edit.png");

    robot.interact(viewer::undo);
    assertThat(vm().editedCount()).isEqualTo(start);
    robot.interact(viewer::redo);
    assertThat(vm().editedCount()).isEqualTo(painted);
    BinaryMask edited = onFx(() -> vm().editedMask().orElseThrow());

    long id = onFx(() -> viewer.finishEdit("ana")).get(20, TimeUnit.SECONDS);

    Candidate saved =
        store.queries().candidates(item, liver).stream()
            .filter(k -> k.id() == id)
            .findFirst()
            .orElseThrow();
    Source ana =
        store.sources().stream().filter(s -> s.id() == saved.sourceId()).findFirst().orElseThrow();
    assertThat(ana.name()).isEqualTo("ana");
    assertThat(ana.kind()).isEqualTo(SourceKind.PERSON);
    assertThat(saved.revision()).isEqualTo(1);
    Path file = Path.of(((CandidateLabel.Mask) saved.label()).file().path());
    assertThat(file).startsWith(dir.resolve("demo.edits"));
    BinaryMask back = new MaskReader(new NiftiReader()).readBinary(file);
    assertThat(back.count()).isEqualTo(painted);
    assertThat(MaskMetrics.dice(back, edited)).isEqualTo(1.0);
    // The viewer leaves edit mode and shows the new candidate among the others.
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> vm().overlays().size() == 4 && vm().ready());
    assertThat(viewer.editing()).isFalse();
    assertThat(vm().overlays().getLast().label()).isEqualTo("ana r1");
  }

  /** A form cell chosen in the main queue: the viewer says where cells are reviewed. */
  @Test
  void aFormCellSaysWhereItsImageIsShown() throws Exception {
    showAndWait(cellItem);

    assertThat(vm().stateProperty().get()).isEqualTo(ViewerViewModel.LoadState.FAILED);
    assertThat(robot.lookup("#viewer-message").queryAs(Label.class).getText())
        .startsWith("cell-7 is a form cell, not a scan")
        .contains("Review › Form cells")
        .contains("Review › Cell grid");
  }

  @Test
  void aMissingScanShowsAMessageNamingTheFile() throws Exception {
    showAndWait(missingItem);

    assertThat(vm().stateProperty().get()).isEqualTo(ViewerViewModel.LoadState.FAILED);
    Label message = robot.lookup("#viewer-message").queryAs(Label.class);
    assertThat(message.isVisible()).isTrue();
    assertThat(message.getText())
        .contains(dir.resolve("gone/ct.nii.gz").toString())
        .contains("missing")
        .contains("can still be flagged");
    saveShot("viewer-missing-scan.png");
  }

  @Test
  void cancelStopsALoadAndItsLateResultIsDropped() throws Exception {
    FxToolkit.cleanupStages();
    Deque<Runnable> held = new ArrayDeque<>();
    open(held::add);
    robot.interact(() -> viewer.show(item, liver));
    assertThat(vm().stateProperty().get()).isEqualTo(ViewerViewModel.LoadState.LOADING);
    assertThat(robot.lookup("#viewer-loading").query().isVisible()).isTrue();

    robot.clickOn("#viewer-cancel");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm().stateProperty().get()).isEqualTo(ViewerViewModel.LoadState.FAILED);
    assertThat(robot.lookup("#viewer-message").queryAs(Label.class).getText())
        .contains("cancelled");

    held.forEach(Runnable::run);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm().stateProperty().get()).isEqualTo(ViewerViewModel.LoadState.FAILED);
  }

  private void saveShot(String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    Node node = viewer.node();
    WritableImage image = onFx(() -> node.snapshot(null, null));
    Files.createDirectories(SHOTS);
    ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name).toFile());
  }

  private static <T> T onFx(Callable<T> c) throws Exception {
    return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
  }

  private Path copy(String name) throws Exception {
    Path target = dir.resolve("data").resolve(name);
    Files.createDirectories(target.getParent());
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(DEMO + name)) {
      assertThat(in).as(name).isNotNull();
      Files.copy(in, target);
    }
    return target;
  }

  private static CandidateLabel.Mask mask(FileRef ref, int value) {
    return new CandidateLabel.Mask(ref, new TreeSet<>(List.of(value)));
  }
}
