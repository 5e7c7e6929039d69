package org.labelcritic.model.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.store.ExportQueries;
import org.labelcritic.model.store.ExportQueries.DecisionRow;

/**
 * The full append-only decision log, oldest first, as CSV or JSON Lines: every decision, also the
 * superseded ones, with names instead of ids.
 */
public final class DecisionLogExport {
  /** The CSV header; JSON Lines use the same names as keys. */
  public static final List<String> COLUMNS =
      List.of(
          "decision_id",
          "decision_uid",
          "item",
          "item_kind",
          "structure",
          "reviewer",
          "session",
          "action",
          "candidate_id",
          "candidate_source",
          "candidate_revision",
          "flag_reason",
          "note",
          "verdict_id",
          "supersedes_id",
          "time_spent_ms",
          "decided_at");

  /** The file formats. */
  public enum Format {
    CSV,
    JSONL
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ExportQueries queries;

  public DecisionLogExport(ExportQueries queries) {
    this.queries = queries;
  }

  /** Writes the log to {@code out} (completely or not at all); returns the number of decisions. */
  public long write(Path out, Format format) throws LabelCriticException {
    long[] rows = {0};
    AtomicFiles.write(
        out,
        format == Format.CSV ? "a CSV file" : "a JSON Lines file",
        tmp -> {
          try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            if (format == Format.CSV) {
              w.write(CsvCells.line(COLUMNS));
            }
            rows[0] =
                queries.forEachDecision(
                    r -> {
                      try {
                        w.write(format == Format.CSV ? CsvCells.line(cells(r)) : jsonLine(r));
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                    });
          } catch (UncheckedIOException e) {
            throw e.getCause();
          }
        });
    return rows[0];
  }

  /** The CSV cells of one decision, in {@link #COLUMNS} order (unescaped). */
  static List<String> cells(DecisionRow r) {
    Decision d = r.decision();
    List<String> out = new ArrayList<>(COLUMNS.size());
    out.add(Long.toString(d.id()));
    out.add(d.uid());
    out.add(r.item());
    out.add(r.itemKind().name());
    out.add(r.structure());
    out.add(r.reviewer());
    out.add(r.sessionUid());
    out.add(d.action().kind());
    out.add(candidateId(d.action()).isPresent() ? "" + candidateId(d.action()).getAsLong() : "");
    out.add(r.candidateSource());
    out.add(r.candidateRevision() < 0 ? "" : Integer.toString(r.candidateRevision()));
    out.add(d.action() instanceof DecisionAction.Flag f ? f.reason().name() : "");
    out.add(d.note());
    out.add(text(d.verdictId()));
    out.add(text(d.supersedes()));
    out.add(Long.toString(d.timeSpentMillis()));
    out.add(d.decidedAt().toString());
    return out;
  }

  /** One decision as a JSON object on one line, keys as {@link #COLUMNS}; absent values null. */
  static String jsonLine(DecisionRow r) throws IOException {
    Decision d = r.decision();
    ObjectNode o = JSON.createObjectNode();
    o.put("decision_id", d.id());
    o.put("decision_uid", d.uid());
    o.put("item", r.item());
    o.put("item_kind", r.itemKind().name());
    o.put("structure", r.structure());
    o.put("reviewer", r.reviewer());
    putOrNull(o, "session", r.sessionUid());
    o.put("action", d.action().kind());
    OptionalLong cand = candidateId(d.action());
    if (cand.isPresent()) {
      o.put("candidate_id", cand.getAsLong());
      o.put("candidate_source", r.candidateSource());
      o.put("candidate_revision", r.candidateRevision());
    } else {
      o.putNull("candidate_id");
      o.putNull("candidate_source");
      o.putNull("candidate_revision");
    }
    if (d.action() instanceof DecisionAction.Flag f) {
      o.put("flag_reason", f.reason().name());
    } else {
      o.putNull("flag_reason");
    }
    o.put("note", d.note());
    putOrNull(o, "verdict_id", d.verdictId());
    putOrNull(o, "supersedes_id", d.supersedes());
    o.put("time_spent_ms", d.timeSpentMillis());
    o.put("decided_at", d.decidedAt().toString());
    // Jackson escapes line breaks inside strings, so one decision is one line.
    return JSON.writeValueAsString(o) + "\n";
  }

  static OptionalLong candidateId(DecisionAction a) {
    return switch (a) {
      case DecisionAction.Accept x -> OptionalLong.of(x.candidateId());
      case DecisionAction.Edit x -> OptionalLong.of(x.newCandidateId());
      case DecisionAction.Flag x -> OptionalLong.empty();
      case DecisionAction.Reopen x -> OptionalLong.empty();
    };
  }

  private static String text(OptionalLong v) {
    return v.isPresent() ? Long.toString(v.getAsLong()) : "";
  }

  private static void putOrNull(ObjectNode o, String key, String v) {
    if (v == null || v.isEmpty()) {
      o.putNull(key);
    } else {
      o.put(key, v);
    }
  }

  private static void putOrNull(ObjectNode o, String key, OptionalLong v) {
    if (v.isPresent()) {
      o.put(key, v.getAsLong());
    } else {
      o.putNull(key);
    }
  }
}
