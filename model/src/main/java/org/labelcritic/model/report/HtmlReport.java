package org.labelcritic.model.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.export.AtomicFiles;
import org.labelcritic.model.stats.AgreementResult;
import org.labelcritic.model.stats.AgreementSummary;
import org.labelcritic.model.stats.CriticAccuracy;
import org.labelcritic.model.stats.DecisionTimes;
import org.labelcritic.model.stats.OutcomeRates;
import org.labelcritic.model.stats.Proportion;

/**
 * Renders a {@link DatasetSummary} as one self-contained HTML file: inline CSS and SVG charts, no
 * scripts, no external references. Every text from the database is HTML-escaped.
 */
public final class HtmlReport {
  private static final String CSS =
      "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:60em;color:#222}"
          + "table{border-collapse:collapse;margin:.5em 0 1.5em}"
          + "th,td{border:1px solid #ccc;padding:.25em .6em;text-align:right}"
          + "th:first-child,td:first-child{text-align:left}"
          + ".label{border:3px solid #222;padding:1em;max-width:34em}"
          + ".label td{border:none;border-bottom:1px solid #888}"
          + ".basis{color:#555;font-size:.9em}";

  private HtmlReport() {}

  /** Writes the report for {@code s} to {@code out}, completely or not at all. */
  public static void write(DatasetSummary s, Path out) throws LabelCriticException {
    String html = render(s);
    AtomicFiles.write(
        out,
        "an HTML file",
        tmp -> java.nio.file.Files.writeString(tmp, html, StandardCharsets.UTF_8));
  }

  /** The report as HTML text. */
  public static String render(DatasetSummary s) {
    StringBuilder b = new StringBuilder(32_768);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Dataset report: ")
        .append(Html.esc(s.datasetName()))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body>\n");
    b.append("<h1>Dataset report: ").append(Html.esc(s.datasetName())).append("</h1>\n");
    b.append("<p class=\"basis\">Dataset ")
        .append(Html.esc(s.datasetUid()))
        .append(", read ")
        .append(Html.esc(s.readAt().toString()))
        .append(".</p>\n");
    nutritionLabel(b, s);
    sources(b, s);
    review(b, s);
    critic(b, s);
    agreement(b, s);
    gold(b, s);
    times(b, s.times());
    residual(b, s.residualError());
    return b.append("</body></html>\n").toString();
  }

  private static void nutritionLabel(StringBuilder b, DatasetSummary s) {
    long labels = s.labelsBySource().values().stream().mapToLong(Long::longValue).sum();
    CriticAccuracy.Counts c = s.criticAccuracy().pooled();
    ResidualError r = s.residualError();
    double[] range = r.rateRange();
    b.append("<div class=\"label\" id=\"nutrition-label\"><h2>Nutrition label</h2><table>");
    row(b, "Labels (all sources)", String.valueOf(labels));
    row(b, "Items \u00d7 structures", String.valueOf(s.units()));
    row(b, "Reviewed by a person", count(s.reviewed(), s.units()));
    row(b, "\u2003accepted unchanged", count(s.accepted(), s.units()));
    row(b, "\u2003edited", count(s.edited(), s.units()));
    row(b, "\u2003flagged", count(s.flagged(), s.units()));
    row(b, "Auto-accepted by the critic", count(s.autoAccepted(), s.units()));
    row(b, "Not reviewed", count(s.unreviewed(), s.units()));
    row(
        b,
        "Critic accuracy against reviewers",
        Html.pct(c.accuracy().value()) + " (n = " + c.accuracy().total() + ")");
    row(
        b,
        "Reviewer agreement (Krippendorff's \u03b1)",
        Html.num(s.agreement().krippendorffAlpha().value(), 3)
            + " ("
            + s.overlapUnits()
            + " units decided by two or more)");
    row(
        b,
        "Reviewer accuracy on gold items",
        Html.pct(s.goldPooled().value()) + " (n = " + s.goldPooled().total() + ")");
    row(
        b,
        "Estimated residual error",
        Html.pct(r.rate())
            + " (95%: "
            + Html.pct(range[0])
            + "\u2013"
            + Html.pct(range[1])
            + ")"
            + (r.incomplete() ? " \u2020" : ""));
    b.append("</table>");
    if (r.incomplete()) {
      b.append(
          "<p class=\"basis\">\u2020 Some groups' error could not be measured yet and count as"
              + " none; see the residual error section.</p>");
    }
    b.append("</div>\n");
  }

