package org.labelcritic.model.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.Problem;
import org.labelcritic.model.csv.CsvReader;
import org.labelcritic.model.csv.CsvRecord;
import org.labelcritic.model.stats.GoldAnswer;

/**
 * Reads gold items from a CSV file with the header {@code item_id,structure,answer}: {@code
 * item_id} is the item's external id, {@code answer} one of {@code accept:SOURCE} (the right answer
 * is that source's label unchanged), {@code code:CODE} (the right code, however reached) or {@code
 * flag} (the item should be flagged). Bad rows are reported with row, field and cause; the rest is
 * added.
 */
public final class GoldImport {
  /** What an import did. */
  public record Result(int added, int unchanged, List<Problem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }
  }

  private final Store store;

  public GoldImport(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  public Result read(Path csv) throws LabelCriticException {
    Assignments assignments = new Assignments(store);
    List<Problem> problems = new ArrayList<>();
    int added = 0;
    int unchanged = 0;
    try (CsvReader r = CsvReader.open(csv)) {
      CsvRecord header = r.next();
      if (header == null
          || !header.ok()
          || !List.of("item_id", "structure", "answer")
              .equals(header.fields().stream().map(String::strip).toList())) {
        throw LabelCriticException.atRow(
            csv, 1, "header", "must be exactly item_id,structure,answer");
      }
      for (CsvRecord rec = r.next(); rec != null; rec = r.next()) {
        if (!rec.ok()) {
          problems.add(Problem.atRow(csv, rec.row(), "", rec.problem()));
          continue;
        }
        String item = rec.get(0).strip();
        String structure = rec.get(1).strip();
        String answer = rec.get(2).strip();
        Optional<Long> itemId = id("SELECT id FROM item WHERE external_id = ?", item);
        if (itemId.isEmpty()) {
          problems.add(Problem.atRow(csv, rec.row(), "item_id", "no item '" + item + "'"));
          continue;
        }
        Optional<Long> structureId = id("SELECT id FROM structure WHERE name = ?", structure);
        if (structureId.isEmpty()) {
          problems.add(
              Problem.atRow(csv, rec.row(), "structure", "no structure '" + structure + "'"));
          continue;
        }
        GoldAnswer a;
        String lower = answer.toLowerCase(Locale.ROOT);
        if (lower.equals("flag")) {
          a = new GoldAnswer.Flagged();
        } else if (lower.startsWith("code:") && answer.length() > 5) {
          a = new GoldAnswer.Code(answer.substring(5).strip());
        } else if (lower.startsWith("accept:") && answer.length() > 7) {
          String source = answer.substring(7).strip();
          Optional<Long> cand = candidate(itemId.get(), structureId.get(), source);
          if (cand.isEmpty()) {
            problems.add(
                Problem.atRow(
                    csv,
                    rec.row(),
                    "answer",
                    "source '" + source + "' has no label for " + item + "/" + structure));
            continue;
          }
          a = new GoldAnswer.AcceptCandidate(cand.get());
        } else {
          problems.add(
              Problem.atRow(
                  csv,
                  rec.row(),
                  "answer",
                  "'" + answer + "' is not accept:SOURCE, code:CODE or flag"));
          continue;
        }
        try {
          if (assignments.addGold(itemId.get(), structureId.get(), a)) {
            added++;
          } else {
            unchanged++;
          }
        } catch (LabelCriticException e) {
          problems.add(Problem.atRow(csv, rec.row(), "answer", e.getMessage()));
        }
      }
    }
    return new Result(added, unchanged, problems);
  }

  private Optional<Long> id(String sql, String name) throws LabelCriticException {
    return store.call(
        c -> {
          PreparedStatement ps = store.statement(sql);
          ps.setString(1, name);
          return store.optionalLong(ps);
        });
  }

  private Optional<Long> candidate(long item, long structure, String source)
      throws LabelCriticException {
    return store.call(
        c -> {
          PreparedStatement ps =
              store.statement(
                  "SELECT c.id FROM candidate c JOIN source s ON s.id = c.source_id"
                      + " WHERE c.item_id = ? AND c.structure_id = ? AND s.name = ?"
                      + " AND c.revision = 0");
          ps.setLong(1, item);
          ps.setLong(2, structure);
          ps.setString(3, source);
          return store.optionalLong(ps);
        });
  }
}
