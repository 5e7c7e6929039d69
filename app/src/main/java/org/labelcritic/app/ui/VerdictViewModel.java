package org.labelcritic.app.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.critic.Reason;
import org.labelcritic.model.critic.ReasonsJson;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.Source;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.domain.Verdict;
import org.labelcritic.model.store.Queries;
import org.labelcritic.model.store.QueueRow;
import org.labelcritic.model.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verdict panel's state for the selected queue row: the candidates (numbered as the accept keys
 * count them: the verdict's A first, its B second), the preferred one, the critic's confidence, how
 * the verdict was reached, the reasons that weighed most, the LVLM critic's raw answers in both
 * orders, mask metrics between A and B, and the current decision. Loads on the io executor and
 * measures masks on the metrics executor; holds no nodes.
 */
public final class VerdictViewModel {
  /** How many reasons the panel lists. */
  public static final int REASONS_SHOWN = 5;

  private static final Logger LOG = LoggerFactory.getLogger(VerdictViewModel.class);
  private static final int METRICS_CACHED = 64;

  /**
   * One candidate as the panel lists it.
   *
   * @param number 1-based, what the accept keys 1..9 count (A is 1, B is 2)
   * @param label for a code candidate the code; empty for masks
   */
  public record CandidateInfo(
      int number,
      long candidateId,
      String source,
      boolean person,
      boolean preferred,
      String label,
      CandidateLabel raw) {}

  /** Everything loaded for one row. */
  /**
   * @param reasons the verdict's reasons, parsed from its JSON here, off the FX thread (the first
   *     parse loads the JSON library: over 100 ms)
   */
  record Facts(
      RowKey key,
      Optional<Verdict> verdict,
      List<Reason> reasons,
      List<CandidateInfo> candidates,
      Optional<Decision> decision,
      String decisionSource) {}

