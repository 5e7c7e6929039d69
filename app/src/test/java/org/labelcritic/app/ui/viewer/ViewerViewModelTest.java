package org.labelcritic.app.ui.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.render.Plane;
import org.labelcritic.imaging.render.WindowLevel;
import org.labelcritic.imaging.review.CaseCandidate;
import org.labelcritic.imaging.review.ReviewCase;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.imaging.volume.Volume;
import org.labelcritic.model.Problem;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.Item;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.Source;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.domain.Structure;

class ViewerViewModelTest {
  /** 40 x 30 x 20 voxels of 1 x 1 x 2.5 mm (thick slices), RAS. */
  static final Geometry GRID = new Geometry(40, 30, 20, 1, 1, 2.5, Affine.scaling(1, 1, 2.5));

  ViewerViewModel vm;
  ReviewCase c;

  static ReviewCase syntheticCase() {
    short[] hu = new short[(int) GRID.voxelCount()];
    for (int i = 0; i < hu.length; i++) {
      hu[i] = (short) (i % 300 - 100);
    }
    Volume scan = new Volume(GRID, new Volume.Voxels.Shorts(hu, false), 1, 0, "synthetic");
    BinaryMask a =
        BinaryMask.of(GRID, (x, y, z) -> x >= 10 && x < 20 && y >= 5 && y < 15 && z >= 4 && z < 10);
    BinaryMask b =
        BinaryMask.of(GRID, (x, y, z) -> x >= 12 && x < 22 && y >= 5 && y < 15 && z >= 5 && z < 11);
    Item item = new Item(1, ItemKind.VOLUME, "case-x", null, null, null);
    Structure liver = new Structure(2, "liver");
    return new ReviewCase(
        item,
        liver,
        scan,
        List.of(
            new CaseCandidate(
                candidate(11, 1), new Source(1, "model-a", SourceKind.MODEL, "1"), a, null),
            new CaseCandidate(
                candidate(12, 2), new Source(2, "model-b", SourceKind.MODEL, "1"), b, null),
            new CaseCandidate(
                candidate(13, 3),
                new Source(3, "model-c", SourceKind.MODEL, "1"),
                BinaryMask.empty(GRID),
                Problem.of(java.nio.file.Path.of("/data/c.nii.gz"), "the mask file is missing"))));
  }

  static Candidate candidate(long id, long source) {
    return new Candidate(
        id,
        1,
        2,
        source,
        0,
        new CandidateLabel.Mask(new FileRef("/data/" + id, 10, "ab"), new TreeSet<>(List.of(1))));
  }

  @BeforeEach
  void shown() {
    vm = new ViewerViewModel();
    c = syntheticCase();
    vm.show(c);
  }

  @Test
  void showingACasePutsTheCrosshairOnTheFirstLabelAndEveryCandidateInItsOwnColour() {
    assertThat(vm.stateProperty().get()).isEqualTo(ViewerViewModel.LoadState.READY);
    assertThat(vm.crosshairProperty().get()).isEqualTo(new Voxel(15, 10, 7));
    assertThat(vm.slice(Plane.AXIAL)).isEqualTo(7);
    assertThat(vm.overlays())
        .extracting(OverlaySettings::label)
        .containsExactly("model-a", "model-b", "model-c");
    assertThat(vm.overlays()).extracting(OverlaySettings::rgb).doesNotHaveDuplicates();
    assertThat(vm.overlays().get(2).problem()).contains("missing").contains("c.nii.gz");
    assertThat(vm.sideAProperty().get()).isZero();
    assertThat(vm.sideBProperty().get()).isEqualTo(1);
  }

  @Test
  void theVerdictsPairChoosesTheSidesAndStaysForTheNextShowOfTheCase() {
    vm.setPair(13, 11);
    assertThat(vm.sideAProperty().get()).isEqualTo(2);
    assertThat(vm.sideBProperty().get()).isZero();
    vm.setPair(99, 11); // not in this case: the sides stay
    assertThat(vm.sideAProperty().get()).isEqualTo(2);
    vm.setPair(12, 11);
    vm.show(syntheticCase());
    assertThat(vm.sideAProperty().get()).isEqualTo(1);
    assertThat(vm.sideBProperty().get()).isZero();
  }

