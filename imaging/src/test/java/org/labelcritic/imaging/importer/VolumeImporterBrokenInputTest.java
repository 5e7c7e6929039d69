package org.labelcritic.imaging.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.imaging.nifti.NiftiHeaderReader;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.Problem;
import org.labelcritic.model.importing.ImportReport;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.Store;

/**
 * Broken input, built from small real demo files copied into a temporary folder: each bad file is
 * reported by name with what is wrong, and everything else still imports.
 */
class VolumeImporterBrokenInputTest {
  static final List<String> CASES = List.of("example-ct-sm", "aorta-crop");
  static final List<String> SOURCES =
      List.of("ts-v2-fast", "ts-v2-roi-liver", "ts-total", "ts-T716-aorta-lumen");

  /** What the fixture imports when nothing is broken: 17 + 1 masks, and 2 aortas. */
  static final int ALL_CANDIDATES = 20;

  @TempDir Path dir;
  Path root;
  Path db;

  @BeforeEach
  void copyDemo() {
    root = DemoVolumes.copy(dir.resolve("demo"), CASES, SOURCES);
    db = dir.resolve("test.db");
  }

  Path masks(String source, String caseName) {
    return root.resolve("sources").resolve(source).resolve(caseName).resolve("segmentations");
  }

  VolumeImportRequest request() throws LabelCriticException {
    return DemoVolumes.request(
        root.resolve("images"), DemoVolumes.sourcesUnder(root, SOURCES), true);
  }

  ImportReport run(VolumeImportRequest request) throws LabelCriticException {
    try (Store store = Store.open(db)) {
      return new VolumeImporter(store, new NiftiHeaderReader())
          .importVolumes(request, Progress.none());
    }
  }

  static Problem onlyProblem(ImportReport report) {
    assertThat(report.problems()).as(report.summary()).hasSize(1);
    return report.problems().getFirst();
  }

  static void assertNames(Problem p, Path file) {
    assertThat(p.file()).isNotNull();
    assertThat(p.file().toAbsolutePath().normalize()).isEqualTo(file.toAbsolutePath().normalize());
    assertThat(p.message()).contains(file.getFileName().toString());
  }

  /**
   * Every candidate of the fixture is stored except those of {@code missing} "source/structure".
   */
  void assertAllStoredExcept(String... missing) throws Exception {
    List<String> stored =
        StoredRows.candidates(db).stream()
            .map(c -> c.item() + "/" + c.source() + "/" + c.structure())
            .toList();
    assertThat(stored).hasSize(ALL_CANDIDATES - missing.length);
    for (String m : missing) {
      assertThat(stored).doesNotContain(m);
    }
    assertThat(stored)
        .contains(
            "aorta-crop/ts-total/aorta",
            "aorta-crop/ts-T716-aorta-lumen/aorta",
            "example-ct-sm/ts-v2-roi-liver/liver");
    assertThat(StoredRows.items(db))
        .extracting(StoredRows.ItemRow::externalId)
        .containsExactly("aorta-crop", "example-ct-sm");
  }

  @Test
  void unbrokenFixtureImportsCleanly() throws Exception {
    ImportReport report = run(request());

    assertThat(report.clean()).as(report.summary()).isTrue();
    assertAllStoredExcept();
  }

  @Test
  void maskWithOtherDimsThanItsCtIsSkippedNamingFileAndDims() throws Exception {
    Path liver = masks("ts-v2-fast", "example-ct-sm").resolve("liver.nii.gz");
    NiftiBytes.of(liver).dim(3, 29).writeGz(liver);

    ImportReport report = run(request());

    Problem p = onlyProblem(report);
    assertNames(p, liver);
    assertThat(p.what()).contains("dims", "122x101x30", "122x101x29");
    assertThat(report.get("label files skipped")).isEqualTo(1);
    assertAllStoredExcept("example-ct-sm/ts-v2-fast/liver");
  }

  @Test
  void maskWithShiftedOriginIsSkippedNamingFileAndAffine() throws Exception {
    Path spleen = masks("ts-v2-fast", "example-ct-sm").resolve("spleen.nii.gz");
    NiftiBytes.of(spleen).shiftOrigin(0, 5f).writeGz(spleen);

    ImportReport report = run(request());

    Problem p = onlyProblem(report);
    assertNames(p, spleen);
    assertThat(p.what()).contains("affine").doesNotContain("dims");
    assertAllStoredExcept("example-ct-sm/ts-v2-fast/spleen");
  }

