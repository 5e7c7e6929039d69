package org.labelcritic.imaging.dicom;

import java.util.List;
import java.util.Locale;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.imaging.volume.Volume;

/**
 * What {@code lcw inspect} prints for a DICOM file or series.
 *
 * @param kind "DICOM file", "DICOM multi-frame file" or "DICOM series"
 * @param nx columns
 * @param ny rows
 * @param nz slices
 * @param sx column spacing, mm
 * @param sy row spacing, mm
 * @param sz slice spacing, mm
 * @param orientation where the voxel axes point in world space, e.g. "LPS" (RAS+ world)
 * @param datatype the stored type, e.g. "int16"
 * @param min smallest physical value (after rescale, e.g. HU)
 * @param max largest physical value
 * @param transferSyntaxUid e.g. 1.2.840.10008.1.2.4.90
 * @param transferSyntaxName e.g. "JPEG 2000 Lossless Only"
 * @param modality e.g. "CT"
 * @param slices number of slices (equal to nz)
 * @param files number of files read
 */
public record DicomSummary(
    String kind,
    int nx,
    int ny,
    int nz,
    double sx,
    double sy,
    double sz,
    String orientation,
    String datatype,
    double min,
    double max,
    String transferSyntaxUid,
    String transferSyntaxName,
    String modality,
    int slices,
    int files) {

  public static DicomSummary of(DicomVolume read) {
    Volume v = read.volume();
    Geometry g = v.geometry();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int n = v.voxels().length();
    for (int k = 0; k < n; k++) {
      double x = v.value(k);
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    DicomInfo info = read.info();
    String kind =
        info.files() > 1
            ? "DICOM series"
            : info.slices() > 1 ? "DICOM multi-frame file" : "DICOM file";
    String datatype =
        switch (v.voxels()) {
          case Volume.Voxels.Bytes b -> b.unsigned() ? "uint8" : "int8";
          case Volume.Voxels.Shorts s -> s.unsigned() ? "uint16" : "int16";
          case Volume.Voxels.Floats f -> "float32";
        };
    return new DicomSummary(
        kind,
        g.nx(),
        g.ny(),
        g.nz(),
        g.sx(),
        g.sy(),
        g.sz(),
        g.affine().orientation(),
        datatype,
        min,
        max,
        info.transferSyntax().uid(),
        info.transferSyntax().title(),
        info.modality(),
        info.slices(),
        info.files());
  }

  /** One "name: value" line per field, in a fixed order. */
  public List<String> lines() {
    return List.of(
        "kind: " + kind,
        "modality: " + (modality.isEmpty() ? "-" : modality),
        "dims: " + nx + "x" + ny + "x" + nz,
        String.format(Locale.ROOT, "spacing: %.4g x %.4g x %.4g mm", sx, sy, sz),
        "orientation: " + orientation,
        "datatype: " + datatype,
        String.format(Locale.ROOT, "value range: %.6g .. %.6g", min, max),
        "transfer syntax: " + transferSyntaxUid + " (" + transferSyntaxName + ")",
        "slices: " + slices,
        "files: " + files);
  }
}
