package org.labelcritic.model.session;

/**
 * A reviewer-made candidate (an edit) carried in a session file: a mask with its file's bytes, or a
 * code.
 *
 * @param maskFileName the mask file's name (no folder), null for a code
 * @param maskBytes the mask file's bytes, null for a code
 */
public record PortableCandidate(
    String item,
    String structure,
    CandidateKey key,
    String maskSha256,
    String labelValues,
    String maskFileName,
    byte[] maskBytes,
    String code,
    Double confidence,
    String digitConfidences) {

  public boolean isMask() {
    return maskBytes != null;
  }
}
