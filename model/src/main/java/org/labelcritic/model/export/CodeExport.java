package org.labelcritic.model.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.Source;
import org.labelcritic.model.export.FinalChoices.Fallback;
import org.labelcritic.model.store.ExportQueries;
import org.labelcritic.model.store.ExportQueries.PairHistory;
import org.labelcritic.model.store.Store;

/**
 * The final codes of the form cells as CSV, one row per cell and field: the accepted or edited code
 * of the current decision; for a flagged cell an empty code and the flag reason; for an undecided
 * cell the code of the critic's preferred candidate, else of the most confident candidate. The
 * column {@code code_from} says which ({@link FinalChoice#basis()}).
 */
public final class CodeExport {
  public static final List<String> COLUMNS =
      List.of(
          "item",
          "field",
          "code",
          "code_from",
          "source",
          "flag_reason",
          "decision_id",
          "verdict_id");

  /** What was written: rows in all and per {@code code_from}. */
  public record Summary(long rows, Map<String, Long> byBasis) {
    public Summary {
      byBasis = Map.copyOf(byBasis);
    }
  }

  private final Store store;

  public CodeExport(Store store) {
    this.store = store;
  }

  public Summary write(Path out) throws LabelCriticException {
    Map<Long, String> sources = new HashMap<>();
    for (Source s : store.sources()) {
      sources.put(s.id(), s.name());
    }
    ExportQueries queries = new ExportQueries(store);
    long[] rows = {0};
    Map<String, Long> byBasis = new TreeMap<>();
    AtomicFiles.write(
        out,
        "a CSV file",
        tmp -> {
          try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(CsvCells.line(COLUMNS));
            rows[0] =
                queries.forEachPair(
                    ItemKind.CELL,
                    p -> {
                      FinalChoice choice = FinalChoices.resolve(p, Fallback.HIGHEST_CONFIDENCE);
                      byBasis.merge(choice.basis(), 1L, Long::sum);
                      try {
                        w.write(CsvCells.line(cells(p, choice, sources)));
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                    });
          } catch (UncheckedIOException e) {
            throw e.getCause();
          }
        });
    return new Summary(rows[0], byBasis);
  }

  /** The cells of one row, in {@link #COLUMNS} order (unescaped). */
  static List<String> cells(PairHistory p, FinalChoice choice, Map<Long, String> sources) {
    String code =
        choice
            .chosen()
            .map(c -> c.label() instanceof CandidateLabel.Code k ? k.code() : "")
            .orElse("");
    String source = choice.chosen().map(c -> sources.getOrDefault(c.sourceId(), "")).orElse("");
    String flag = choice instanceof FinalChoice.Flagged f ? f.reason().name() : "";
    String decision =
        switch (choice) {
          case FinalChoice.Accepted a -> Long.toString(a.decision().id());
          case FinalChoice.Edited e -> Long.toString(e.decision().id());
          case FinalChoice.Flagged f -> Long.toString(f.decision().id());
          default -> "";
        };
    String verdict =
        choice instanceof FinalChoice.CriticPreferred c ? Long.toString(c.verdict().id()) : "";
    return List.of(
        p.item().externalId(),
        p.structure().name(),
        code,
        choice.basis(),
        source,
        flag,
        decision,
        verdict);
  }
}
