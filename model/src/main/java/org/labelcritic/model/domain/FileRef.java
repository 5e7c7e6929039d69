package org.labelcritic.model.domain;

import java.util.Objects;

/**
 * A file the store refers to but does not copy: voxels and pixels stay in their files, the store
 * keeps the path, the size and the SHA-256 so that a changed or missing file is noticed.
 *
 * @param path the path as given at import (absolute, normalised)
 * @param size size in bytes, -1 when the file could not be read at import
 * @param sha256 lower-case hex SHA-256 of the file's bytes, null when it could not be read
 */
public record FileRef(String path, long size, String sha256) {
  public FileRef {
    Objects.requireNonNull(path, "path");
    if (size < -1) {
      throw new IllegalArgumentException("negative size " + size + " for " + path);
    }
  }

  /** A file that was named but could not be read at import (missing, unreadable). */
  public static FileRef unreadable(String path) {
    return new FileRef(path, -1, null);
  }

  public boolean readable() {
    return size >= 0 && sha256 != null;
  }
}
