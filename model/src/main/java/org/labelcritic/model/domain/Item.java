package org.labelcritic.model.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * One unit of review.
 *
 * @param id database id
 * @param kind volume or cell
 * @param externalId the dataset's own id (case name, cell id), unique in the dataset
 * @param image the scan or cell image (or the page the cell is cut from), may be null
 * @param box for a cell cut from a page, the box on the page; null otherwise
 * @param geometryJson for a volume, its header geometry (dims, spacing, affine) as JSON; else null
 */
public record Item(
    long id, ItemKind kind, String externalId, FileRef image, Box box, String geometryJson) {
  public Item {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(externalId, "externalId");
  }

  public Optional<FileRef> imageRef() {
    return Optional.ofNullable(image);
  }

  /** A box on a page image, in pixels. */
  public record Box(int x, int y, int w, int h) {
    public Box {
      if (w <= 0 || h <= 0) {
        throw new IllegalArgumentException("box width and height must be positive: " + w + "x" + h);
      }
    }
  }
}
