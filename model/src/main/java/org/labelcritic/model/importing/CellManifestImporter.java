package org.labelcritic.model.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.Problem;
import org.labelcritic.model.codes.CodeList;
import org.labelcritic.model.csv.CsvReader;
import org.labelcritic.model.csv.CsvRecord;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.Item;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.ImportWriter;
import org.labelcritic.model.store.ImportWriter.CandidateResult;
import org.labelcritic.model.store.ImportWriter.ItemResult;
import org.labelcritic.model.store.Store;

/**
 * Imports a form-cell manifest (DESIGN.md "Inputs"): one row per candidate, header {@code
 * item_id,image,page,x,y,w,h,source,code,confidence,digit_confidences}. A bad row is reported
 * (file, row, field, what) and skipped; the rest imports. Each item is written atomically with its
 * candidates; items are committed in batches so that millions of rows import quickly.
 */
public final class CellManifestImporter {
  /** The structure every cell candidate labels. */
  public static final String CELL_STRUCTURE = "code";

  static final List<String> REQUIRED =
      List.of("item_id", "image", "page", "x", "y", "w", "h", "source", "code", "confidence");
  static final String DIGITS = "digit_confidences";
  private static final int ITEMS_PER_TRANSACTION = 5_000;

  private final Store store;
  private final ImageProbe probe;
  private final CodeList codes;
  private final Map<String, Long> sourceIds = new LinkedHashMap<>();

  /**
   * @param codes the code list, or null when there is none (then no code is counted as unlisted)
   */
  public CellManifestImporter(Store store, ImageProbe probe, CodeList codes) {
    this.store = Objects.requireNonNull(store);
    this.probe = Objects.requireNonNull(probe);
    this.codes = codes;
  }

  /**
   * Imports the manifest. Throws only when the file as a whole cannot be read (missing, no header,
   * a required column missing) or the database fails; row problems go into the report.
   */
  public ImportReport importManifest(Path manifest, Progress progress) throws LabelCriticException {
    ImportReport report = new ImportReport("cells " + manifest);
    long structureId = store.structureId(CELL_STRUCTURE);
    Path root = manifest.toAbsolutePath().getParent();
    ImageCache images = new ImageCache(probe);
    try (CsvReader csv = CsvReader.open(manifest)) {
      Columns col = Columns.of(manifest, csv.next());
      CellRowParser parser = new CellRowParser(manifest, root, col, images);
      List<PendingItem> batch = new ArrayList<>();
      PendingItem current = null;
      CsvRecord rec;
      long rows = 0;
      while ((rec = csv.next()) != null) {
        rows++;
        CellRowParser.Row row;
        try {
          row = parser.parse(rec);
        } catch (IllegalArgumentException bad) {
          report.problem(Problem.atRow(manifest, rec.row(), parser.lastField(), bad.getMessage()));
          report.count("rows skipped");
          continue;
        }
        if (row.imageProblem() != null) {
          report.problem(Problem.atRow(manifest, rec.row(), row.imageField(), row.imageProblem()));
        }
        if (row.labelProblem() != null) {
          report.problem(Problem.atRow(manifest, rec.row(), row.labelField(), row.labelProblem()));
        }
        if (current == null || !current.itemId.equals(row.itemId())) {
          if (current != null) {
            batch.add(current);
          }
          current = new PendingItem(row);
          if (batch.size() >= ITEMS_PER_TRANSACTION) {
            flush(batch, structureId, manifest, report);
            progress.update(rows, -1);
            progress.message("Imported " + rows + " rows of " + manifest.getFileName());
            if (progress.isCancelled()) {
              report.markCancelled();
              return report;
            }
          }
        } else if (!current.sameImage(row)) {
          report.problem(
              Problem.atRow(
                  manifest,
                  rec.row(),
                  row.imageField(),
                  "item '"
                      + row.itemId()
                      + "' names a different image or box than its row "
                      + current.firstRow
                      + "; row skipped"));
          report.count("rows skipped");
          continue;
        }
        current.add(row, manifest, report);
      }
      if (current != null) {
        batch.add(current);
      }
      flush(batch, structureId, manifest, report);
      report.count("rows read", rows);
      progress.update(rows, rows);
    }
    return report;
  }