  @Test
  void scrollingMovesOnlyTheLargePlanesSliceAndStopsAtTheEnds() {
    vm.scroll(3);
    assertThat(vm.crosshairProperty().get()).isEqualTo(new Voxel(15, 10, 10));

    vm.scroll(100);
    assertThat(vm.slice(Plane.AXIAL)).isEqualTo(19);
    vm.scroll(-100);
    assertThat(vm.slice(Plane.AXIAL)).isZero();

    vm.cycleLargePlane();
    assertThat(vm.largePlaneProperty().get()).isEqualTo(Plane.CORONAL);
    vm.scroll(2);
    assertThat(vm.crosshairProperty().get()).isEqualTo(new Voxel(15, 12, 0));
  }

  @Test
  void theCrosshairIsClampedToTheScanAndSetsEveryPlane() {
    vm.setCrosshair(new Voxel(50, 3, -4));

    assertThat(vm.crosshairProperty().get()).isEqualTo(new Voxel(39, 3, 0));
    assertThat(vm.slice(Plane.SAGITTAL)).isEqualTo(39);
    assertThat(vm.slice(Plane.CORONAL)).isEqualTo(3);
  }

  @Test
  void zoomStaysWithinItsLimitsAndResetCentres() {
    for (int i = 0; i < 40; i++) {
      vm.zoomIn();
    }
    assertThat(vm.zoomProperty().get()).isEqualTo(ViewerViewModel.MAX_ZOOM);
    vm.pan(5, -3);
    assertThat(vm.panXProperty().get()).isEqualTo(5);

    vm.resetZoom();

    assertThat(vm.zoomProperty().get()).isEqualTo(1);
    assertThat(vm.panXProperty().get()).isZero();
    assertThat(vm.panYProperty().get()).isZero();
  }

  @Test
  void presetsCycleAndADragMakesACustomWindow() {
    vm.cyclePreset();
    assertThat(vm.windowProperty().get()).isEqualTo(WindowLevel.LIVER);
    vm.cyclePreset();
    vm.cyclePreset();
    vm.cyclePreset();
    vm.setAutoWindow(WindowLevel.fromRange(-100, 199));
    assertThat(vm.presetProperty().get()).isEqualTo(ViewerViewModel.Preset.AUTO);
    assertThat(vm.windowProperty().get()).isEqualTo(WindowLevel.fromRange(-100, 199));

    vm.dragWindow(100, 0);

    assertThat(vm.presetProperty().get()).isNull();
    assertThat(vm.windowProperty().get().width()).isGreaterThan(299);
    vm.dragWindow(0, 50);
    assertThat(vm.windowProperty().get().level()).isGreaterThan(49.5);
  }

  @Test
  void overlaysToggleFillAndDrawAloneForOneSide() {
    assertThat(vm.renderOverlays(-1)).hasSize(3);

    vm.toggleOverlay(1);
    vm.toggleOverlay(7);
    assertThat(vm.overlays().get(1).visible()).isFalse();
    assertThat(vm.renderOverlays(-1)).hasSize(2);
    assertThat(vm.renderOverlays(1)).isEmpty();
    assertThat(vm.renderOverlays(0)).hasSize(1);

    // Several candidates start as outlines; O fills them all.
    assertThat(vm.overlays()).allMatch(o -> !o.fill());
    vm.toggleFill();
    assertThat(vm.overlays()).allMatch(OverlaySettings::fill);
    vm.setOpacity(0, 2);
    assertThat(vm.overlays().get(0).opacity()).isEqualTo(1);
    vm.setColour(0, 0x123456);
    assertThat(vm.renderOverlays(0).getFirst().rgb()).isEqualTo(0x123456);
  }

