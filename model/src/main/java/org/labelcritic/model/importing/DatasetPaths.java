package org.labelcritic.model.importing;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Resolves a path written in a manifest against the manifest's folder and refuses one that leaves
 * it: a manifest is untrusted, and {@code ../../etc/passwd} must not become an item.
 */
public final class DatasetPaths {
  private DatasetPaths() {}

  /**
   * The resolved, normalised absolute path.
   *
   * @throws IllegalArgumentException with a user-facing reason when the path is absolute, invalid
   *     or escapes {@code root}
   */
  public static Path resolveInside(Path root, String relative) {
    Path rel;
    try {
      rel = Path.of(relative.replace('\\', '/'));
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("'" + relative + "' is not a valid path");
    }
    if (rel.isAbsolute() || relative.startsWith("/") || relative.matches("^[A-Za-z]:.*")) {
      throw new IllegalArgumentException(
          "'" + relative + "' is absolute; paths must be relative to the manifest's folder");
    }
    Path base = root.toAbsolutePath().normalize();
    Path resolved = base.resolve(rel).normalize();
    if (!resolved.startsWith(base)) {
      throw new IllegalArgumentException(
          "'" + relative + "' leaves the dataset folder " + base + "; refused");
    }
    return resolved;
  }
}
