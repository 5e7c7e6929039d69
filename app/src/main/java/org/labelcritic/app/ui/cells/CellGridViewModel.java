package org.labelcritic.app.ui.cells;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelcritic.app.ui.I18n;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.codes.CellQueue;
import org.labelcritic.model.codes.CellTask;
import org.labelcritic.model.codes.CodeList;
import org.labelcritic.model.codes.CodeProblem;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grid mode, the layout of the published census tool: a page of routed cells that share the same
 * predicted code; the reviewer types only into the wrong ones (a code, or u / x / i to flag
 * uncertain, unreadable or invalid) and Enter accepts the page, blanks meaning "accept". The page's
 * decisions are committed before the next page is shown. Holds no nodes.
 */
public final class CellGridViewModel {
  public static final int DEFAULT_PAGE_SIZE = 12;
  private static final Logger LOG = LoggerFactory.getLogger(CellGridViewModel.class);

  private final CellReviewData data;
  private final Executor io;
  private final Executor fx;
  private final I18n i18n;
  private final int pageSize;
  private final CellImages images = new CellImages();
  private final List<List<CellTask>> pages = new ArrayList<>();
  private int page = -1;
  private long pageShownAt;

  private final ObservableList<GridCell> cells = FXCollections.observableArrayList();
  private final ObservableList<GridCell> cellsView =
      FXCollections.unmodifiableObservableList(cells);
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", true);
  private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done", false);

  public CellGridViewModel(
      Store store, Executor io, Executor fx, I18n i18n, String reviewer, int pageSize) {
    this.data = new CellReviewData(store, reviewer);
    this.io = Objects.requireNonNull(io, "io");
    this.fx = Objects.requireNonNull(fx, "fx");
    this.i18n = Objects.requireNonNull(i18n, "i18n");
    if (pageSize < 1) {
      throw new IllegalArgumentException("a page needs at least one cell, not " + pageSize);
    }
    this.pageSize = pageSize;
  }

  /** Page Down: leaves this page undecided and shows the next one. */
  public void skipPage() {
    if (!busy.get() && !done.get()) {
      showPage(page + 1);
    }
  }

  /** Reads the queue and groups the undecided routed cells into pages by predicted code. */
  public void load() {
    busy.set(true);
    message.set(i18n.text("cells.loading"));
    io.execute(
        () -> {
          try {
            CellQueue queue = data.load();
            fx.execute(() -> loaded(queue));
          } catch (LabelCriticException | RuntimeException e) {
            LOG.warn("Cannot load the cell queue", e);
            fx.execute(
                () -> {
                  busy.set(false);
                  message.set(i18n.format("cells.error", LabelCriticException.describe(e)));
                });
          }
        });
  }

  private void loaded(CellQueue queue) {
    Map<String, List<CellTask>> byCode = new LinkedHashMap<>();
    for (CellTask t : queue.routedTasks()) {
      if (!t.decided() && !t.candidates().isEmpty()) {
        byCode.computeIfAbsent(t.predictedCode(), c -> new ArrayList<>()).add(t);
      }
    }
    List<List<CellTask>> groups = new ArrayList<>(byCode.values());
    groups.sort(
        Comparator.comparingInt((List<CellTask> g) -> -g.size())
            .thenComparing(g -> g.getFirst().predictedCode()));
    pages.clear();
    for (List<CellTask> g : groups) {
      for (int from = 0; from < g.size(); from += pageSize) {
        pages.add(List.copyOf(g.subList(from, Math.min(g.size(), from + pageSize))));
      }
    }
    busy.set(false);
    message.set("");
    showPage(0);
  }

