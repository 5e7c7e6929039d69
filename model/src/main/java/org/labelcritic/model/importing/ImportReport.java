package org.labelcritic.model.importing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.labelcritic.model.Problem;

/**
 * What an import did: counts by kind of outcome and the problems it met. Mutable while the import
 * runs (one thread), then read. At most {@link #MAX_KEPT_PROBLEMS} problems are kept in full; the
 * rest are only counted, so a broken million-row file cannot exhaust memory.
 */
public final class ImportReport {
  public static final int MAX_KEPT_PROBLEMS = 1000;

  private final String what;
  private final Map<String, Long> counts = new TreeMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private long problemCount;
  private boolean cancelled;

  public ImportReport(String what) {
    this.what = what;
  }

  public void count(String key) {
    counts.merge(key, 1L, Long::sum);
  }

  public void count(String key, long n) {
    counts.merge(key, n, Long::sum);
  }

  public long get(String key) {
    return counts.getOrDefault(key, 0L);
  }

  public void problem(Problem p) {
    problemCount++;
    if (problems.size() < MAX_KEPT_PROBLEMS) {
      problems.add(p);
    }
  }

  /** Adds another report's counts and problems (in their order) to this one. */
  public void addAll(ImportReport other) {
    other.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
    for (Problem p : other.problems) {
      if (problems.size() < MAX_KEPT_PROBLEMS) {
        problems.add(p);
      }
    }
    problemCount += other.problemCount;
  }

  public void markCancelled() {
    cancelled = true;
  }

  public boolean cancelled() {
    return cancelled;
  }

  public List<Problem> problems() {
    return Collections.unmodifiableList(problems);
  }

  public long problemCount() {
    return problemCount;
  }

  public Map<String, Long> counts() {
    return Collections.unmodifiableMap(counts);
  }

  /** True when nothing was skipped and no problem was met. */
  public boolean clean() {
    return problemCount == 0 && !cancelled;
  }

  /** One line: "cells: 10 items created, 20 candidates inserted, ..., 2 problems". */
  public String summary() {
    StringBuilder sb = new StringBuilder(what).append(": ");
    counts.forEach((k, v) -> sb.append(v).append(' ').append(k).append(", "));
    sb.append(problemCount).append(problemCount == 1 ? " problem" : " problems");
    if (cancelled) {
      sb.append(" (cancelled)");
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return summary();
  }
}
