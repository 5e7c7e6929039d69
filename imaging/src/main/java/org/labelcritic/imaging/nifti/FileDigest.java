package org.labelcritic.imaging.nifti;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.labelcritic.model.LabelCriticException;

/**
 * Size and SHA-256 of a file, computed in one streaming pass. The importer stores both with every
 * imported file so that a changed or swapped file is noticed when a dataset is reopened.
 *
 * @param size bytes
 * @param sha256 lower-case hex, 64 characters
 */
public record FileDigest(long size, String sha256) {

  private static final int BUFFER = 64 * 1024;

  public static FileDigest of(Path file) throws LabelCriticException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException(e);
    }
    byte[] buf = new byte[BUFFER];
    long size = 0;
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        sha.update(buf, 0, n);
        size += n;
      }
    } catch (IOException e) {
      throw LabelCriticException.inFile(
          file, "cannot read the file to compute its SHA-256: " + e, e);
    }
    return new FileDigest(size, HexFormat.of().formatHex(sha.digest()));
  }
}
