package org.labelcritic.imaging.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.labelcritic.imaging.nifti.NiftiHeaderReader;
import org.labelcritic.imaging.volume.Affine;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Item;

/**
 * The grid of a volume item's CT: from the geometry stored at import (so a DICOM series need not be
 * read again), else from the header of its NIfTI file.
 */
final class CtGrid {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final NiftiHeaderReader headers;

  CtGrid(NiftiHeaderReader headers) {
    this.headers = headers;
  }

  Geometry of(Item item) throws LabelCriticException {
    if (item.geometryJson() != null && !item.geometryJson().isBlank()) {
      Geometry g = parse(item.geometryJson());
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

  /** The grid in the stored JSON (dims, spacing, affine); null when any is missing. */
  static Geometry parse(String json) {
    JsonNode o;
    try {
      o = JSON.readTree(json);
    } catch (IOException e) {
      return null;
    }
    JsonNode dims = o.path("dims");
    JsonNode spacing = o.path("spacing");
    JsonNode affine = o.path("affine");
    if (dims.size() != 3 || spacing.size() != 3 || affine.size() != 16) {
      return null;
    }
    double[] m = new double[16];
    for (int i = 0; i < 16; i++) {
      m[i] = affine.get(i).asDouble();
    }
    return new Geometry(
        dims.get(0).asInt(),
        dims.get(1).asInt(),
        dims.get(2).asInt(),
        spacing.get(0).asDouble(),
        spacing.get(1).asDouble(),
        spacing.get(2).asDouble(),
        new Affine(m));
  }
}
