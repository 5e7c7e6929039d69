package org.labelcritic.imaging.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The generated CSV files, read back for assertions. */
record CellDemoCsv(List<Row> rows, Map<String, String> truth, Map<String, String> codeList) {

  record Row(List<String> fields) {
    String itemId() {
      return fields.get(0);
    }

    String image() {
      return fields.get(1);
    }

    String page() {
      return fields.get(2);
    }

    int x() {
      return Integer.parseInt(fields.get(3));
    }

    int y() {
      return Integer.parseInt(fields.get(4));
    }

    int w() {
      return Integer.parseInt(fields.get(5));
    }

    int h() {
      return Integer.parseInt(fields.get(6));
    }

    String source() {
      return fields.get(7);
    }

    String code() {
      return fields.get(8);
    }

    String confidence() {
      return fields.get(9);
    }

    String digitConfidences() {
      return fields.get(10);
    }
  }

  static CellDemoCsv read(Path dir) throws IOException {
    List<Row> rows =
        dataLines(dir.resolve("manifest.csv")).stream()
            .map(l -> new Row(List.of(l.split(",", -1))))
            .toList();
    return new CellDemoCsv(rows, pairs(dir.resolve("truth.csv")), pairs(dir.resolve("codes.csv")));
  }

  Map<String, Long> truthCodeCounts() {
    return truth.values().stream().collect(Collectors.groupingBy(c -> c, Collectors.counting()));
  }

  double digitErrorRate(String source) {
    return errorRate(r -> r.source().equals(source));
  }

  double errorRateOnCodesSeenAtMost(long n) {
    Map<String, Long> counts = truthCodeCounts();
    return errorRate(r -> counts.get(truth.get(r.itemId())) <= n);
  }

  double errorRateOnCodesSeenMoreThan(long n) {
    Map<String, Long> counts = truthCodeCounts();
    return errorRate(r -> counts.get(truth.get(r.itemId())) > n);
  }

  private double errorRate(Predicate<Row> which) {
    long digits = 0;
    long wrong = 0;
    for (Row r : rows.stream().filter(which).toList()) {
      String t = truth.get(r.itemId());
      for (int i = 0; i < t.length(); i++) {
        digits++;
        wrong += r.code().charAt(i) == t.charAt(i) ? 0 : 1;
      }
    }
    return (double) wrong / digits;
  }

  private static List<String> dataLines(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return lines.subList(1, lines.size());
  }

  private static Map<String, String> pairs(Path file) throws IOException {
    Map<String, String> map = new LinkedHashMap<>();
    for (String line : dataLines(file)) {
      String[] kv = line.split(",", -1);
      if (kv.length != 2 || map.put(kv[0], kv[1]) != null) {
        throw new IllegalStateException(file + ": bad or duplicate row " + line);
      }
    }
    return map;
  }
}