  @Test
  void multiLabelMapWithoutAnyTableAsksForLabelTable() throws Exception {
    root = DemoVolumes.copy(dir.resolve("v1"), List.of("example-ct"), List.of("ts-v1-fast-3mm"));
    Path map = root.resolve("sources/ts-v1-fast-3mm/example-ct/total.nii.gz");
    VolumeImportRequest noTable =
        DemoVolumes.request(
            root.resolve("images"),
            DemoVolumes.sourcesUnder(root, List.of("ts-v1-fast-3mm")),
            false);

    ImportReport report = run(noTable);

    Problem p = onlyProblem(report);
    assertNames(p, map);
    assertThat(p.what()).contains("--label-table ts-v1-fast-3mm=FILE");
    assertThat(StoredRows.items(db))
        .extracting(StoredRows.ItemRow::externalId)
        .containsExactly("example-ct");
    assertThat(StoredRows.candidates(db)).isEmpty();
  }

  @Test
  void mapWithCorruptEmbeddedLabelTableIsSkippedNamingFile() throws Exception {
    Path map = root.resolve("sources/ts-v2-roi-liver/example-ct-sm/total.nii.gz");
    NiftiBytes.of(map).replace("</LabelTable>", "</LabelTablX>").writeGz(map);

    ImportReport report = run(request());

    Problem p = onlyProblem(report);
    assertNames(p, map);
    assertThat(p.what()).contains("label table", "XML");
    List<String> stored =
        StoredRows.candidates(db).stream().map(c -> c.item() + "/" + c.source()).toList();
    assertThat(stored).hasSize(ALL_CANDIDATES - 1).doesNotContain("example-ct-sm/ts-v2-roi-liver");
  }

  @Test
  void truncatedMaskIsSkippedNamingFile() throws Exception {
    Path stomach = masks("ts-v2-fast", "example-ct-sm").resolve("stomach.nii.gz");
    byte[] whole = Files.readAllBytes(stomach);
    Files.write(stomach, Arrays.copyOf(whole, whole.length / 2));

    ImportReport report = run(request());

    Problem p = onlyProblem(report);
    assertNames(p, stomach);
    assertThat(p.what()).containsAnyOf("truncated", "shorter than declared");
    assertAllStoredExcept("example-ct-sm/ts-v2-fast/stomach");
  }

  @Test
  void fileNamedNiiGzThatIsNoNiftiIsSkippedNamingFile() throws Exception {
    Path colon = masks("ts-v2-fast", "example-ct-sm").resolve("colon.nii.gz");
    Files.writeString(colon, "case,structure\nexample-ct-sm,colon\n", StandardCharsets.UTF_8);

    ImportReport report = run(request());

    Problem p = onlyProblem(report);
    assertNames(p, colon);
    assertThat(p.what()).contains("not a NIfTI file");
    assertAllStoredExcept("example-ct-sm/ts-v2-fast/colon");
  }

  @Test
  void caseFolderWithoutCtIsReportedAndOtherCasesImport() throws Exception {
    Path noCt = Files.createDirectories(root.resolve("images/no-ct-here"));
    Files.writeString(noCt.resolve("notes.txt"), "CT still to be exported");

    ImportReport report = run(request());

    Problem p = onlyProblem(report);
    assertThat(p.file()).isEqualTo(noCt);
    assertThat(p.message()).contains("no-ct-here", "ct.nii.gz");
    assertThat(report.get("cases skipped")).isEqualTo(1);
    assertAllStoredExcept();
  }

  @Test
  void truncatedCtSkipsOnlyItsCase() throws Exception {
    Path ct = root.resolve("images/aorta-crop/ct.nii.gz");
    byte[] whole = Files.readAllBytes(ct);
    Files.write(ct, Arrays.copyOf(whole, whole.length - 1000));

    ImportReport report = run(request());

    Problem p = onlyProblem(report);
    assertNames(p, ct);
    assertThat(StoredRows.items(db))
        .extracting(StoredRows.ItemRow::externalId)
        .containsExactly("example-ct-sm");
    assertThat(StoredRows.candidates(db)).hasSize(18);
  }

