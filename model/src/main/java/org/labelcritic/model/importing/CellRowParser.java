package org.labelcritic.model.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.labelcritic.model.csv.CsvRecord;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.Item;
import org.labelcritic.model.store.ImportWriter;

/**
 * Checks and converts one manifest row. A row that cannot become a candidate (no item id, no image
 * or page, no source, no code, a malformed line) throws {@link IllegalArgumentException} with a
 * user-facing reason, and {@link #lastField()} names the field. A row whose image is missing or
 * whose box leaves its page still becomes a candidate (the item can be flagged in review) and
 * carries the problem along; so does a row whose code has characters other than letters and digits
 * (kept as read, so the reviewer sees what the model wrote) or whose confidences are not
 * probabilities (dropped: the code critic then treats the reading as unconfident).
 */
final class CellRowParser {
  /** A checked row. {@code imageProblem} is set when the image is unusable but the row is kept. */
  record Row(
      long row,
      String itemId,
      FileRef image,
      Item.Box box,
      String imageField,
      String imageProblem,
      String source,
      CandidateLabel.Code label,
      String digitsText,
      String labelField,
      String labelProblem) {}

  private final Map<String, String> sources = new HashMap<>();
  private final Path root;
  private final CellManifestImporter.Columns col;
  private final ImageCache images;
  private String field;
  private final java.util.Map<String, Path> resolved =
      new java.util.LinkedHashMap<>(512, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Path> eldest) {
          return size() > 1024;
        }
      };

  CellRowParser(Path manifest, Path root, CellManifestImporter.Columns col, ImageCache images) {
    this.root = root;
    this.col = col;
    this.images = images;
  }

  String lastField() {
    return field;
  }

  Row parse(CsvRecord rec) {
    field = null;
    if (!rec.ok()) {
      throw new IllegalArgumentException(rec.problem());
    }
    field = "item_id";
    String itemId = rec.get(col.itemId()).strip();
    if (itemId.isEmpty()) {
      throw new IllegalArgumentException("is empty");
    }
    String image = rec.get(col.image()).strip();
    String page = rec.get(col.page()).strip();
    String[] box = {
      rec.get(col.x()).strip(), rec.get(col.y()).strip(),
      rec.get(col.w()).strip(), rec.get(col.h()).strip()
    };
    boolean anyBox = !(box[0] + box[1] + box[2] + box[3]).isEmpty();
    field = "image";
    if (!image.isEmpty() && !page.isEmpty()) {
      throw new IllegalArgumentException("give either image or page (with x,y,w,h), not both");
    }
    if (image.isEmpty() && page.isEmpty()) {
      throw new IllegalArgumentException("neither image nor page is given");
    }
    Item.Box b = null;
    String imageField = image.isEmpty() ? "page" : "image";
    field = imageField;
    Path path = resolve(image.isEmpty() ? page : image);
    if (!image.isEmpty() && anyBox) {
      field = "x";
      throw new IllegalArgumentException(
          "x,y,w,h apply only to a page; leave them empty when image is given");
    }
    if (!page.isEmpty()) {
      b =
          new Item.Box(
              intField(box[0], "x", 0),
              intField(box[1], "y", 0),
              intField(box[2], "w", 1),
              intField(box[3], "h", 1));
    }
    field = "source";
    // One String per distinct source: the writer looks sources up once per row, and an
    // identical instance (its hash computed once) makes that lookup cheap.
    String source = sources.computeIfAbsent(rec.get(col.source()).strip(), k -> k);
    if (source.isEmpty()) {
      throw new IllegalArgumentException("is empty");
    }
    field = "code";
    String code = rec.get(col.code()).strip();
    if (code.isEmpty()) {
      throw new IllegalArgumentException("is empty");
    }
    String labelField = null;
    String labelProblem = null;
    for (int i = 0; i < code.length(); i++) {
      // The same rule as the review's CodeValidator: ASCII letters and digits.
      if (!Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) > 127) {
        labelField = "code";
        labelProblem =
            "'"
                + code
                + "' contains '"
                + code.charAt(i)
                + "'; codes are letters and digits only (kept as read, to be corrected in review)";
        break;
      }
    }
    field = "confidence";
    String confText = rec.get(col.confidence()).strip();
    double conf = Double.NaN;
    try {
      conf = confText.isEmpty() ? Double.NaN : probability(confText);
    } catch (IllegalArgumentException e) {
      if (labelProblem == null) {
        labelField = "confidence";
        labelProblem = e.getMessage() + " (the confidence is left out; the cell goes to review)";
      }
    }
    field = CellManifestImporter.DIGITS;
    List<Double> digits = new ArrayList<>(code.length());
    String digitsText = col.digits() < 0 ? "" : rec.get(col.digits()).strip();
    if (!digitsText.isEmpty()) {
      try {
        String[] parts = digitsText.split(";", -1);
        if (parts.length != code.length()) {
          throw new IllegalArgumentException(
              "has "
                  + parts.length
                  + " values for the "
                  + code.length()
                  + " characters of '"
                  + code
                  + "'");
        }
        for (String p : parts) {
          digits.add(probability(p.strip()));
        }
      } catch (IllegalArgumentException e) {
        digits.clear();
        if (labelProblem == null) {
          labelField = CellManifestImporter.DIGITS;
          labelProblem =
              e.getMessage() + " (the per-digit confidences are left out; the cell goes to review)";
        }
      }
    }
    field = imageField;
    ImageCache.Info info = images.get(path, b != null);
    String problem = info.problem();
    if (problem == null && b != null && info.size() != null) {
      ImageProbe.Size s = info.size();
      if (b.x() + b.w() > s.width() || b.y() + b.h() > s.height()) {
        problem =
            "box "
                + b.x()
                + ","
                + b.y()
                + ","
                + b.w()
                + ","
                + b.h()
                + " lies outside the page ("
                + s.width()
                + "x"
                + s.height()
                + "); the item is imported and can be flagged in review";
      }
    }
    CandidateLabel.Code label = new CandidateLabel.Code(code, conf, digits);
    return new Row(
        rec.row(),
        itemId,
        info.ref(),
        b,
        imageField,
        problem,
        source,
        label,
        // Formatted here, on the reading thread, rather than by the writer.
        ImportWriter.digitsText(label),
        labelField,
        labelProblem);
  }

  /**
   * Resolves a manifest path, remembering the last few hundred: census manifests name the same page
   * on thousands of rows, and path normalisation is a visible share of the import time.
   */
  private Path resolve(String relative) {
    Path p = resolved.get(relative);
    if (p == null) {
      p = DatasetPaths.resolveInside(root, relative);
      resolved.put(relative, p);
    }
    return p;
  }

  private int intField(String text, String name, int min) {
    field = name;
    if (text.isEmpty()) {
      throw new IllegalArgumentException("is empty; a page needs the box x,y,w,h");
    }
    int v;
    try {
      v = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a whole number");
    }
    if (v < min) {
      throw new IllegalArgumentException("is " + v + "; it must be at least " + min);
    }
    return v;
  }

  private static double probability(String text) {
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a number");
    }
    if (!Double.isFinite(v) || v < 0 || v > 1) {
      throw new IllegalArgumentException("'" + text + "' is not a confidence in 0..1");
    }
    return v;
  }
}