  private static void sources(StringBuilder b, DatasetSummary s) {
    b.append("<h2>Labels per source</h2>\n");
    Map<String, Double> v = new LinkedHashMap<>();
    s.labelsBySource().forEach((k, n) -> v.put(k, n.doubleValue()));
    b.append(Svg.bars("Labels per source", v, 0, false)).append('\n');
    b.append("<table><tr><th>Source</th><th>Labels</th></tr>");
    s.labelsBySource().forEach((k, n) -> row(b, k, String.valueOf(n)));
    b.append("</table>\n");
  }

  private static void review(StringBuilder b, DatasetSummary s) {
    b.append("<h2>What happened to each label</h2>\n");
    Map<String, Long> parts = new LinkedHashMap<>();
    parts.put("accepted", s.accepted());
    parts.put("edited", s.edited());
    parts.put("flagged", s.flagged());
    parts.put("auto-accepted", s.autoAccepted());
    parts.put("not reviewed", s.unreviewed());
    b.append(Svg.stacked("Units by outcome", parts)).append('\n');
    b.append(
        "<table><tr><th>Source</th><th>Decisions</th><th>Accepted</th><th>Corrected</th>"
            + "<th>Flagged</th></tr>");
    for (Map.Entry<String, OutcomeRates.Counts> e : s.outcomes().bySource().entrySet()) {
      OutcomeRates.Counts c = e.getValue();
      b.append("<tr><td>")
          .append(Html.esc(e.getKey()))
          .append("</td><td>")
          .append(c.total())
          .append("</td><td>")
          .append(Html.pct(c.acceptedRate().value()))
          .append("</td><td>")
          .append(Html.pct(c.correctedRate().value()))
          .append("</td><td>")
          .append(Html.pct(c.flaggedRate().value()))
          .append("</td></tr>");
    }
    b.append("</table>\n");
  }

  private static void critic(StringBuilder b, DatasetSummary s) {
    b.append("<h2>Critic accuracy against reviewers</h2>\n");
    Map<String, Double> v = new LinkedHashMap<>();
    s.criticAccuracy().byStructure().forEach((k, c) -> v.put(k, c.accuracy().value()));
    v.put(DatasetSummary.POOLED, s.criticAccuracy().pooled().accuracy().value());
    b.append(Svg.bars("Critic accuracy per structure", v, 1, true)).append('\n');
    if (!s.timeline().isEmpty()) {
      b.append(Svg.lines("Critic accuracy as decisions arrive", s.timeline())).append('\n');
    }
    b.append(
        "<table><tr><th>Structure</th><th>Agreed</th><th>Disagreed</th><th>Accuracy</th>"
            + "<th>95% interval</th><th>AGREE verdicts</th><th>UNSURE verdicts</th></tr>");
    Map<String, CriticAccuracy.Counts> rows = new LinkedHashMap<>(s.criticAccuracy().byStructure());
    rows.put(DatasetSummary.POOLED, s.criticAccuracy().pooled());
    for (Map.Entry<String, CriticAccuracy.Counts> e : rows.entrySet()) {
      CriticAccuracy.Counts c = e.getValue();
      double[] ci = Wilson.interval(c.accuracy());
      b.append("<tr><td>")
          .append(Html.esc(e.getKey()))
          .append("</td><td>")
          .append(c.agreed())
          .append("</td><td>")
          .append(c.disagreed())
          .append("</td><td>")
          .append(Html.pct(c.accuracy().value()))
          .append("</td><td>")
          .append(Html.pct(ci[0]))
          .append("\u2013")
          .append(Html.pct(ci[1]))
          .append("</td><td>")
          .append(c.agreeVerdicts())
          .append("</td><td>")
          .append(c.unsureVerdicts())
          .append("</td></tr>");
    }
    b.append("</table>\n");
  }

  private static void agreement(StringBuilder b, DatasetSummary s) {
    b.append("<h2>Reviewer agreement</h2>\n<p>")
        .append(s.overlapUnits())
        .append(" item/structure units were decided by two or more reviewers.</p>\n");
    b.append(
        "<table><tr><th>Scope</th><th>Reviewers</th><th>Percent agreement</th>"
            + "<th>Cohen's \u03ba</th><th>Fleiss' \u03ba</th><th>Krippendorff's \u03b1</th>"
            + "<th>Units</th></tr>");
    agreementRow(b, DatasetSummary.POOLED, s.agreement());
    s.agreementByStructure().forEach((k, a) -> agreementRow(b, k, a));
    b.append("</table>\n");
  }