  private void flush(List<PendingItem> batch, long structureId, Path manifest, ImportReport report)
      throws LabelCriticException {
    if (batch.isEmpty()) {
      return;
    }
    for (PendingItem p : batch) {
      for (CellRowParser.Row r : p.rows) {
        if (!sourceIds.containsKey(r.source())) {
          sourceIds.put(r.source(), store.sourceId(r.source(), SourceKind.MODEL, ""));
        }
      }
    }
    store
        .writer()
        .inTransaction(
            w -> {
              List<ImportWriter.NewItem> items = new ArrayList<>(batch.size());
              for (PendingItem p : batch) {
                items.add(new ImportWriter.NewItem(ItemKind.CELL, p.itemId, p.image, p.box, null));
              }
              List<ItemResult> itemResults = w.items(items);
              List<ImportWriter.NewCandidate> cands = new ArrayList<>(batch.size() * 2);
              List<CellRowParser.Row> candRows = new ArrayList<>(batch.size() * 2);
              for (int i = 0; i < batch.size(); i++) {
                PendingItem p = batch.get(i);
                ItemResult item = itemResults.get(i);
                if (item.existingKind() != ItemKind.CELL) {
                  report.problem(
                      Problem.atRow(
                          manifest,
                          p.firstRow,
                          "item_id",
                          "'" + p.itemId + "' is already a " + item.existingKind() + " item"));
                  report.count("rows skipped", p.rows.size());
                  continue;
                }
                report.count(item.created() ? "items created" : "items already present");
                if (item.imageChanged()) {
                  report.problem(
                      Problem.atRow(
                          manifest,
                          p.firstRow,
                          "image",
                          "the image of item '"
                              + p.itemId
                              + "' changed since it was imported; the stored item is kept"));
                }
                for (CellRowParser.Row r : p.rows) {
                  cands.add(
                      new ImportWriter.NewCandidate(
                          item.id(), structureId, sourceIds.get(r.source()), r.label()));
                  candRows.add(r);
                }
              }
              List<CandidateResult> results = w.candidates(cands);
              for (int i = 0; i < results.size(); i++) {
                CellRowParser.Row r = candRows.get(i);
                switch (results.get(i)) {
                  case INSERTED -> report.count("candidates inserted");
                  case UNCHANGED -> report.count("candidates already present");
                  case CONFLICT -> {
                    report.count("candidates in conflict");
                    report.problem(
                        Problem.atRow(
                            manifest,
                            r.row(),
                            "code",
                            "item '"
                                + r.itemId()
                                + "' already has a different candidate from source '"
                                + r.source()
                                + "'; the stored one is kept"));
                  }
                }
                if (codes != null && !codes.contains(r.label().code())) {
                  report.count("codes not in the code list");
                }
              }
              return null;
            });
    batch.clear();
  }

  /** The rows of one item, checked against each other before anything is written. */
  private static final class PendingItem {
    final String itemId;
    final long firstRow;
    final FileRef image;
    final Item.Box box;
    final List<CellRowParser.Row> rows = new ArrayList<>(2);

    PendingItem(CellRowParser.Row first) {
      this.itemId = first.itemId();
      this.firstRow = first.row();
      this.image = first.image();
      this.box = first.box();
    }

    boolean sameImage(CellRowParser.Row r) {
      return Objects.equals(image.path(), r.image().path()) && Objects.equals(box, r.box());
    }

    void add(CellRowParser.Row r, Path manifest, ImportReport report) {
      for (CellRowParser.Row seen : rows) {
        if (seen.source().equals(r.source())) {
          report.problem(
              Problem.atRow(
                  manifest,
                  r.row(),
                  "source",
                  "item '"
                      + itemId
                      + "' already has a candidate from source '"
                      + r.source()
                      + "' in row "
                      + seen.row()
                      + "; duplicate skipped"));
          report.count("rows skipped");
          return;
        }
      }
      rows.add(r);
    }
  }

  /** Column positions, checked once against the header. */
  record Columns(
      int itemId,
      int image,
      int page,
      int x,
      int y,
      int w,
      int h,
      int source,
      int code,
      int confidence,
      int digits) {
    static Columns of(Path file, CsvRecord header) throws LabelCriticException {
      if (header == null) {
        throw LabelCriticException.inFile(
            file, "is empty; expected the header " + String.join(",", REQUIRED) + "," + DIGITS);
      }
      if (!header.ok()) {
        throw LabelCriticException.atRow(file, header.row(), null, header.problem());
      }
      List<String> h = header.fields().stream().map(s -> s.strip().toLowerCase()).toList();
      List<String> missing = REQUIRED.stream().filter(c -> !h.contains(c)).toList();
      if (!missing.isEmpty()) {
        throw LabelCriticException.atRow(
            file,
            header.row(),
            null,
            "the header lacks the column(s) "
                + String.join(", ", missing)
                + "; expected "
                + String.join(",", REQUIRED)
                + ","
                + DIGITS);
      }
      return new Columns(
          h.indexOf("item_id"),
          h.indexOf("image"),
          h.indexOf("page"),
          h.indexOf("x"),
          h.indexOf("y"),
          h.indexOf("w"),
          h.indexOf("h"),
          h.indexOf("source"),
          h.indexOf("code"),
          h.indexOf("confidence"),
          h.indexOf(DIGITS));
    }
  }
}
