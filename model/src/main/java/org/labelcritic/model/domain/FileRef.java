package org.labelcritic.model.domain;

import java.util.Objects;

/**
 * A file the store refers to but does not copy: voxels and pixels stay in their files, the store
 * keeps the path, the size and the SHA-256 so that a changed or missing file is noticed.
 *
 * @param path the path as given at import (absolute, normalised)
 * @param size size in bytes
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 */
public record FileRef(String path, long size, String sha256) {
  public FileRef {
    Objects.requireNonNull(path, "path");
    if (size < 0) {
      throw new IllegalArgumentException("negative size " + size + " for " + path);
    }
  }
}