  private static void agreementRow(StringBuilder b, String scope, AgreementSummary a) {
    b.append("<tr><td>")
        .append(Html.esc(scope))
        .append("</td><td>")
        .append(a.raters())
        .append("</td><td>")
        .append(Html.pct(a.percentAgreement().value()))
        .append("</td><td>")
        .append(coef(a.cohensKappa()))
        .append("</td><td>")
        .append(coef(a.fleissKappa()))
        .append("</td><td>")
        .append(coef(a.krippendorffAlpha()))
        .append("</td><td>")
        .append(a.percentAgreement().items())
        .append("</td></tr>");
  }

  private static void gold(StringBuilder b, DatasetSummary s) {
    b.append("<h2>Reviewer accuracy on gold items</h2>\n");
    if (s.goldByReviewer().isEmpty()) {
      b.append("<p>No gold item has been decided yet.</p>\n");
      return;
    }
    Map<String, Double> v = new LinkedHashMap<>();
    s.goldByReviewer().forEach((k, p) -> v.put(k, p.value()));
    b.append(Svg.bars("Accuracy on gold items", v, 1, true)).append('\n');
    b.append(
        "<table><tr><th>Reviewer</th><th>Correct</th><th>Gold items</th><th>Accuracy</th></tr>");
    Map<String, Proportion> rows = new LinkedHashMap<>(s.goldByReviewer());
    rows.put(DatasetSummary.POOLED, s.goldPooled());
    rows.forEach(
        (k, p) ->
            b.append("<tr><td>")
                .append(Html.esc(k))
                .append("</td><td>")
                .append(p.count())
                .append("</td><td>")
                .append(p.total())
                .append("</td><td>")
                .append(Html.pct(p.value()))
                .append("</td></tr>"));
    b.append("</table>\n");
  }

  private static void times(StringBuilder b, DecisionTimes t) {
    b.append("<h2>Time per decision</h2>\n");
    b.append(
        "<table><tr><th>Reviewer</th><th>Decisions</th><th>Median (s)</th><th>Mean (s)</th>"
            + "<th>90th percentile (s)</th></tr>");
    Map<String, DecisionTimes.Summary> rows = new LinkedHashMap<>(t.byReviewer());
    rows.put(DatasetSummary.POOLED, t.pooled());
    rows.forEach(
        (k, x) ->
            b.append("<tr><td>")
                .append(Html.esc(k))
                .append("</td><td>")
                .append(x.count())
                .append("</td><td>")
                .append(Html.num(x.medianMillis() / 1000, 1))
                .append("</td><td>")
                .append(Html.num(x.meanMillis() / 1000, 1))
                .append("</td><td>")
                .append(Html.num(x.p90Millis() / 1000, 1))
                .append("</td></tr>"));
    b.append("</table>\n");
  }

  private static void residual(StringBuilder b, ResidualError r) {
    b.append("<h2 id=\"residual-error\">Estimated residual error</h2>\n")
        .append(
            "<p>How many final labels are probably still wrong: each group of units is charged the"
                + " error rate measured for the way its final label was chosen, and the groups are"
                + " summed. The range adds each group's 95% Wilson interval.</p>\n");
    b.append(
        "<table><tr><th>Group</th><th>Units</th><th>Error rate</th><th>Expected wrong</th>"
            + "<th>Basis</th></tr>");
    for (ResidualError.Group g : r.groups()) {
      double[] range = g.expectedRange();
      b.append("<tr><td>")
          .append(Html.esc(g.name()))
          .append("</td><td>")
          .append(g.units())
          .append("</td><td>")
          .append(g.errorRate().total() == 0 ? "not measured" : Html.pct(g.errorRate().value()))
          .append("</td><td>")
          .append(Html.num(g.expectedErrors(), 1))
          .append(" (")
          .append(Html.num(range[0], 1))
          .append("\u2013")
          .append(Html.num(range[1], 1))
          .append(")</td><td class=\"basis\" style=\"text-align:left\">")
          .append(Html.esc(g.basis()))
          .append("</td></tr>");
    }
    b.append("</table>\n");
  }

  private static String coef(AgreementResult r) {
    return r.isDefined() ? Html.num(r.value(), 3) : "\u2013";
  }

  private static String count(long n, long of) {
    return n + " (" + Html.pct(of == 0 ? Double.NaN : n / (double) of) + ")";
  }

  private static void row(StringBuilder b, String k, String v) {
    b.append("<tr><td>")
        .append(Html.esc(k))
        .append("</td><td>")
        .append(Html.esc(v))
        .append("</td></tr>");
  }
}
