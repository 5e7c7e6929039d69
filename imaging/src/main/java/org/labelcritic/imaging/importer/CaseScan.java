package org.labelcritic.imaging.importer;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.labelcritic.model.LabelCriticException;

/** Finds cases and label files in the AbdomenAtlas layout. Listing only; nothing is read. */
final class CaseScan {
  /** Folders of per-structure binary masks, as AbdomenAtlas and TotalSegmentator write them. */
  static final List<String> MASK_FOLDERS = List.of("segmentations", "predictions");

  private CaseScan() {}

  /** Case folders under the images root, sorted by name. */
  static List<Path> caseFolders(Path imagesRoot) throws LabelCriticException {
    if (!Files.isDirectory(imagesRoot)) {
      throw LabelCriticException.inFile(
          imagesRoot, Files.exists(imagesRoot) ? "is not a folder" : "folder not found (--images)");
    }
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(imagesRoot)) {
      for (Path p : ds) {
        if (Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")) {
          out.add(p);
        }
      }
    } catch (IOException e) {
      throw LabelCriticException.inFile(imagesRoot, "cannot list the folder: " + e.getMessage(), e);
    }
    out.sort(null);
    return out;
  }

  private static final List<String> CT_NAMES = List.of("ct.nii.gz", "ct.nii");

  /**
   * The case's CT: {@code ct.nii.gz}, {@code ct.nii}, or a folder {@code ct/} holding a DICOM
   * series (a PACS export imports as it is).
   */
  static Optional<Path> ctOf(Path caseFolder) {
    for (String n : CT_NAMES) {
      Path p = caseFolder.resolve(n);
      if (Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    }
    Path dicom = caseFolder.resolve("ct");
    return Files.isDirectory(dicom) ? Optional.of(dicom) : Optional.empty();
  }

  /** True for a file named as a case's CT ({@code ct.nii.gz}, {@code ct.nii}). */
  static boolean isCt(Path p) {
    return CT_NAMES.contains(p.getFileName().toString().toLowerCase(Locale.ROOT));
  }

  static boolean isNifti(Path p) {
    String n = p.getFileName().toString().toLowerCase();
    return Files.isRegularFile(p) && (n.endsWith(".nii.gz") || n.endsWith(".nii"));
  }

  /** The structure name a mask file stands for: its name without .nii/.nii.gz. */
  static String stem(Path p) {
    String n = p.getFileName().toString();
    String lower = n.toLowerCase();
    if (lower.endsWith(".nii.gz")) {
      return n.substring(0, n.length() - 7);
    }
    return lower.endsWith(".nii") ? n.substring(0, n.length() - 4) : n;
  }

  /** NIfTI files directly in a folder, sorted; empty when the folder does not exist. */
  static List<Path> niftiFiles(Path folder) throws LabelCriticException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
      for (Path p : ds) {
        if (isNifti(p)) {
          out.add(p);
        }
      }
    } catch (IOException e) {
      throw LabelCriticException.inFile(folder, "cannot list the folder: " + e.getMessage(), e);
    }
    out.sort(null);
    return out;
  }
}