  private void showPage(int p) {
    cells.clear();
    if (p >= pages.size()) {
      page = pages.size();
      done.set(true);
      title.set(i18n.text("cells.done.title"));
      return;
    }
    done.set(false);
    page = p;
    pageShownAt = System.nanoTime();
    List<CellTask> tasks = pages.get(p);
    String code = tasks.getFirst().predictedCode();
    CodeList list = data.codeList();
    String description =
        list == null ? "" : list.description(code).orElse(i18n.text("cells.candidate.unlisted"));
    title.set(
        i18n.format("cells.grid.title", code, description, p + 1, pages.size(), tasks.size()));
    List<GridCell> page = tasks.stream().map(GridCell::new).toList();
    cells.setAll(page);
    io.execute(
        () -> {
          for (GridCell c : page) {
            CellImages.Loaded loaded = images.load(c.task().item());
            fx.execute(
                () -> {
                  c.imageProperty().set(loaded.pixels());
                  if (loaded.problem() != null) {
                    c.noteProperty().set(i18n.text("cells.grid.noimage"));
                  }
                });
          }
        });
  }

  /** Enter: checks every typed entry, then commits the whole page and shows the next one. */
  public void acceptPage() {
    if (busy.get() || done.get()) {
      return;
    }
    List<CellReviewData.PageChoice> choices = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (GridCell c : cells) {
      String typed = c.typedProperty().get() == null ? "" : c.typedProperty().get().strip();
      CellTask t = c.task();
      CellReviewData.PageChoice choice = choose(t, typed.toLowerCase(Locale.ROOT), typed);
      if (choice == null) {
        CodeProblem problem = data.validator().check(typed).orElse(CodeProblem.NOT_IN_LIST);
        String why =
            switch (problem) {
              case EMPTY -> i18n.text("cells.refused.empty");
              case WRONG_CHARACTERS -> i18n.format("cells.refused.characters", typed);
              case WRONG_LENGTH ->
                  i18n.format("cells.refused.length", typed, data.validator().expectedLength());
              case NOT_IN_LIST -> i18n.format("cells.refused.unlisted", typed);
            };
        c.noteProperty().set(why);
        refused.add(t.item().externalId() + ": " + why);
      } else {
        choices.add(choice);
      }
    }
    if (!refused.isEmpty()) {
      message.set(i18n.format("cells.grid.refused", refused.size(), refused.getFirst()));
      return;
    }
    busy.set(true);
    message.set("");
    // The page's review time, shared by its cells (as the one-cell view records each cell's).
    long millisEach = (System.nanoTime() - pageShownAt) / 1_000_000 / Math.max(1, cells.size());
    io.execute(
        () -> {
          try {
            // One transaction for the page: all of it is recorded, or none (Enter again retries).
            data.recordPage(choices, millisEach);
            fx.execute(
                () -> {
                  busy.set(false);
                  showPage(page + 1);
                });
          } catch (LabelCriticException | RuntimeException e) {
            LOG.warn("Cannot record the page", e);
            fx.execute(
                () -> {
                  busy.set(false);
                  message.set(i18n.format("cells.error", LabelCriticException.describe(e)));
                });
          }
        });
  }

  private CellReviewData.PageChoice choose(CellTask t, String lower, String typed) {
    if (typed.isEmpty()) {
      return new CellReviewData.PageChoice.Accept(t, t.best());
    }
    switch (lower) {
      case "u" -> {
        return new CellReviewData.PageChoice.Flag(t, FlagReason.UNCERTAIN);
      }
      case "x" -> {
        return new CellReviewData.PageChoice.Flag(t, FlagReason.UNREADABLE);
      }
      case "i" -> {
        return new CellReviewData.PageChoice.Flag(t, FlagReason.INVALID);
      }
      default -> {}
    }
    for (int i = 0; i < t.candidates().size(); i++) {
      if (t.code(i).code().equals(typed)) {
        return new CellReviewData.PageChoice.Accept(t, i);
      }
    }
    return data.validator().check(typed).isEmpty()
        ? new CellReviewData.PageChoice.Edit(t, typed)
        : null;
  }

  /** The cells of the current page. */
  public ObservableList<GridCell> cells() {
    return cellsView;
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty doneProperty() {
    return done.getReadOnlyProperty();
  }
}
