package org.labelcritic.app.ui;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Item;
import org.labelcritic.model.store.Store;

/**
 * The {@link ItemViewer} used when no image viewer is attached (and for form cells until their own
 * view exists): it names the selected item, its kind, its image file and, for a scan, its grid, and
 * says plainly that no image is shown. It cannot edit: {@link #startEdit} leaves {@link #editing}
 * false, and the main window tells the reviewer so.
 */
public final class ScanFactsViewer implements ItemViewer {

  private final I18n i18n;
  private final Store store;
  private final Executor io;
  private final Consumer<Runnable> fx;
  private final Label heading = new Label();
  private final Label facts = new Label();
  private final Label note = new Label();
  private final VBox root;
  private long generation;

  public ScanFactsViewer(I18n i18n, Store store, Executor io, Consumer<Runnable> fx) {
    this.i18n = Objects.requireNonNull(i18n, "i18n");
    this.store = Objects.requireNonNull(store, "store");
    this.io = Objects.requireNonNull(io, "io");
    this.fx = Objects.requireNonNull(fx, "fx");
    heading.setId("viewer-facts-heading");
    heading.getStyleClass().add("facts-heading");
    heading.setWrapText(true);
    facts.setId("viewer-facts");
    facts.getStyleClass().add("facts-text");
    facts.setWrapText(true);
    note.setId("viewer-facts-note");
    note.getStyleClass().add("facts-note");
    note.setWrapText(true);
    note.setText(i18n.text("facts.no.viewer"));
    root = new VBox(12, heading, facts, note);
    root.setId("item-viewer");
    root.getStyleClass().add("facts-viewer");
    root.setAlignment(Pos.TOP_LEFT);
    root.setMinWidth(200);
    clear();
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public void show(long itemId, long structureId) {
    long gen = ++generation;
    heading.setText(i18n.text("facts.loading"));
    facts.setText("");
    try {
      io.execute(
          () -> {
            String text;
            String title;
            try {
              var item = store.queries().item(itemId);
              title =
                  item.map(Item::externalId).orElseGet(() -> i18n.format("facts.missing", itemId));
              text = item.map(this::describe).orElse("");
            } catch (LabelCriticException | RuntimeException e) {
              title = i18n.format("facts.missing", itemId);
              text = LabelCriticException.describe(e);
            }
            String h = title;
            String t = text;
            fx.accept(
                () -> {
                  if (gen == generation) {
                    heading.setText(h);
                    facts.setText(t);
                  }
                });
          });
    } catch (RuntimeException rejected) {
      facts.setText(LabelCriticException.describe(rejected));
    }
  }

  private String describe(Item item) {
    StringBuilder out = new StringBuilder(StatusTexts.kind(i18n, item.kind()));
    item.imageRef()
        .ifPresent(f -> out.append('\n').append(i18n.format("facts.file", f.path(), f.size())));
    if (item.box() != null) {
      Item.Box b = item.box();
      out.append('\n').append(i18n.format("facts.box", b.x(), b.y(), b.w(), b.h()));
    }
    Geometry g = Geometry.fromJson(item.geometryJson());
    if (g != null) {
      out.append('\n')
          .append(
              i18n.format(
                  "facts.dims",
                  String.valueOf(g.nx()),
                  String.valueOf(g.ny()),
                  String.valueOf(g.nz())));
      out.append('\n').append(i18n.format("facts.spacing", g.sx(), g.sy(), g.sz()));
    }
    return out.toString();
  }

  @Override
  public void prefetch(long itemId, long structureId) {
    // Nothing worth loading ahead: the facts are one small query.
  }

  @Override
  public void clear() {
    generation++;
    heading.setText(i18n.text("facts.empty"));
    facts.setText("");
  }

  @Override
  public void startEdit(long candidateId) {
    // No image, nothing to draw on: editing stays off and the window says why.
  }

  @Override
  public boolean editing() {
    return false;
  }

  @Override
  public CompletableFuture<Long> finishEdit(String reviewer) {
    return CompletableFuture.failedFuture(
        new LabelCriticException("no image viewer is attached: there is no edit to save"));
  }

  @Override
  public void cancelEdit() {}

  @Override
  public List<Action> actions() {
    return List.of();
  }
}
