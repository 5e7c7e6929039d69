package org.labelcritic.imaging.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.imaging.fuzz.FuzzRun.Seed;
import org.labelcritic.model.LabelCriticException;

/**
 * Inputs the fuzzer once broke a reader with, kept in {@code fuzz/regressions/<reader>/}: each must
 * now end in a clear error (or a correct read), through the same path the fuzz test used.
 */
class FuzzRegressionTest {
  @TempDir Path dir;

  private Map<String, FuzzRun.Target> targets() throws Exception {
    return Map.of(
        "nifti", NiftiFuzzTest.target(Files.createDirectories(dir.resolve("nifti"))),
        "dicom", DicomFuzzTest.target(Files.createDirectories(dir.resolve("dicom"))),
        "session", SessionFuzzTest.target(Files.createDirectories(dir.resolve("session"))));
  }

  @TestFactory
  Stream<DynamicTest> everyRegressionFileIsReadOrRefusedClearly() throws Exception {
    Map<String, FuzzRun.Target> targets = targets();
    List<DynamicTest> tests = new ArrayList<>();
    for (Path folder : folders()) {
      String reader = folder.getFileName().toString();
      for (Path file : Corpus.files("fuzz/regressions/" + reader)) {
        tests.add(
            DynamicTest.dynamicTest(
                reader + "/" + file.getFileName(),
                () -> {
                  FuzzRun.Target target = targets.get(reader);
                  assertThat(target).as("a target for " + reader).isNotNull();
                  Seed seed = new Seed(file.getFileName().toString(), Files.readAllBytes(file));
                  try {
                    target.read(seed, seed.bytes());
                  } catch (LabelCriticException e) {
                    assertThat(e.getMessage()).contains("fuzz-");
                  }
                }));
      }
    }
    assertThat(tests).isNotEmpty();
    return tests.stream();
  }

  private static List<Path> folders() throws Exception {
    try (Stream<Path> s = Files.list(Corpus.resource("fuzz/regressions"))) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  @Test
  void aHugeFloatVoxOffsetIsAFieldErrorNotAnOverflow() throws Exception {
    byte[] b = Corpus.bytes("fuzz/regressions/nifti/vox-offset-2e25-big-endian.nii");
    FuzzRun.Target nifti = targets().get("nifti");

    assertThatThrownBy(() -> nifti.read(new Seed("x.nii", b), b))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("fuzz-input.nii")
        .hasMessageContaining("vox_offset")
        .hasMessageContaining("beyond the end of any file");
  }

  @Test
  void sessionFilesWithNullsTheFormatForbidsAreRefusedNamingTableRowAndColumn() throws Exception {
    FuzzRun.Target session = targets().get("session");
    for (String name :
        List.of(
            "decision-row-all-null.lcws",
            "decision-uid-null.lcws",
            "session-null-uid-not-null-constraint.lcws")) {
      byte[] b = Corpus.bytes("fuzz/regressions/session/" + name);

      assertThatThrownBy(() -> session.read(new Seed(name, b), b))
          .as(name)
          .isInstanceOf(LabelCriticException.class)
          .hasMessageContaining(SessionFuzzTest.FILE)
          .hasMessageMatching("(?s).*table (decision|session), row \\d+: column \\w+ .*")
          .hasMessageContaining("the session file is damaged");
    }
  }
}
