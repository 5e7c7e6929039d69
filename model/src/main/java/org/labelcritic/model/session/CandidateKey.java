package org.labelcritic.model.session;

import java.util.Objects;

/**
 * A candidate named portably: its source (by name) and revision; item and structure are given by
 * the holder.
 */
public record CandidateKey(String source, String sourceKind, String sourceVersion, int revision) {
  public CandidateKey {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sourceKind, "sourceKind");
    sourceVersion = sourceVersion == null ? "" : sourceVersion;
  }
}
