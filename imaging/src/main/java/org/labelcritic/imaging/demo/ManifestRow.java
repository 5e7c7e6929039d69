package org.labelcritic.imaging.demo;

import java.util.Locale;
import java.util.stream.Collectors;
import org.labelcritic.imaging.cells.CodeReading;

/**
 * One candidate row of the form-cell manifest: either {@code image} (a cell crop) or {@code box} (a
 * page and the cell's box on it) is set.
 */
record ManifestRow(String itemId, String image, PageBox box, CodeReading candidate) {
  static final String HEADER =
      "item_id,image,page,x,y,w,h,source,code,confidence,digit_confidences";

  String toCsv() {
    String place =
        box == null
            ? image + ",,,,,"
            : ",%s,%d,%d,%d,%d".formatted(box.pagePath(), box.x(), box.y(), box.w(), box.h());
    String digits =
        candidate.digitConfidences().stream()
            .map(ManifestRow::decimal4)
            .collect(Collectors.joining(";"));
    return String.join(
        ",",
        itemId,
        place,
        candidate.source(),
        candidate.code(),
        decimal4(candidate.confidence()),
        digits);
  }

  static String decimal4(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
