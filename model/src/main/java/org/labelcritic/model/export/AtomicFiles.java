package org.labelcritic.model.export;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.labelcritic.model.LabelCriticException;

/**
 * Writes a file completely or not at all: the content goes to a temporary {@code .part} file beside
 * the target, which is moved into place only when it is complete, so a reader never sees half a
 * file and a failed export leaves the previous file as it was.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes the content into the temporary file it is given. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path tmp) throws IOException, LabelCriticException;
  }

  /**
   * Writes {@code target} through {@code content}.
   *
   * @param what what the target is, for the message when it is a folder ("a CSV file")
   * @throws LabelCriticException naming the target when it is a folder or cannot be written; the
   *     temporary file is removed
   */
  public static void write(Path target, String what, Content content) throws LabelCriticException {
    Path t = target.toAbsolutePath().normalize();
    if (Files.isDirectory(t)) {
      throw LabelCriticException.inFile(target, "is a folder; give the path of " + what);
    }
    Path tmp;
    try {
      Files.createDirectories(t.getParent());
      tmp = Files.createTempFile(t.getParent(), "." + t.getFileName(), ".part");
    } catch (IOException e) {
      throw LabelCriticException.inFile(target, "cannot be written: " + e.getMessage(), e);
    }
    try {
      content.writeTo(tmp);
      move(tmp, t);
    } catch (IOException | LabelCriticException | RuntimeException e) {
      deleteQuietly(tmp);
      if (e instanceof LabelCriticException lce) {
        throw lce;
      }
      throw LabelCriticException.inFile(
          target, "cannot be written: " + LabelCriticException.describe(e), e);
    }
  }

  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      // Same folder, so this is rare (some network shares); a plain replace is the best left.
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // A leftover .part file beside the target is harmless and named as such.
    }
  }
}