  @Test
  void emptyImagesFolderIsAProblemAndImportsNothing() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("no-cases"));

    ImportReport report;
    try (Store store = Store.open(db)) {
      report =
          new VolumeImporter(store, new NiftiHeaderReader())
              .importVolumes(
                  DemoVolumes.request(empty, DemoVolumes.sourcesUnder(root, SOURCES), true),
                  Progress.none());
      assertThat(store.queries().status().items()).isZero();
      assertThat(store.queries().status().candidates()).isZero();
    }

    Problem p = onlyProblem(report);
    assertThat(p.file()).isEqualTo(empty);
    assertThat(p.what()).contains("no case folders");
    assertThat(report.clean()).isFalse();
  }

  @Test
  void missingImagesFolderFailsNamingIt() {
    Path missing = dir.resolve("no-such-images");

    assertThatThrownBy(
            () -> run(DemoVolumes.request(missing, DemoVolumes.sourcesUnder(root, SOURCES), true)))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("not found");
  }

  @Test
  void missingSourceFolderFailsNamingItAndTheSource() throws Exception {
    Map<String, Path> sources = new LinkedHashMap<>(DemoVolumes.sourcesUnder(root, SOURCES));
    Path missing = dir.resolve("no-such-source");
    sources.put("ts-typo", missing);

    assertThatThrownBy(() -> run(DemoVolumes.request(root.resolve("images"), sources, true)))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("ts-typo");
    assertThat(StoredRows.items(db)).isEmpty();
  }

  @Test
  void maskChangedAfterImportIsAConflictAndTheStoredCandidateIsKept() throws Exception {
    run(request());
    Path liver = masks("ts-v2-fast", "example-ct-sm").resolve("liver.nii.gz");
    StoredRows.CandidateRow before = liverOfTsV2Fast();
    Files.copy(
        masks("ts-v2-fast", "example-ct-sm").resolve("spleen.nii.gz"),
        liver,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    ImportReport again = run(request());

    Problem p = onlyProblem(again);
    assertNames(p, liver);
    assertThat(p.what()).contains("differs", "liver", "ts-v2-fast");
    assertThat(again.get("candidates in conflict")).isEqualTo(1);
    assertThat(again.get("candidates already present")).isEqualTo(ALL_CANDIDATES - 1);
    assertThat(liverOfTsV2Fast()).isEqualTo(before);
    assertThat(before.sha256()).isNotEqualTo(VolumeImporterDemoTest.sha256(liver));
  }

  private StoredRows.CandidateRow liverOfTsV2Fast() throws Exception {
    return StoredRows.candidates(db).stream()
        .filter(c -> c.source().equals("ts-v2-fast") && c.structure().equals("liver"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void secondFileGivingTheSameStructureInOneSourceIsSkipped() throws Exception {
    Path segs = masks("ts-v2-fast", "example-ct-sm");
    Path postcava = segs.resolve("postcava.nii.gz");
    Files.copy(segs.resolve("inferior_vena_cava.nii.gz"), postcava);

    ImportReport report = run(request());

    Problem p = onlyProblem(report);
    assertNames(p, postcava);
    assertThat(p.what()).contains("ts-v2-fast", "postcava", "inferior_vena_cava.nii.gz");
    assertThat(
            StoredRows.candidates(db).stream()
                .filter(c -> c.structure().equals("postcava"))
                .map(StoredRows.CandidateRow::path))
        .containsExactly(segs.resolve("inferior_vena_cava.nii.gz").toAbsolutePath().toString());
    assertAllStoredExcept();
  }

  @Test
  void sourceTreeThatIsAlsoTheImagesTreeDoesNotReadTheCtAsALabelMap() throws Exception {
    // AbdomenAtlas keeps <case>/ct.nii.gz beside <case>/segmentations/ in one tree.
    Path atlas = dir.resolve("atlas");
    DemoVolumes.copyTree(root.resolve("images/example-ct-sm"), atlas.resolve("example-ct-sm"));
    DemoVolumes.copyTree(
        masks("ts-v2-fast", "example-ct-sm"), atlas.resolve("example-ct-sm/segmentations"));

    ImportReport report = run(DemoVolumes.request(atlas, Map.of("atlas-gt", atlas), false));

    assertThat(report.problems()).isEmpty();
    assertThat(report.clean()).as(report.summary()).isTrue();
    assertThat(StoredRows.candidates(db)).hasSize(17);
  }
}
