package org.labelcritic.imaging.dicom;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One parsed file: the kept attributes (top level, shared functional groups, per-frame functional
 * groups), the transfer syntax that was actually used, and where the pixels are.
 */
record ParsedDicom(
    Path file,
    TransferSyntax syntax,
    Attributes top,
    Attributes shared,
    List<Attributes> perFrame,
    Optional<PixelData> pixels) {

  /** The first of top level, shared groups, first frame's groups that holds {@code tag}. */
  Attributes find(int tag) {
    if (top.has(tag)) {
      return top;
    }
    if (shared.has(tag)) {
      return shared;
    }
    if (!perFrame.isEmpty() && perFrame.get(0).has(tag)) {
      return perFrame.get(0);
    }
    return top;
  }
}
