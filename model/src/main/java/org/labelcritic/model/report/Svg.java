package org.labelcritic.model.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small charts as inline SVG text (no scripts, no external references). */
final class Svg {
  static final String[] PALETTE = {
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac"
  };

  private Svg() {}

  /** A horizontal bar chart; values are drawn against the largest (or {@code max} when given). */
  static String bars(String title, Map<String, Double> values, double max, boolean percent) {
    int rowH = 22;
    int labelW = 190;
    int barW = 360;
    int h = 30 + rowH * Math.max(1, values.size());
    double top = max > 0 ? max : values.values().stream().mapToDouble(d -> d).max().orElse(1);
    if (!(top > 0)) {
      top = 1;
    }
    StringBuilder b = open(title, labelW + barW + 90, h);
    int y = 26;
    int i = 0;
    for (Map.Entry<String, Double> e : values.entrySet()) {
      double v = e.getValue();
      double w = Double.isNaN(v) ? 0 : Math.max(0, v / top * barW);
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"12\">%s</text>"
                  + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
                  + "<text x=\"%.1f\" y=\"%d\" font-size=\"12\">%s</text>\n",
              labelW - 6,
              y + 14,
              Html.esc(e.getKey()),
              labelW,
              y + 2,
              w,
              rowH - 6,
              PALETTE[i % PALETTE.length],
              labelW + w + 4,
              y + 14,
              percent ? Html.pct(v) : Html.num(v, v == Math.rint(v) ? 0 : 2)));
      y += rowH;
      i++;
    }
    return b.append("</svg>").toString();
  }

  /** One bar split into parts (e.g. what happened to each label), with a legend. */
  static String stacked(String title, Map<String, Long> parts) {
    int width = 640;
    long total = parts.values().stream().mapToLong(Long::longValue).sum();
    StringBuilder b = open(title, width, 90 + 18 * ((parts.size() + 2) / 3));
    double x = 10;
    int i = 0;
    for (Map.Entry<String, Long> e : parts.entrySet()) {
      double w = total == 0 ? 0 : (width - 20) * e.getValue() / (double) total;
      b.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"28\" width=\"%.1f\" height=\"26\" fill=\"%s\"/>\n",
              x,
              w,
              PALETTE[i % PALETTE.length]));
      x += w;
      i++;
    }
    i = 0;
    for (Map.Entry<String, Long> e : parts.entrySet()) {
      int lx = 10 + (i % 3) * 210;
      int ly = 72 + (i / 3) * 18;
      b.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                  + "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s: %d (%s)</text>\n",
              lx,
              ly - 9,
              PALETTE[i % PALETTE.length],
              lx + 14,
              ly,
              Html.esc(e.getKey()),
              e.getValue(),
              Html.pct(total == 0 ? Double.NaN : e.getValue() / (double) total)));
      i++;
    }
    return b.append("</svg>").toString();
  }

  /** Lines of accuracy (0..1) against the comparison count, one per series. */
  static String lines(String title, List<TimelinePoint> points) {
    int w = 640;
    int h = 240;
    int left = 40;
    int right = 150;
    int top = 28;
    int bottom = 30;
    Map<String, List<TimelinePoint>> series = new LinkedHashMap<>();
    for (TimelinePoint p : points) {
      series.computeIfAbsent(p.structure(), k -> new ArrayList<>()).add(p);
    }
    long maxN = points.stream().mapToLong(TimelinePoint::order).max().orElse(1);
    int plotW = w - left - right;
    int plotH = h - top - bottom;
    StringBuilder b = open(title, w, h);
    b.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>"
                + "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">100%%</text>"
                + "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">0%%</text>"
                + "<text x=\"%d\" y=\"%d\" font-size=\"11\">decisions compared: %d</text>\n",
            left,
            top,
            left,
            top + plotH,
            left,
            top + plotH,
            left + plotW,
            top + plotH,
            left - 4,
            top + 4,
            left - 4,
            top + plotH,
            left,
            h - 8,
            maxN));
    int i = 0;
    for (Map.Entry<String, List<TimelinePoint>> e : series.entrySet()) {
      StringBuilder pts = new StringBuilder();
      for (TimelinePoint p : e.getValue()) {
        double x = left + plotW * (maxN <= 1 ? 1 : (p.order() - 1) / (double) (maxN - 1));
        double y = top + plotH * (1 - p.accuracy());
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      }
      String colour = PALETTE[i % PALETTE.length];
      b.append(
          String.format(
              Locale.ROOT,
              "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>"
                  + "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"%s\">%s</text>\n",
              colour,
              pts.toString().strip(),
              left + plotW + 8,
              top + 14 + 16 * i,
              colour,
              Html.esc(e.getKey())));
      i++;
    }
    return b.append("</svg>").toString();
  }

  private static StringBuilder open(String title, int w, int h) {
    return new StringBuilder()
        .append(
            String.format(
                Locale.ROOT,
                "<svg role=\"img\" width=\"%d\" height=\"%d\""
                    + " viewBox=\"0 0 %d %d\"><title>%s</title>"
                    + "<text x=\"4\" y=\"16\" font-size=\"13\" font-weight=\"bold\">%s</text>\n",
                w,
                h,
                w,
                h,
                Html.esc(title),
                Html.esc(title)));
  }
}
