package org.labelcritic.app.ui.cells;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelcritic.app.ui.I18n;
import org.labelcritic.imaging.cells.CellPixels;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.codes.CellQueue;
import org.labelcritic.model.codes.CellTask;
import org.labelcritic.model.codes.CodeList;
import org.labelcritic.model.codes.CodeProblem;
import org.labelcritic.model.critic.CodeRouting;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-cell review of census codes: walks the cells the published rule routes to review, least
 * likely first, showing one at a time with its candidates, the critic's verdict and a code field.
 * Every decision is written on the IO executor and committed before the next cell is shown; the FX
 * thread never waits on the store. Holds no nodes.
 */
public final class CellReviewViewModel {
  private static final Logger LOG = LoggerFactory.getLogger(CellReviewViewModel.class);
  private static final int PRELOAD = 4;

  private final CellReviewData data;
  private final Executor io;
  private final Executor fx;
  private final I18n i18n;
  private final CellImages images = new CellImages();

  private final List<CellTask> tasks = new ArrayList<>();
  private int index = -1;
  private long shownAt;
  private long pressedAt;
  private LongConsumer latencyListener = nanos -> {};

  private final ReadOnlyObjectWrapper<CellTask> current = new ReadOnlyObjectWrapper<>(this, "c");
  private final ObservableList<CandidateRow> candidates = FXCollections.observableArrayList();
  private final ObservableList<CandidateRow> candidatesView =
      FXCollections.unmodifiableObservableList(candidates);
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
  private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
  private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems", "");
  private final ReadOnlyStringWrapper imageMessage = new ReadOnlyStringWrapper(this, "imgMsg", "");
  private final ReadOnlyObjectWrapper<CellPixels> image =
      new ReadOnlyObjectWrapper<>(this, "image");
  private final ReadOnlyStringWrapper routedShare = new ReadOnlyStringWrapper(this, "routed", "");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper(this, "prompt", "");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", true);
  private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done", false);
  private final StringProperty code = new SimpleStringProperty(this, "code", "");
  private final BooleanProperty editing = new SimpleBooleanProperty(this, "editing", false);
  private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 6);
  private final ObjectProperty<List<String>> suggestions =
      new SimpleObjectProperty<>(this, "suggestions", List.of());
  private final ReadOnlyObjectWrapper<Object> editRequest = new ReadOnlyObjectWrapper<>(this, "e");

  /**
   * @param fx where results are applied (the FX thread in the app; the calling thread in tests)
   */
  public CellReviewViewModel(Store store, Executor io, Executor fx, I18n i18n, String reviewer) {
    this.data = new CellReviewData(store, reviewer);
    this.io = Objects.requireNonNull(io, "io");
    this.fx = Objects.requireNonNull(fx, "fx");
    this.i18n = Objects.requireNonNull(i18n, "i18n");
  }

  /** Asks the view to focus the code field (the E key). */
  public void requestEdit() {
    editRequest.set(new Object());
  }

  /** Reads the queue and shows the first undecided routed cell. */
  public void load() {
    busy.set(true);
    message.set(i18n.text("cells.loading"));
    io.execute(
        () -> {
          try {
            CellQueue queue = data.load();
            List<String> listProblems = data.codeListProblems();
            CodeList list = data.codeList();
            List<String> completions = new ArrayList<>();
            if (list != null) {
              list.asMap().forEach((c, d) -> completions.add(c + " " + d));
            }
            fx.execute(() -> loaded(queue, list, listProblems, completions));
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

  private void loaded(
      CellQueue queue, CodeList list, List<String> listProblems, List<String> completions) {
    tasks.clear();
    tasks.addAll(queue.routedTasks());
    suggestions.set(List.copyOf(completions));
    routedShare.set(
        i18n.format(
            "cells.routed", queue.routedCount(), queue.tasks().size(), queue.routedShare() * 100));
    String listNote =
        list == null
            ? i18n.text("cells.codelist.none")
            : listProblems.isEmpty()
                ? ""
                : i18n.format(
                    "cells.codelist.problems", listProblems.size(), listProblems.getFirst());
    message.set(listNote);
    busy.set(false);
    index = -1;
    showNext(0);
  }

  /** Enter: accept the typed code, or the shown (most likely) candidate when nothing is typed. */
  public void accept() {
    CellTask t = current.get();
    if (t == null || busy.get()) {
      return;
    }
    String typed = code.get() == null ? "" : code.get().strip();
    typed = typed.contains(" ") ? typed.substring(0, typed.indexOf(' ')) : typed;
    if (typed.isEmpty()) {
      if (t.candidates().isEmpty()) {
        message.set(i18n.text("cells.refused.nocandidate"));
        return;
      }
      int best = t.best();
      commit(elapsed -> data.accept(t, best, elapsed));
      return;
    }
    for (int i = 0; i < t.candidates().size(); i++) {
      if (t.code(i).code().equals(typed)) {
        int position = i;
        commit(elapsed -> data.accept(t, position, elapsed));
        return;
      }
    }
    var problem = data.validator().check(typed);
    if (problem.isPresent()) {
      message.set(refusal(typed, problem.get()));
      return;
    }
    String newCode = typed;
    commit(elapsed -> data.edit(t, newCode, elapsed), newCode);
  }

  /** 1-9: accept candidate n. */
  public void pick(int n) {
    CellTask t = current.get();
    if (t == null || busy.get()) {
      return;
    }
    if (n < 1 || n > t.candidates().size()) {
      message.set(i18n.format("cells.refused.nosuchcandidate", n, t.candidates().size()));
      return;
    }
    commit(elapsed -> data.accept(t, n - 1, elapsed));
  }

  /** U, X, I: flag; a typed code goes into the note (for an invalid code: the code seen). */
  public void flag(FlagReason reason) {
    CellTask t = current.get();
    if (t == null || busy.get()) {
      return;
    }
    String note = code.get() == null ? "" : code.get().strip();
    commit(elapsed -> data.flag(t, reason, note, elapsed));
  }

  @FunctionalInterface
  private interface Write {
    Decision run(long elapsedMillis) throws LabelCriticException;
  }

  /** The code a decision chose: a candidate's, the typed one, or null for a flag. */
  private static String chosenCode(Decision d, CellTask t, String typed) {
    return switch (d.action()) {
      case DecisionAction.Accept a -> {
        for (int i = 0; i < t.candidates().size(); i++) {
          if (t.candidates().get(i).id() == a.candidateId()) {
            yield t.code(i).code();
          }
        }
        yield null;
      }
      case DecisionAction.Edit e -> typed;
      default -> null;
    };
  }

  private void commit(Write write) {
    commit(write, null);
  }

  private void commit(Write write, String typed) {
    CellTask t = current.get();
    pressedAt = System.nanoTime();
    long elapsed = (pressedAt - shownAt) / 1_000_000;
    busy.set(true);
    io.execute(
        () -> {
          try {
            Decision d = write.run(elapsed);
            String chosen = chosenCode(d, t, typed);
            fx.execute(
                () -> {
                  tasks.set(index, t.withLatest(d, chosen));
                  busy.set(false);
                  message.set("");
                  showNext(index + 1);
                  latencyListener.accept(System.nanoTime() - pressedAt);
                });
          } catch (LabelCriticException | RuntimeException e) {
            LOG.warn("Cannot record the decision on {}", t.item().externalId(), e);
            fx.execute(
                () -> {
                  busy.set(false);
                  message.set(i18n.format("cells.error", LabelCriticException.describe(e)));
                });
          }
        });
  }

  private String refusal(String typed, CodeProblem problem) {
    return switch (problem) {
      case EMPTY -> i18n.text("cells.refused.empty");
      case WRONG_CHARACTERS -> i18n.format("cells.refused.characters", typed);
      case WRONG_LENGTH ->
          i18n.format("cells.refused.length", typed, data.validator().expectedLength());
      case NOT_IN_LIST -> i18n.format("cells.refused.unlisted", typed);
    };
  }

  /** Shows the first undecided cell at or after {@code from}; done when there is none. */
  private void showNext(int from) {
    int i = from;
    while (i < tasks.size() && tasks.get(i).decided()) {
      i++;
    }
    code.set("");
    if (i >= tasks.size()) {
      index = tasks.size();
      current.set(null);
      candidates.clear();
      image.set(null);
      imageMessage.set("");
      verdict.set("");
      problems.set("");
      title.set(i18n.text("cells.done.title"));
      prompt.set("");
      done.set(true);
      return;
    }
    done.set(false);
    index = i;
    show(tasks.get(i));
  }

  private void show(CellTask t) {
    current.set(t);
    shownAt = System.nanoTime();
    long remaining = tasks.stream().filter(x -> !x.decided()).count();
    title.set(
        i18n.format("cells.title", t.item().externalId(), index + 1, tasks.size(), remaining));
    List<CandidateRow> rows = new ArrayList<>();
    CodeList list = data.codeList();
    for (int i = 0; i < t.candidates().size(); i++) {
      CandidateLabel.Code c = t.code(i);
      boolean low = false;
      StringBuilder digits = new StringBuilder();
      for (double d : c.digitConfidences()) {
        digits.append(digits.isEmpty() ? "" : " · ").append(fmt(d));
        low |= !(d > CodeRouting.DIGIT_THRESHOLD);
      }
      rows.add(
          new CandidateRow(
              i + 1,
              c.code(),
              list == null
                  ? ""
                  : list.description(c.code()).orElse(i18n.text("cells.candidate.unlisted")),
              digits.isEmpty() ? i18n.text("cells.candidate.nodigits") : digits.toString(),
              Double.isNaN(c.confidence()) ? "—" : fmt(c.confidence()),
              data.sourceName(t.candidates().get(i).sourceId()),
              t.assessment() == null ? "—" : fmt(t.assessment().pCorrect(i)),
              low,
              i == t.best()));
    }
    candidates.setAll(rows);
    verdict.set(verdictText(t));
    problems.set(String.join("\n", t.problems()));
    prompt.set(t.predictedCode());
    image.set(null);
    imageMessage.set(i18n.text("cells.image.loading"));
    // The next cells' images are read while the reviewer looks at this one.
    List<org.labelcritic.model.domain.Item> ahead = new ArrayList<>();
    for (int k = index + 1; k < tasks.size() && ahead.size() < PRELOAD; k++) {
      ahead.add(tasks.get(k).item());
    }
    io.execute(
        () -> {
          CellImages.Loaded loaded = images.load(t.item());
          fx.execute(
              () -> {
                if (current.get() == t) {
                  image.set(loaded.pixels());
                  imageMessage.set(imageText(loaded));
                }
              });
          ahead.forEach(images::load);
        });
  }

  private String imageText(CellImages.Loaded loaded) {
    if (loaded.problem() == null) {
      return "";
    }
    return switch (loaded.problem()) {
      case NO_IMAGE -> i18n.text("cells.image.none");
      case MISSING -> i18n.format("cells.image.missing", loaded.detail());
      case UNREADABLE -> i18n.format("cells.image.unreadable", loaded.detail());
      case BOX_OUTSIDE -> i18n.format("cells.image.boxOutside", loaded.detail());
    };
  }

  private String verdictText(CellTask t) {
    if (t.assessment() == null) {
      return i18n.text("cells.verdict.none");
    }
    String outcome =
        switch (t.assessment().verdict().outcome()) {
          case AGREE -> i18n.text("cells.verdict.agree");
          case SINGLE -> i18n.text("cells.verdict.single");
          case PREFER_A, PREFER_B -> i18n.text("cells.verdict.prefer");
          case UNSURE -> i18n.text("cells.verdict.unsure");
        };
    List<String> why = new ArrayList<>();
    for (CodeRouting.Why w : t.route().why()) {
      why.add(
          switch (w) {
            case LOW_DIGIT_CONFIDENCE -> i18n.text("cells.route.lowDigit");
            case NOT_IN_CODE_LIST -> i18n.text("cells.route.unlisted");
            case NOT_SEEN_IN_TRAINING -> i18n.text("cells.route.unseen");
          });
    }
    return i18n.format(
        "cells.verdict",
        outcome,
        t.best() + 1,
        t.predictedCode(),
        t.pCorrect(),
        why.isEmpty() ? i18n.text("cells.route.none") : String.join(", ", why));
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /** Called with keypress-to-next-cell nanoseconds after each committed decision. */
  public void setLatencyListener(LongConsumer listener) {
    this.latencyListener = listener == null ? nanos -> {} : listener;
  }

  public ReadOnlyObjectProperty<CellTask> currentProperty() {
    return current.getReadOnlyProperty();
  }

  public ObservableList<CandidateRow> candidates() {
    return candidatesView;
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty verdictProperty() {
    return verdict.getReadOnlyProperty();
  }

  /** What is wrong with the cell's data, one line per problem; empty when nothing is. */
  public ReadOnlyStringProperty problemsProperty() {
    return problems.getReadOnlyProperty();
  }

  /** Why the image is not shown (or shown whole), or empty. */
  public ReadOnlyStringProperty imageMessageProperty() {
    return imageMessage.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<CellPixels> imageProperty() {
    return image.getReadOnlyProperty();
  }

  /** "N of M cells (x %) routed to review by the published rule". */
  public ReadOnlyStringProperty routedShareProperty() {
    return routedShare.getReadOnlyProperty();
  }

  /** Refusals, errors and notes for the reviewer; empty when there is nothing to say. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** The predicted code, shown in the empty code field. */
  public ReadOnlyStringProperty promptProperty() {
    return prompt.getReadOnlyProperty();
  }

  /** True while a decision is being written or the queue loads. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** True when every routed cell is decided. */
  public ReadOnlyBooleanProperty doneProperty() {
    return done.getReadOnlyProperty();
  }

  /** The code field's text. */
  public StringProperty codeProperty() {
    return code;
  }

  /** True while the reviewer types in the code field (digit and flag keys then type). */
  public BooleanProperty editingProperty() {
    return editing;
  }

  /** Screen pixels per image pixel. */
  public DoubleProperty zoomProperty() {
    return zoom;
  }

  /** The code list as "code description" lines, for auto-completion. */
  public ObjectProperty<List<String>> suggestionsProperty() {
    return suggestions;
  }

  /** Changes each time the reviewer asks to type a code (the view focuses the code field). */
  public ReadOnlyObjectProperty<Object> editRequestProperty() {
    return editRequest.getReadOnlyProperty();
  }
}
