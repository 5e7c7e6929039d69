package org.labelcritic.app.ui.team;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelcritic.app.ui.I18n;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.report.DatasetSummaries;
import org.labelcritic.model.report.DatasetSummary;
import org.labelcritic.model.report.TimelinePoint;
import org.labelcritic.model.stats.AgreementResult;
import org.labelcritic.model.stats.AgreementSummary;
import org.labelcritic.model.stats.CriticAccuracy;
import org.labelcritic.model.stats.DecisionTimes;
import org.labelcritic.model.stats.Proportion;
import org.labelcritic.model.store.ReportQueries;
import org.labelcritic.model.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's state: chart data as plain records and every number as a table row. Holds no
 * nodes.
 *
 * <p>Refreshing is incremental in the cheap sense: each poll first reads the store's change marker
 * (the largest decision, verdict and audit ids, three index lookups) and recomputes the statistics
 * only when it moved; a dashboard left open on an idle dataset costs next to nothing. The
 * statistics themselves are recomputed from the current decisions when they change (agreement
 * coefficients depend on every overlap unit, so there is no cheaper exact update). Store work runs
 * on the {@code io} executor, results are applied through {@code fx}.
 */
public final class DashboardViewModel {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardViewModel.class);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

  /** One number of the table. */
  public record MetricRow(String section, String scope, String value, String count) {}

  /** A slice, a bar or a point of a chart. */
  public record Datum(String name, double value) {}

  /**
   * One line of the accuracy chart: {x, accuracy 0..1} where x counts the comparisons over all
   * structures up to that decision (a common time axis).
   */
  public record Series(String name, List<double[]> points) {}

  private final I18n i18n;
  private final Store store;
  private final Executor io;
  private final Consumer<Runnable> fx;
  private final AtomicBoolean inFlight = new AtomicBoolean();
  private final AtomicLong computations = new AtomicLong();
  private volatile String lastMarker;
  private ScheduledFuture<?> polling;

  private final ObservableList<MetricRow> rows = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<List<Series>> accuracy =
      new ReadOnlyObjectWrapper<>(this, "accuracy", List.of());
  private final ReadOnlyObjectWrapper<List<Datum>> decisionMix =
      new ReadOnlyObjectWrapper<>(this, "decisionMix", List.of());
  private final ReadOnlyObjectWrapper<List<Datum>> agreement =
      new ReadOnlyObjectWrapper<>(this, "agreement", List.of());
  private final ReadOnlyObjectWrapper<List<Datum>> goldAccuracy =
      new ReadOnlyObjectWrapper<>(this, "goldAccuracy", List.of());
  private final ReadOnlyObjectWrapper<List<Datum>> secondsPerDecision =
      new ReadOnlyObjectWrapper<>(this, "secondsPerDecision", List.of());
  private final ReadOnlyObjectWrapper<DatasetSummary> summary =
      new ReadOnlyObjectWrapper<>(this, "summary");
  private final ReadOnlyStringWrapper updated = new ReadOnlyStringWrapper(this, "updated", "");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");

  public DashboardViewModel(I18n i18n, Store store, Executor io, Consumer<Runnable> fx) {
    this.i18n = Objects.requireNonNull(i18n, "i18n");
    this.store = Objects.requireNonNull(store, "store");
    this.io = Objects.requireNonNull(io, "io");
    this.fx = Objects.requireNonNull(fx, "fx");
    updated.set(i18n.text("team.dashboard.loading"));
  }

  /**
   * Reads the change marker on the executor and, when it moved since the last read, recomputes the
   * summary and applies it. A refresh asked for while one runs is skipped. The future completes (on
   * the FX side) with the summary shown.
   */
  public CompletableFuture<DatasetSummary> refresh() {
    CompletableFuture<DatasetSummary> done = new CompletableFuture<>();
    if (!inFlight.compareAndSet(false, true)) {
      done.complete(summary.get());
      return done;
    }
    try {
      io.execute(
          () -> {
            try {
              String marker = new ReportQueries(store).changeMarker();
              if (marker.equals(lastMarker)) {
                inFlight.set(false);
                fx.accept(() -> done.complete(summary.get()));
                return;
              }
              DatasetSummary s = new DatasetSummaries(store).read();
              computations.incrementAndGet();
              lastMarker = s.changeMarker();
              inFlight.set(false);
              fx.accept(() -> apply(s, done));
            } catch (LabelCriticException | RuntimeException e) {
              inFlight.set(false);
              fx.accept(() -> fail(e, done));
            }
          });
    } catch (RuntimeException rejected) {
      inFlight.set(false);
      fail(rejected, done);
    }
    return done;
  }

  /** Polls every {@code period} on {@code scheduler} until {@link #stop()}. */
  public void start(ScheduledExecutorService scheduler, Duration period) {
    stop();
    loading.set(true);
    polling =
        scheduler.scheduleWithFixedDelay(
            this::refresh, 0, Math.max(1, period.toMillis()), TimeUnit.MILLISECONDS);
  }

  public void stop() {
    if (polling != null) {
      polling.cancel(false);
      polling = null;
    }
  }

  /** How many times the statistics were computed (a refresh with no change computes nothing). */
  public long computations() {
    return computations.get();
  }

  private void apply(DatasetSummary s, CompletableFuture<DatasetSummary> done) {
    summary.set(s);
    accuracy.set(series(s.timeline()));
    decisionMix.set(mix(s));
    agreement.set(agreementBars(s.agreement()));
    Map<String, Proportion> gold = s.goldByReviewer();
    List<Datum> g = new ArrayList<>();
    gold.forEach((k, p) -> g.add(new Datum(k, p.value())));
    goldAccuracy.set(List.copyOf(g));
    List<Datum> t = new ArrayList<>();
    s.times().byReviewer().forEach((k, x) -> t.add(new Datum(k, x.medianMillis() / 1000)));
    secondsPerDecision.set(List.copyOf(t));
    rows.setAll(rows(s));
    updated.set(
        i18n.format(
            "team.dashboard.updated",
            CLOCK.format(s.readAt()),
            s.reviewed(),
            s.units(),
            s.autoAccepted()));
    error.set("");
    loading.set(false);
    done.complete(s);
  }

  private void fail(Exception e, CompletableFuture<DatasetSummary> done) {
    String m = LabelCriticException.describe(e);
    LOG.warn("dashboard refresh failed: {}", m);
    error.set(m);
    loading.set(false);
    done.completeExceptionally(e instanceof CompletionException ? e : new CompletionException(e));
  }

  private List<Series> series(List<TimelinePoint> points) {
    Map<String, List<double[]>> by = new LinkedHashMap<>();
    for (TimelinePoint p : points) {
      by.computeIfAbsent(p.structure(), k -> new ArrayList<>())
          .add(new double[] {p.order(), p.accuracy()});
    }
    List<Series> out = new ArrayList<>();
    by.forEach(
        (k, v) ->
            out.add(
                new Series(
                    DatasetSummary.POOLED.equals(k) ? i18n.text("team.dashboard.pooled") : k,
                    List.copyOf(v))));
    return List.copyOf(out);
  }

  private List<Datum> mix(DatasetSummary s) {
    return List.of(
        new Datum(i18n.text("team.dashboard.mix.accepted"), s.accepted()),
        new Datum(i18n.text("team.dashboard.mix.edited"), s.edited()),
        new Datum(i18n.text("team.dashboard.mix.flagged"), s.flagged()),
        new Datum(i18n.text("team.dashboard.mix.auto"), s.autoAccepted()),
        new Datum(i18n.text("team.dashboard.mix.open"), s.unreviewed()));
  }

  private List<Datum> agreementBars(AgreementSummary a) {
    return List.of(
        new Datum(i18n.text("team.dashboard.agreement.percent"), a.percentAgreement().value()),
        new Datum(i18n.text("team.dashboard.agreement.cohen"), a.cohensKappa().value()),
        new Datum(i18n.text("team.dashboard.agreement.fleiss"), a.fleissKappa().value()),
        new Datum(i18n.text("team.dashboard.agreement.alpha"), a.krippendorffAlpha().value()));
  }

  private List<MetricRow> rows(DatasetSummary s) {
    List<MetricRow> out = new ArrayList<>();
    String all = i18n.text("team.dashboard.pooled");
    String mixSection = i18n.text("team.dashboard.section.mix");
    for (Datum d : mix(s)) {
      out.add(new MetricRow(mixSection, d.name(), whole(d.value()), whole(s.units())));
    }
    String critic = i18n.text("team.dashboard.section.critic");
    Map<String, CriticAccuracy.Counts> acc = new LinkedHashMap<>(s.criticAccuracy().byStructure());
    acc.put(all, s.criticAccuracy().pooled());
    acc.forEach(
        (k, c) ->
            out.add(
                new MetricRow(
                    critic,
                    k,
                    percent(c.accuracy().value()),
                    c.agreed() + " / " + c.accuracy().total())));
    String agreementSection = i18n.text("team.dashboard.section.agreement");
    Map<String, AgreementSummary> ag = new LinkedHashMap<>();
    ag.put(all, s.agreement());
    ag.putAll(s.agreementByStructure());
    ag.forEach(
        (k, a) -> {
          AgreementResult[] results = {
            a.percentAgreement(), a.cohensKappa(), a.fleissKappa(), a.krippendorffAlpha()
          };
          List<Datum> names = agreementBars(a);
          for (int i = 0; i < results.length; i++) {
            double v = results[i].value();
            out.add(
                new MetricRow(
                    agreementSection,
                    k + " \u2013 " + names.get(i).name(),
                    i == 0 ? percent(v) : decimal(v),
                    whole(results[i].items())));
          }
        });
    String gold = i18n.text("team.dashboard.section.gold");
    Map<String, Proportion> g = new LinkedHashMap<>(s.goldByReviewer());
    g.put(all, s.goldPooled());
    g.forEach(
        (k, p) ->
            out.add(new MetricRow(gold, k, percent(p.value()), p.count() + " / " + p.total())));
    String times = i18n.text("team.dashboard.section.time");
    Map<String, DecisionTimes.Summary> t = new LinkedHashMap<>(s.times().byReviewer());
    t.put(all, s.times().pooled());
    t.forEach(
        (k, x) ->
            out.add(
                new MetricRow(
                    times,
                    k,
                    i18n.format(
                        "team.dashboard.seconds",
                        decimal(x.medianMillis() / 1000),
                        decimal(x.p90Millis() / 1000)),
                    whole(x.count()))));
    String residual = i18n.text("team.dashboard.section.residual");
    out.add(new MetricRow(residual, all, percent(s.residualError().rate()), whole(s.units())));
    return out;
  }

  private static String percent(double v) {
    return Double.isNaN(v) ? "\u2013" : String.format(Locale.ROOT, "%.1f%%", v * 100);
  }

  private static String decimal(double v) {
    return Double.isNaN(v) ? "\u2013" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String whole(double v) {
    return String.format(Locale.ROOT, "%d", Math.round(v));
  }

  public ObservableList<MetricRow> rows() {
    return FXCollections.unmodifiableObservableList(rows);
  }

  public ReadOnlyObjectProperty<List<Series>> accuracyProperty() {
    return accuracy.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<List<Datum>> decisionMixProperty() {
    return decisionMix.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<List<Datum>> agreementProperty() {
    return agreement.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<List<Datum>> goldAccuracyProperty() {
    return goldAccuracy.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<List<Datum>> secondsPerDecisionProperty() {
    return secondsPerDecision.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<DatasetSummary> summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty updatedProperty() {
    return updated.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }
}