  @Test
  void modesToggleBackToNormal() {
    vm.toggleSideBySide();
    assertThat(vm.modeProperty().get()).isEqualTo(ViewerViewModel.Mode.SIDE_BY_SIDE);
    vm.toggleProjection();
    assertThat(vm.modeProperty().get()).isEqualTo(ViewerViewModel.Mode.PROJECTION);
    vm.toggleProjection();
    assertThat(vm.modeProperty().get()).isEqualTo(ViewerViewModel.Mode.NORMAL);
  }

  @Test
  void editingPaintsACopyWithUndoAndRedoAndLeavesTheCandidateAlone() {
    assertThat(vm.startEdit(99)).isFalse();
    assertThat(vm.startEdit(11)).isTrue();
    long before = vm.editedCount();
    assertThat(before).isEqualTo(600);

    vm.paint(Plane.AXIAL, new Voxel(30, 20, 7), true);
    vm.paint(Plane.AXIAL, new Voxel(32, 20, 7), false);
    vm.endStroke();
    long painted = vm.editedCount();
    assertThat(painted).isGreaterThan(before);
    assertThat(vm.editedMask().orElseThrow().get(30, 20, 7)).isTrue();
    assertThat(vm.editedMask().orElseThrow().get(30, 20, 8)).isFalse();
    assertThat(vm.canUndoProperty().get()).isTrue();
    // The edited copy replaces its candidate on screen.
    assertThat(vm.renderOverlays(-1)).hasSize(3);
    assertThat(vm.renderOverlays(-1).getLast().rgb()).isEqualTo(OverlaySettings.EDIT_RGB);
    vm.toggleFill();
    assertThat(vm.renderOverlays(-1).getLast().fill()).isTrue();
    assertThat(vm.renderOverlays(-1).subList(0, 2)).noneMatch(o -> o.fill());

    vm.useTool(ViewerViewModel.Tool.ERASER);
    vm.paint(Plane.AXIAL, new Voxel(15, 10, 7), true);
    vm.endStroke();
    assertThat(vm.editedMask().orElseThrow().get(15, 10, 7)).isFalse();

    vm.undo();
    assertThat(vm.editedMask().orElseThrow().get(15, 10, 7)).isTrue();
    vm.undo();
    assertThat(vm.editedCount()).isEqualTo(before);
    assertThat(vm.canRedoProperty().get()).isTrue();
    vm.redo();
    assertThat(vm.editedCount()).isEqualTo(painted);
    assertThat(c.candidates().getFirst().mask().count()).isEqualTo(600);

    vm.discardEdit();
    assertThat(vm.editingProperty().get()).isFalse();
    assertThat(vm.editedCount()).isEqualTo(-1);
  }

  @Test
  void theBrushSizeHasLimitsAndFillHolesWorksOnTheLargePlane() {
    vm.startEdit(11);
    for (int i = 0; i < 100; i++) {
      vm.brushSmaller();
    }
    assertThat(vm.brushMmProperty().get()).isEqualTo(ViewerViewModel.MIN_BRUSH_MM);
    vm.useTool(ViewerViewModel.Tool.ERASER);
    vm.paint(Plane.AXIAL, new Voxel(15, 10, 7), true);
    vm.endStroke();
    assertThat(vm.editedMask().orElseThrow().get(15, 10, 7)).isFalse();

    vm.fillHoles();

    assertThat(vm.editedMask().orElseThrow().get(15, 10, 7)).isTrue();
    assertThat(vm.editedCount()).isEqualTo(600);
  }

  @Test
  void aFailedLoadDropsTheCaseAndSaysWhy() {
    vm.startEdit(11);

    vm.failed("the scan file is missing");

    assertThat(vm.ready()).isFalse();
    assertThat(vm.editingProperty().get()).isFalse();
    assertThat(vm.overlays()).isEmpty();
    assertThat(vm.messageProperty().get()).isEqualTo("the scan file is missing");
    vm.clear();
    assertThat(vm.stateProperty().get()).isEqualTo(ViewerViewModel.LoadState.EMPTY);
  }
}