  private final I18n i18n;
  private final Executor io;
  private final Executor metricsExecutor;
  private final Consumer<Runnable> fx;
  private Store store;
  private long generation;
  private Facts facts;
  private final Map<String, String> metricsCache =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > METRICS_CACHED;
        }
      };

  private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
  private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
  private final ReadOnlyStringWrapper preferred = new ReadOnlyStringWrapper(this, "preferred", "");
  private final ReadOnlyDoubleWrapper confidence = new ReadOnlyDoubleWrapper(this, "conf", -1);
  private final ReadOnlyStringWrapper confidenceText = new ReadOnlyStringWrapper(this, "ct", "");
  private final ReadOnlyStringWrapper how = new ReadOnlyStringWrapper(this, "how", "");
  private final ReadOnlyStringWrapper answers = new ReadOnlyStringWrapper(this, "answers", "");
  private final ReadOnlyStringWrapper metrics = new ReadOnlyStringWrapper(this, "metrics", "");
  private final ReadOnlyStringWrapper decision = new ReadOnlyStringWrapper(this, "decision", "");
  private volatile String reviewer;
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
  private final ObservableList<String> reasons = FXCollections.observableArrayList();
  private final ObservableList<CandidateInfo> candidates = FXCollections.observableArrayList();
  // One read-only view each, kept: a view made per call is collected with its listeners.
  private final ObservableList<String> reasonsView =
      FXCollections.unmodifiableObservableList(reasons);
  private final ObservableList<CandidateInfo> candidatesView =
      FXCollections.unmodifiableObservableList(candidates);
  private final ObjectProperty<CandidateInfo> chosen = new SimpleObjectProperty<>(this, "chosen");

  public VerdictViewModel(
      I18n i18n, Store store, Executor io, Executor metricsExecutor, Consumer<Runnable> fx) {
    this.i18n = Objects.requireNonNull(i18n, "i18n");
    this.store = Objects.requireNonNull(store, "store");
    this.io = Objects.requireNonNull(io, "io");
    this.metricsExecutor = Objects.requireNonNull(metricsExecutor, "metricsExecutor");
    this.fx = Objects.requireNonNull(fx, "fx");
    clear();
  }

  /** Shows another database; the caller selects a row again. */
  public void setStore(Store store) {
    this.store = Objects.requireNonNull(store, "store");
    metricsCache.clear();
    show(null);
  }

  /**
   * Loads what the panel shows for a row (null clears it). The future completes once it is shown; a
   * load overtaken by a later one completes without showing anything.
   */
  public CompletableFuture<Void> show(QueueRow row) {
    long gen = ++generation;
    ready.set(false);
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (row == null) {
      facts = null;
      clear();
      done.complete(null);
      return done;
    }
    RowKey key = RowKey.of(row);
    if (facts == null || !facts.key().equals(key)) {
      title.set(i18n.format("verdict.title", row.itemName(), row.structure()));
      empty.set(false);
    }
    Store from = store;
    try {
      io.execute(
          () -> {
            try {
              Facts f = load(from, key, reviewer);
              fx.accept(
                  () -> {
                    if (gen == generation) {
                      apply(row, f);
                    }
                    done.complete(null);
                  });
            } catch (LabelCriticException | RuntimeException e) {
              fx.accept(
                  () -> {
                    if (gen == generation) {
                      LOG.warn("loading the verdict failed: {}", LabelCriticException.describe(e));
                      error.set(LabelCriticException.describe(e));
                    }
                    done.complete(null);
                  });
            }
          });
    } catch (RuntimeException rejected) {
      error.set(LabelCriticException.describe(rejected));
      done.complete(null);
    }
    return done;
  }

  static Facts load(Store store, RowKey key, String reviewer) throws LabelCriticException {
    List<Verdict> verdicts = store.verdicts().forItem(key.itemId(), key.structureId());
    Optional<Verdict> verdict =
        verdicts.isEmpty() ? Optional.empty() : Optional.of(verdicts.getFirst());
    List<Candidate> raw = store.queries().candidates(key.itemId(), key.structureId());
    Map<Long, Source> sources = new HashMap<>();
    for (Source s : store.sources()) {
      sources.put(s.id(), s);
    }
    // Numbered in source order, as the image viewer lists its overlays, so that key n, overlay n
    // and candidate n are the same label; the verdict's pair is marked (A) and (B).
    List<Candidate> ordered = new ArrayList<>(raw);
    OptionalLong pref = verdict.map(Verdict::preferred).orElse(OptionalLong.empty());
    List<CandidateInfo> infos = new ArrayList<>();
    for (Candidate c : ordered) {
      Source s = sources.get(c.sourceId());
      infos.add(
          new CandidateInfo(
              infos.size() + 1,
              c.id(),
              s == null ? "#" + c.sourceId() : s.name(),
              s != null && s.kind() == SourceKind.PERSON,
              pref.isPresent() && pref.getAsLong() == c.id(),
              c.label() instanceof CandidateLabel.Code code ? code.code() : "",
              c.label()));
    }
    List<Decision> history = store.reviews().history(key.itemId(), key.structureId());
    OptionalLong blind = store.queries().blindReviewer(reviewer);
    if (blind.isPresent()) {
      // Under an assignment plan the reviewer never sees another reviewer's decision.
      OptionalLong auto = store.reviews().reviewerId(Queries.AUTOMATIC_REVIEWER);
      history =
          history.stream()
              .filter(
                  d ->
                      d.reviewerId() == blind.getAsLong()
                          || (auto.isPresent() && d.reviewerId() == auto.getAsLong()))
              .toList();
    }
    Optional<Decision> last = history.isEmpty() ? Optional.empty() : Optional.of(history.getLast());
    String decisionSource = "";
    if (last.isPresent()) {
      long cid =
          switch (last.get().action()) {
            case DecisionAction.Accept a -> a.candidateId();
            case DecisionAction.Edit e -> e.newCandidateId();
            default -> -1;
          };
      decisionSource =
          infos.stream()
              .filter(i -> i.candidateId() == cid)
              .map(i -> i.number() + " · " + i.source())
              .findFirst()
              .orElse(cid < 0 ? "" : "#" + cid);
    }
    List<Reason> reasons = verdict.map(v -> ReasonsJson.read(v.reasonsJson())).orElse(List.of());
    return new Facts(key, verdict, reasons, List.copyOf(infos), last, decisionSource);
  }

  private void apply(QueueRow row, Facts f) {
    boolean sameRow = facts != null && facts.key().equals(f.key());
    facts = f;
    error.set("");
    empty.set(false);
    title.set(i18n.format("verdict.title", row.itemName(), row.structure()));
    CandidateInfo keepChosen = sameRow ? chosen.get() : null;
    candidates.setAll(f.candidates());
    chosen.set(
        keepChosen == null
            ? null
            : f.candidates().stream()
                .filter(c -> c.candidateId() == keepChosen.candidateId())
                .findFirst()
                .orElse(null));
    decision.set(decisionText(f));
    if (f.verdict().isEmpty()) {
      preferred.set(i18n.text("verdict.none"));
      confidence.set(-1);
      confidenceText.set("");
      how.set(i18n.text("verdict.none.how"));
      reasons.clear();
      answers.set("");
    } else {
      Verdict v = f.verdict().get();
      preferred.set(preferredText(v, f.candidates()));
      confidence.set(v.confidence());
      confidenceText.set(i18n.format("verdict.confidence", v.confidence()));
      List<Reason> all = f.reasons();
      how.set(howText(v, all));
      reasons.setAll(
          all.stream()
              .filter(r -> !r.name().startsWith("lvlm.answer"))
              .sorted(Comparator.comparingDouble((Reason r) -> -Math.abs(r.weight())))
              .limit(REASONS_SHOWN)
              .map(this::reasonText)
              .toList());
      answers.set(answersText(all));
    }
    ready.set(true);
    measure(f);
  }

  private String preferredText(Verdict v, List<CandidateInfo> infos) {
    Optional<CandidateInfo> p = infos.stream().filter(CandidateInfo::preferred).findFirst();
    return switch (v.outcome()) {
      case PREFER_A, PREFER_B ->
          p.map(c -> i18n.format("verdict.preferred", letter(c.number()), c.source()))
              .orElse(i18n.text("verdict.preferred.unknown"));
      case AGREE -> i18n.text("verdict.agree");
      case UNSURE -> i18n.text("verdict.unsure");
      case SINGLE ->
          i18n.format(
              "verdict.single", infos.isEmpty() ? "" : infos.getFirst().source(), v.confidence());
    };
  }

  private String howText(Verdict v, List<Reason> all) {
    String by = i18n.format("verdict.by", v.critic(), breakable(v.modelVersion()));
    for (Reason r : all) {
      if (r.name().equals("rule.agree") || r.name().equals("rule.both_empty")) {
        return i18n.format("verdict.how.gate", r.detail()) + "\n" + by;
      }
    }
    for (Reason r : all) {
      if (r.name().startsWith("rule.") && !r.name().equals("rule.none")) {
        return i18n.format("verdict.how.rule", r.detail()) + "\n" + by;
      }
    }
    return i18n.format("verdict.how.critic", v.critic(), breakable(v.modelVersion()));
  }

  /**
   * A model version as shown: a space after each '+' and ';' joining its parts, so a narrow panel
   * wraps it between parts rather than inside a hash (JavaFX does not break at a zero-width space).
   */
  static String breakable(String version) {
    return version.replace("+", "+ ").replace(";", "; ");
  }

  private String reasonText(Reason r) {
    String text = r.detail().isBlank() ? r.name() : r.detail();
    return r.weight() == 0 ? text : i18n.format("verdict.reason", text, r.weight());
  }

  private String answersText(List<Reason> all) {
    StringBuilder out = new StringBuilder();
    for (Reason r : all) {
      if (r.name().equals("lvlm.answer_ab")) {
        out.append(i18n.format("verdict.answer.ab", r.detail())).append('\n');
      } else if (r.name().equals("lvlm.answer_ba")) {
        out.append(i18n.format("verdict.answer.ba", r.detail())).append('\n');
      }
    }
    return out.toString().strip();
  }

  private String decisionText(Facts f) {
    if (f.decision().isEmpty()) {
      return i18n.text("verdict.decision.none");
    }
    Decision d = f.decision().get();
    String note = d.note().isBlank() ? "" : " — " + d.note();
    return switch (d.action()) {
      case DecisionAction.Accept a -> i18n.format("verdict.decision.accept", f.decisionSource());
      case DecisionAction.Edit e -> i18n.format("verdict.decision.edit", f.decisionSource());
      case DecisionAction.Flag fl ->
          i18n.format("verdict.decision.flag", FlagTexts.reason(i18n, fl.reason()), note);
      case DecisionAction.Reopen r -> i18n.text("verdict.decision.reopen");
    };
  }

  /** Dice, HD95 and volumes between A and B, off the FX thread and remembered per pair. */
  private void measure(Facts f) {
    List<CandidateInfo> masks =
        f.candidates().stream().filter(c -> c.raw() instanceof CandidateLabel.Mask).toList();
    if (masks.size() < 2) {
      metrics.set(masks.isEmpty() ? "" : i18n.text("verdict.metrics.single"));
      return;
    }
    CandidateInfo a = masks.get(0);
    CandidateInfo b = masks.get(1);
    String cacheKey = a.candidateId() + ":" + b.candidateId();
    String cached = metricsCache.get(cacheKey);
    if (cached != null) {
      metrics.set(cached);
      return;
    }
    metrics.set(i18n.text("verdict.metrics.measuring"));
    long gen = generation;
    try {
      metricsExecutor.execute(
          () -> {
            if (gen != generation) {
              return; // the reviewer moved on before this started: skip the work
            }
            String text;
            boolean measured = false;
            try {
              CandidateMetrics m =
                  CandidateMetrics.between(
                      (CandidateLabel.Mask) a.raw(), (CandidateLabel.Mask) b.raw());
              text =
                  i18n.format(
                      "verdict.metrics",
                      letter(a.number()),
                      letter(b.number()),
                      m.dice(),
                      Double.isNaN(m.hd95Mm()) ? "—" : i18n.format("verdict.mm", m.hd95Mm()),
                      m.volumeAMl(),
                      m.volumeBMl());
              measured = true;
            } catch (LabelCriticException | RuntimeException e) {
              text = i18n.format("verdict.metrics.failed", LabelCriticException.describe(e));
            }
            String result = text;
            boolean keep = measured;
            fx.accept(
                () -> {
                  // A failure (a file still being written, a share briefly away) is shown but
                  // not kept: the next look at the pair measures again.
                  if (keep) {
                    metricsCache.put(cacheKey, result);
                  }
                  if (gen == generation) {
                    metrics.set(result);
                  }
                });
          });
    } catch (RuntimeException rejected) {
      metrics.set(i18n.format("verdict.metrics.failed", rejected.getMessage()));
    }
  }

  private void clear() {
    empty.set(true);
    ready.set(false);
    title.set(i18n.text("verdict.empty.title"));
    preferred.set(i18n.text("verdict.empty.hint"));
    confidence.set(-1);
    confidenceText.set("");
    how.set("");
    answers.set("");
    metrics.set("");
    decision.set("");
    error.set("");
    reasons.clear();
    candidates.clear();
    chosen.set(null);
  }

  /** The metrics text shown while the masks are being measured. */
  String i18nMeasuring() {
    return i18n.text("verdict.metrics.measuring");
  }

  /** "A", "B" for the first two candidates, else the number. */
  static String letter(int number) {
    return switch (number) {
      case 1 -> "A";
      case 2 -> "B";
      default -> Integer.toString(number);
    };
  }

  /** The n-th candidate (1-based) of the loaded row, if it is the row with this key. */
  public Optional<CandidateInfo> candidate(RowKey key, int n) {
    if (!loadedFor(key) || n < 1 || n > facts.candidates().size()) {
      return Optional.empty();
    }
    return Optional.of(facts.candidates().get(n - 1));
  }

  /** The candidate to edit: the one chosen in the panel, else the preferred one, else the first. */
  public Optional<CandidateInfo> candidateToEdit(RowKey key) {
    if (!loadedFor(key) || facts.candidates().isEmpty()) {
      return Optional.empty();
    }
    if (chosen.get() != null) {
      return Optional.of(chosen.get());
    }
    return facts.candidates().stream()
        .filter(CandidateInfo::preferred)
        .findFirst()
        .or(() -> Optional.of(facts.candidates().getFirst()));
  }

  /**
   * The candidate ids of the verdict's pair (A, B) for this row, if loaded and the verdict has a
   * pair; the viewer's side-by-side mode shows these.
   */
  public Optional<long[]> pair(RowKey key) {
    if (!loadedFor(key) || facts.verdict().isEmpty()) {
      return Optional.empty();
    }
    Verdict v = facts.verdict().get();
    return v.candidateB().isPresent()
        ? Optional.of(new long[] {v.candidateA(), v.candidateB().getAsLong()})
        : Optional.empty();
  }

  /** The verdict the reviewer sees for this row, if loaded and there is one. */
  public OptionalLong verdictId(RowKey key) {
    return loadedFor(key) && facts.verdict().isPresent()
        ? OptionalLong.of(facts.verdict().get().id())
        : OptionalLong.empty();
  }

  /**
   * The signed-in reviewer (null: none); under an assignment plan the panel shows only their own
   * and the automatic adopter's decisions.
   */
  public void setReviewer(String reviewer) {
    this.reviewer = reviewer;
  }

  /** The current decision on this row (any reviewer, unless blinded), if loaded. */
  public Optional<Decision> currentDecision(RowKey key) {
    return loadedFor(key) ? facts.decision() : Optional.empty();
  }

  public boolean loadedFor(RowKey key) {
    return facts != null && key != null && facts.key().equals(key) && ready.get();
  }

  public ReadOnlyBooleanProperty emptyProperty() {
    return empty.getReadOnlyProperty();
  }

  /** True once the selected row's verdict and candidates are loaded. */
  public ReadOnlyBooleanProperty readyProperty() {
    return ready.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** Which candidate the critic prefers, or that it has no preference and why. */
  public ReadOnlyStringProperty preferredProperty() {
    return preferred.getReadOnlyProperty();
  }

  /** The critic's confidence in 0..1, or -1 without a verdict. */
  public ReadOnlyDoubleProperty confidenceProperty() {
    return confidence.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty confidenceTextProperty() {
    return confidenceText.getReadOnlyProperty();
  }

  /** Gate, rule, or critic name and model version. */
  public ReadOnlyStringProperty howProperty() {
    return how.getReadOnlyProperty();
  }

  /** The LVLM critic's raw answers in both orders, or empty text. */
  public ReadOnlyStringProperty answersProperty() {
    return answers.getReadOnlyProperty();
  }

  /** Mask metrics between A and B, "measuring…", why they could not be measured, or empty. */
  public ReadOnlyStringProperty metricsProperty() {
    return metrics.getReadOnlyProperty();
  }

  /** The current decision in words. */
  public ReadOnlyStringProperty decisionProperty() {
    return decision.getReadOnlyProperty();
  }

  /** Why the panel could not be loaded, or empty text. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** The reasons that weighed most, strongest first. */
  public ObservableList<String> reasons() {
    return reasonsView;
  }

  public ObservableList<CandidateInfo> candidates() {
    return candidatesView;
  }

  /** The candidate the reviewer picked in the panel (for editing), or null. */
  public ObjectProperty<CandidateInfo> chosenProperty() {
    return chosen;
  }
}
