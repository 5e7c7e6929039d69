package org.labelcritic.imaging.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.labelcritic.imaging.dicom.DicomSeriesReader;
import org.labelcritic.imaging.nifti.NiftiReader;
import org.labelcritic.imaging.volume.Volume;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.Item;
import org.labelcritic.model.importing.FileDigests;

/**
 * Reads the files an import referred to, checking that they are still the ones imported: the
 * viewer, the critic and the label export all judge what the database says was imported, so a
 * missing or changed file is a problem naming it rather than a silently different picture.
 */
public final class ImportedFiles {
  private ImportedFiles() {}

  /**
   * Reads an item's CT: a DICOM series folder, or a NIfTI file whose size is still the size
   * imported (a scan is too large to hash on every view).
   *
   * @throws LabelCriticException naming the file: missing, changed, or unreadable (a reader's
   *     unexpected failure on a malformed file included)
   */
  public static Volume readScan(Item item, NiftiReader nifti, DicomSeriesReader dicom)
      throws LabelCriticException {
    FileRef ref = item.image();
    if (ref == null) {
      throw new LabelCriticException("case " + item.externalId() + " has no CT image");
    }
    Path path = Path.of(ref.path());
    try {
      if (Files.isDirectory(path)) {
        return dicom.read(path);
      }
      if (!Files.isRegularFile(path)) {
        throw LabelCriticException.inFile(
            path,
            "the CT of case " + item.externalId() + " is missing (it was imported from here)");
      }
      long size = Files.size(path);
      if (ref.readable() && size != ref.size()) {
        throw LabelCriticException.inFile(
            path,
            "the scan file changed since import (" + size + " bytes, was " + ref.size() + ")");
      }
      return nifti.read(path);
    } catch (IOException e) {
      throw LabelCriticException.inFile(path, "cannot be read: " + e.getMessage(), e);
    } catch (RuntimeException | OutOfMemoryError e) {
      throw LabelCriticException.inFile(
          path, "cannot be read: " + LabelCriticException.describe(e), e);
    }
  }

  /**
   * Why a mask file cannot be shown or scored as the one imported, or null: {@link #maskChange},
   * except that a file that could not be read at import (nothing to compare with) is taken as it is
   * now when it is there. The viewer, the critic and the verdict panel use this; the label export,
   * which writes final labels, uses the strict {@link #maskChange}.
   */
  public static String maskProblem(Path file, FileRef stored) {
    if (stored.readable()) {
      return maskChange(file, stored);
    }
    return Files.isRegularFile(file)
        ? null
        : "the mask file is missing (it was imported from here)";
  }

  /**
   * Why a mask file is not the one imported (missing, unreadable, another size or SHA-256, or not
   * checkable because it could not be read at import), or null when it is the same.
   */
  public static String maskChange(Path file, FileRef stored) {
    if (!Files.isRegularFile(file)) {
      return "the mask file is missing (it was imported from here)";
    }
    FileRef now;
    try {
      now = FileDigests.ref(file);
    } catch (LabelCriticException e) {
      return "the mask file cannot be read: " + e.problem().what();
    }
    if (!stored.readable()) {
      return "the mask file could not be read at import, so it cannot be checked";
    }
    if (now.size() != stored.size()) {
      return "the mask file changed since import ("
          + now.size()
          + " bytes, was "
          + stored.size()
          + ")";
    }
    if (!now.sha256().equals(stored.sha256())) {
      return "the mask file changed since import (its SHA-256 differs)";
    }
    return null;
  }
}
