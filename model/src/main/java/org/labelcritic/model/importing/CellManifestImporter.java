package org.labelcritic.model.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
  private final Map<String, Long> sourceIds = new HashMap<>();

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
    try (CsvReader csv = CsvReader.open(manifest)) {
      Columns col = Columns.of(manifest, csv.next());
      CellRowParser parser = new CellRowParser(manifest, root, col, new ImageCache(probe));
      // Two threads: this one writes batch after batch while a reader parses and checks the next
      // (about half the work each on a census manifest), handing over whole items only.
      BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(2);
      AtomicBoolean stop = new AtomicBoolean();
      Thread reader =
          Thread.ofPlatform()
              .name("lcw-import-reader")
              .daemon()
              .start(() -> read(csv, parser, manifest, chunks, stop));
      try {
        while (true) {
          Chunk c = next(chunks, reader, manifest);
          if (c.failure() != null) {
            throw c.failure();
          }
          report.addAll(c.found());
          flush(c.items(), structureId, manifest, report);
          if (c.last()) {
            report.count("rows read", c.rowsRead());
            progress.update(c.rowsRead(), c.rowsRead());
            return report;
          }
          progress.update(c.rowsRead(), -1);
          progress.message("Imported " + c.rowsRead() + " rows of " + manifest.getFileName());
          if (progress.isCancelled()) {
            report.markCancelled();
            return report;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        report.markCancelled();
        return report;
      } finally {
        stop.set(true);
        reader.interrupt();
        joinQuietly(reader);
      }
    }
  }

  /**
   * What the reader hands over: whole items with the problems and counts met while parsing them,
   * the rows read so far; the last chunk, or a failure that ends the import.
   */
  private record Chunk(
      List<PendingItem> items,
      ImportReport found,
      long rowsRead,
      boolean last,
      LabelCriticException failure) {}

  /** The reader: parses and checks rows, in batches of whole items, until the file ends. */
  private static void read(
      CsvReader csv,
      CellRowParser parser,
      Path manifest,
      BlockingQueue<Chunk> chunks,
      AtomicBoolean stop) {
    List<PendingItem> batch = new ArrayList<>(ITEMS_PER_TRANSACTION);
    ImportReport found = new ImportReport("");
    PendingItem current = null;
    long rows = 0;
    try {
      CsvRecord rec;
      while ((rec = csv.next()) != null) {
        if (stop.get()) {
          return;
        }
        rows++;
        CellRowParser.Row row;
        try {
          row = parser.parse(rec);
        } catch (IllegalArgumentException bad) {
          found.problem(Problem.atRow(manifest, rec.row(), parser.lastField(), bad.getMessage()));
          found.count("rows skipped");
          continue;
        }
        if (row.imageProblem() != null) {
          found.problem(Problem.atRow(manifest, rec.row(), row.imageField(), row.imageProblem()));
        }
        if (row.labelProblem() != null) {
          found.problem(Problem.atRow(manifest, rec.row(), row.labelField(), row.labelProblem()));
        }
        if (current == null || !current.itemId.equals(row.itemId())) {
          if (current != null) {
            batch.add(current);
          }
          current = new PendingItem(row);
          if (batch.size() >= ITEMS_PER_TRANSACTION) {
            chunks.put(new Chunk(batch, found, rows, false, null));
            batch = new ArrayList<>(ITEMS_PER_TRANSACTION);
            found = new ImportReport("");
          }
        } else if (!current.sameImage(row)) {
          found.problem(
              Problem.atRow(
                  manifest,
                  rec.row(),
                  row.imageField(),
                  "item '"
                      + row.itemId()
                      + "' names a different image or box than its row "
                      + current.firstRow
                      + "; row skipped"));
          found.count("rows skipped");
          continue;
        }
        current.add(row, manifest, found);
      }
      if (current != null) {
        batch.add(current);
      }
      chunks.put(new Chunk(batch, found, rows, true, null));
    } catch (InterruptedException e) {
      // The writer stopped (cancelled or failed) and no longer takes chunks.
    } catch (LabelCriticException e) {
      handOver(chunks, new Chunk(List.of(), found, rows, true, e));
    } catch (RuntimeException | Error e) {
      handOver(
          chunks,
          new Chunk(
              List.of(),
              found,
              rows,
              true,
              LabelCriticException.inFile(
                  manifest, "cannot be read: " + LabelCriticException.describe(e), e)));
    }
  }

  /**
   * The reader's next chunk. Should the reader end without handing one over (it always does, so
   * this guards against a thread that died some other way), the import fails instead of waiting.
   */
  private static Chunk next(BlockingQueue<Chunk> chunks, Thread reader, Path manifest)
      throws InterruptedException, LabelCriticException {
    while (true) {
      Chunk c = chunks.poll(200, TimeUnit.MILLISECONDS);
      if (c != null) {
        return c;
      }
      if (!reader.isAlive()) {
        c = chunks.poll();
        if (c != null) {
          return c;
        }
        throw LabelCriticException.inFile(
            manifest, "could not be read to the end: the reading thread stopped");
      }
    }
  }

  private static void handOver(BlockingQueue<Chunk> chunks, Chunk c) {
    try {
      chunks.put(c);
    } catch (InterruptedException e) {
      // The writer has stopped: nobody is left to tell.
    }
  }

  private static void joinQuietly(Thread t) {
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
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
        .inBulkTransaction(
            w -> {
              // Counted here and added to the report once per batch (a per-row count in the
              // report's map showed in the import's profile).
              long created = 0;
              long present = 0;
              long inserted = 0;
              long unchanged = 0;
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
                if (item.created()) {
                  created++;
                } else {
                  present++;
                }
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
                          item.id(),
                          structureId,
                          sourceIds.get(r.source()),
                          r.label(),
                          r.digitsText()));
                  candRows.add(r);
                }
              }
              List<CandidateResult> results = w.candidates(cands);
              for (int i = 0; i < results.size(); i++) {
                CellRowParser.Row r = candRows.get(i);
                switch (results.get(i)) {
                  case INSERTED -> inserted++;
                  case UNCHANGED -> unchanged++;
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
              countIfAny(report, "items created", created);
              countIfAny(report, "items already present", present);
              countIfAny(report, "candidates inserted", inserted);
              countIfAny(report, "candidates already present", unchanged);
              return null;
            });
    batch.clear();
  }

  private static void countIfAny(ImportReport report, String key, long n) {
    if (n > 0) {
      report.count(key, n);
    }
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
