package org.labelcritic.imaging.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.importing.FileDigests;

/** The store's file references (size + SHA-256) on real test files. */
class FileDigestsTest {

  @TempDir Path dir;

  @Test
  void matchesThePublishedChecksumOfATestFile() throws Exception {
    FileRef d = FileDigests.ref(CraftedNifti.resource("nifti/standard.nii.gz"));
    assertThat(d.size()).isEqualTo(143);
    assertThat(d.sha256())
        .isEqualTo("f9556106668e78b5a3ef56a0e7bcaa06a9d6a4f9a5aab0cd5548e198095a0bbd");
  }

  @Test
  void streamsFilesLargerThanItsBuffer() throws Exception {
    FileRef d = FileDigests.ref(CraftedNifti.resource("nifti/anatomical.nii"));
    assertThat(d.size()).isEqualTo(68_002);
    assertThat(d.sha256())
        .isEqualTo("1c089f37b6597a38bb4157a1e1b3f7f13f1bc9d4e7a8cfdfaf91d85cd8f66594");
  }

  @Test
  void digestsAnEmptyFile() throws Exception {
    FileRef d = FileDigests.ref(Files.createFile(dir.resolve("empty")));
    assertThat(d.size()).isZero();
    assertThat(d.sha256())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void namesTheFileItCannotRead() {
    Path missing = dir.resolve("missing.nii.gz");
    assertThatThrownBy(() -> FileDigests.ref(missing))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("not found");
  }
}
