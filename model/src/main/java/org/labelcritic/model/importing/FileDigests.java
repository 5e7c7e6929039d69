package org.labelcritic.model.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.FileRef;

/** Size and SHA-256 of a file, streamed; what the store keeps instead of the file's content. */
public final class FileDigests {
  private FileDigests() {}

  public static FileRef ref(Path file) throws LabelCriticException {
    if (!Files.isRegularFile(file)) {
      throw LabelCriticException.inFile(
          file, Files.exists(file) ? "is not a regular file" : "file not found");
    }
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      long size = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
        size += n;
      }
      return new FileRef(file.toAbsolutePath().normalize().toString(), size, hex(md.digest()));
    } catch (IOException e) {
      throw LabelCriticException.inFile(file, "cannot read: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * A reference to a folder of files (a DICOM series): its total size, and a SHA-256 over each
   * regular file's name and SHA-256 in name order, so that any changed, added or removed file
   * changes it.
   */
  public static FileRef folderRef(Path folder) throws LabelCriticException {
    if (!Files.isDirectory(folder)) {
      throw LabelCriticException.inFile(folder, "is not a folder");
    }
    java.util.List<Path> files;
    try (java.util.stream.Stream<Path> s = Files.list(folder)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw LabelCriticException.inFile(folder, "cannot list: " + e.getMessage(), e);
    }
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      long size = 0;
      for (Path f : files) {
        FileRef r = ref(f);
        size += r.size();
        md.update(f.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(r.sha256().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      }
      return new FileRef(folder.toAbsolutePath().normalize().toString(), size, hex(md.digest()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
