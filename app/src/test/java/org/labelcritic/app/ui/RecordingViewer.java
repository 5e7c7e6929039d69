package org.labelcritic.app.ui;

import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.store.Store;

/**
 * An {@link ItemViewer} for tests: records every call, edits "for real" at the store level (saving
 * an edit inserts a new candidate whose source is the reviewer, as the image viewer does), and
 * declares undo, redo and side-by-side actions that count how often they fired.
 */
final class RecordingViewer implements ItemViewer {
  final List<String> calls = new CopyOnWriteArrayList<>();
  private final Store store;
  private Label node;
  private long shownItem = -1;
  private long shownStructure = -1;
  private long editedCandidate = -1;
  private boolean editing;
  int undos;
  int redos;
  int sideBySide;

  /** When set, saving fails with this message (the edit stays open). */
  String failSave;

  RecordingViewer(Store store) {
    this.store = store;
  }

  @Override
  public Node node() {
    if (node == null) {
      node = new Label("test viewer");
      node.setId("test-viewer");
    }
    return node;
  }

  @Override
  public void show(long itemId, long structureId) {
    shownItem = itemId;
    shownStructure = structureId;
    calls.add("show " + itemId + "/" + structureId);
  }

  @Override
  public void prefetch(long itemId, long structureId) {
    calls.add("prefetch " + itemId + "/" + structureId);
  }

  @Override
  public void clear() {
    calls.add("clear");
  }

  @Override
  public void startEdit(long candidateId) {
    calls.add("startEdit " + candidateId);
    editedCandidate = candidateId;
    editing = true;
  }

  @Override
  public boolean editing() {
    return editing;
  }

  @Override
  public CompletableFuture<Long> finishEdit(String reviewer) {
    calls.add("finishEdit " + reviewer);
    if (failSave != null) {
      return CompletableFuture.failedFuture(new LabelCriticException(failSave));
    }
    editing = false;
    long item = shownItem;
    long structure = shownStructure;
    long from = editedCandidate;
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            long source = store.sourceId(reviewer, SourceKind.PERSON, "");
            CandidateLabel.Mask mask =
                new CandidateLabel.Mask(
                    new FileRef("/edits/" + from + "-by-" + reviewer + ".nii.gz", 10, "ab"),
                    new TreeSet<>(List.of(1)));
            store.writer().inTransaction(b -> b.candidate(item, structure, source, mask));
            return store.queries().candidates(item, structure).stream()
                .filter(c -> c.sourceId() == source)
                .map(Candidate::id)
                .findFirst()
                .orElseThrow();
          } catch (LabelCriticException e) {
            throw new java.util.concurrent.CompletionException(e);
          }
        });
  }

  @Override
  public void cancelEdit() {
    calls.add("cancelEdit");
    editing = false;
  }

  @Override
  public List<Action> actions() {
    return List.of(
        Action.of(
            "viewer.undo",
            "Undo stroke",
            new KeyCodeCombination(KeyCode.Z, KeyCombination.CONTROL_DOWN),
            () -> undos++),
        Action.of(
            "viewer.redo",
            "Redo stroke",
            new KeyCodeCombination(KeyCode.Y, KeyCombination.CONTROL_DOWN),
            () -> redos++),
        Action.of(
            "side-by-side", "Side by side", new KeyCodeCombination(KeyCode.W), () -> sideBySide++));
  }

  long editedCandidate() {
    return editedCandidate;
  }
}
