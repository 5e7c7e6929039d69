package org.labelcritic.imaging.review;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.nifti.NiftiWriter;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.Item;
import org.labelcritic.model.domain.Source;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.domain.Structure;
import org.labelcritic.model.importing.FileDigests;
import org.labelcritic.model.store.Store;

/**
 * Saves a reviewer's edited mask as a new candidate: writes it as a NIfTI label file on the scan's
 * grid, atomically, into a folder beside the database ({@code <db dir>/<db name>.edits/<case>/
 * <structure>-<reviewer>-<n>.nii.gz}, never over an existing file), then registers it with its size
 * and SHA-256 as a candidate whose source is the reviewer, in one transaction.
 */
public final class EditSaver {
  private final Store store;
  private final NiftiWriter writer;

  public EditSaver(Store store, NiftiWriter writer) {
    this.store = Objects.requireNonNull(store, "store");
    this.writer = Objects.requireNonNull(writer, "writer");
  }

  /** The folder that holds the edits of this database. */
  public Path editsFolder() {
    Path db = store.file().toAbsolutePath();
    String name = db.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    return db.resolveSibling(base + ".edits");
  }

  /**
   * Writes and registers {@code mask} for the item and structure; returns the new candidate's id.
   */
  public long save(Item item, Structure structure, String reviewer, BinaryMask mask)
      throws LabelCriticException {
    if (reviewer == null || reviewer.isBlank()) {
      throw new LabelCriticException("an edited mask needs the reviewer's name");
    }
    Path dir = editsFolder().resolve(safeName(item.externalId()));
    Path file;
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw LabelCriticException.inFile(dir, "cannot create the folder: " + e.getMessage(), e);
    }
    String stem = safeName(structure.name()) + "-" + safeName(reviewer.strip()) + "-";
    int n = 1;
    while (Files.exists(file = dir.resolve(stem + n + ".nii.gz"))) {
      n++;
    }
    // Refused before anything is written: a file nobody refers to would be left behind.
    for (Source s : store.sources()) {
      if (s.name().equals(reviewer.strip()) && s.kind() != SourceKind.PERSON) {
        throw new LabelCriticException(
            "the reviewer's name '" + reviewer.strip() + "' is already the name of a model source");
      }
    }
    writer.write(file, mask);
    try {
      FileRef ref = FileDigests.ref(file);
      return store.writer().reviewerCandidate(item.id(), structure.id(), reviewer, ref);
    } catch (LabelCriticException | RuntimeException e) {
      // Not registered: the file goes too, so that the edits folder holds registered edits only.
      try {
        Files.deleteIfExists(file);
      } catch (java.io.IOException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
  }

  /** A file name from a case, structure or reviewer name: no separators, no "." or "..". */
  static String safeName(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.isEmpty() || s.equals(".") || s.equals("..") ? "_" + s : s;
  }
}
