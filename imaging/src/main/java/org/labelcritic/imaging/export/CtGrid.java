package org.labelcritic.imaging.export;

import java.nio.file.Files;
import java.nio.file.Path;
import org.labelcritic.imaging.nifti.NiftiHeaderReader;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Item;

/**
 * The grid of a volume item's CT: from the geometry stored at import (so a DICOM series need not be
 * read again), else from the header of its NIfTI file.
 */
final class CtGrid {
  private final NiftiHeaderReader headers;

  CtGrid(NiftiHeaderReader headers) {
    this.headers = headers;
  }

  Geometry of(Item item) throws LabelCriticException {
    if (item.geometryJson() != null && !item.geometryJson().isBlank()) {
      Geometry g = Geometry.fromJson(item.geometryJson());
      if (g != null) {
        return g;
      }
    }
    if (item.image() != null && Files.isRegularFile(Path.of(item.image().path()))) {
      return headers.read(Path.of(item.image().path())).geometry();
    }
    throw new LabelCriticException(
        "case " + item.externalId() + ": the CT's grid is unknown (no geometry stored at import)");
  }
}
