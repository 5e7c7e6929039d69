package org.labelcritic.app.ui;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;

/**
 * The contract between the main window and the image viewer of the review workbench. The main
 * window owns the queue, the verdict and the decisions; the viewer shows one item and structure,
 * its scan and its candidates, and edits a copy of one candidate. Every method is called on the FX
 * thread and none of them blocks it: loading and saving run on the viewer's executor.
 */
public interface ItemViewer {

  /** The viewer's root node, placed by the main window. */
  Node node();

  /**
   * Shows an item and structure: cancels a load in progress, shows load progress, then the scan
   * with the candidates as overlays; a missing or corrupt file shows a message naming the file and
   * the cause in the viewer (the item can still be decided or flagged).
   */
  void show(long itemId, long structureId);

  /**
   * The verdict's pair for the item shown: the side-by-side mode shows these two candidates as A
   * and B (by default the first two). Ignored when the shown item has no such candidates.
   */
  default void showPair(long candidateA, long candidateB) {}

  /** Starts loading an item in the background so that a later {@link #show} is quick. */
  void prefetch(long itemId, long structureId);

  /** Clears the view (nothing selected). */
  void clear();

  /** Enters edit mode on a copy of the candidate; the candidate itself is never changed. */
  void startEdit(long candidateId);

  /** True while an edit is in progress. */
  boolean editing();

  /**
   * Saves the edited copy as a new candidate whose source is the reviewer and leaves edit mode.
   * Completes (on any thread) with the new candidate's id once its mask file and database row are
   * written, or exceptionally with a {@link org.labelcritic.model.LabelCriticException}.
   */
  CompletableFuture<Long> finishEdit(String reviewer);

  /** Leaves edit mode and discards the copy. */
  void cancelEdit();

  /**
   * True when no load is in progress: the item asked for last is shown, or why it cannot be. The
   * default, for a viewer that shows an item at once, is always true. For screenshots and tests.
   */
  default boolean settled() {
    return true;
  }

  /**
   * Takes back the last step of the edit in progress. The default fires the viewer's action with id
   * "undo" (or its Ctrl+Z action), if it declares one.
   */
  default void undo() {
    ViewerActions.find(actions(), "undo").ifPresent(Action::fire);
  }

  /**
   * Does the last undone edit step again. The default fires the viewer's action with id "redo" (or
   * its Ctrl+Y action), if it declares one.
   */
  default void redo() {
    ViewerActions.find(actions(), "redo").ifPresent(Action::fire);
  }

  /**
   * The viewer's own actions (scroll, zoom, window presets, overlays, edit tools), for menus and
   * F1.
   */
  List<Action> actions();
}
