package org.labelcritic.imaging.importer;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.labelcritic.imaging.labels.LabelTable;
import org.labelcritic.imaging.labels.StructureMap;

/**
 * What to import.
 *
 * @param images folder with one sub-folder per case holding {@code ct.nii.gz} (or {@code ct.nii})
 * @param sources label source name to its root folder (one tree per source, same case names)
 * @param labelTables label tables given per source; they win over a table embedded in a file
 * @param defaultLabelTable the table for multi-label maps that embed none and have no per-source
 *     table, or null
 * @param structureMap which label names are which structure; only mapped structures are imported
 */
public record VolumeImportRequest(
    Path images,
    Map<String, Path> sources,
    Map<String, LabelTable> labelTables,
    LabelTable defaultLabelTable,
    StructureMap structureMap) {
  public VolumeImportRequest {
    Objects.requireNonNull(images, "images");
    Objects.requireNonNull(structureMap, "structureMap");
    sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    labelTables = Map.copyOf(labelTables);
  }
}
