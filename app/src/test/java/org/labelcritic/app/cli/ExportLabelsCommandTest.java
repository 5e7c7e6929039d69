package org.labelcritic.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.LabelSet;
import org.labelcritic.imaging.mask.MaskReader;
import org.labelcritic.imaging.nifti.NiftiHeader;
import org.labelcritic.imaging.nifti.NiftiHeaderReader;
import org.labelcritic.imaging.nifti.NiftiReader;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.Source;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.QueueRow;
import org.labelcritic.model.store.Store;

/**
 * {@code lcw export labels} on the bundled demo's small CT with two sources: liver accepted from
 * the multi-label map of "ts-v2-total-1.5mm", spleen accepted from the binary file of "ts-v2-fast",
 * pancreas flagged, everything else undecided (two candidates, no verdict).
 */
class ExportLabelsCommandTest {
  static final String CASE = "example-ct-sm";
  static final String TOTAL = "ts-v2-total-1.5mm";
  static final String FAST = "ts-v2-fast";

  @TempDir Path dir;
  Path db;
  Path volumes;
  Path out;

  @BeforeEach
  void importAndDecide() throws Exception {
    LcwImportVolumesTest.copyFromClassPath("volumes/", dir);
    volumes = dir.resolve("volumes");
    db = dir.resolve("v.db");
    out = dir.resolve("labels");
    LcwRun imported =
        LcwRun.of(
            dir,
            "import",
            "volumes",
            "--db",
            db.toString(),
            "--images",
            volumes.resolve("images").toString(),
            "--source",
            TOTAL + "=" + volumes.resolve("sources").resolve(TOTAL),
            "--source",
            FAST + "=" + volumes.resolve("sources").resolve(FAST));
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    try (Store store = Store.open(db)) {
      long ann = store.reviews().reviewer("ann").id();
      accept(store, ann, "liver", TOTAL);
      accept(store, ann, "spleen", FAST);
      QueueRow pancreas = row(store, "pancreas");
      store
          .reviews()
          .record(
              NewDecision.of(
                  pancreas.itemId(),
                  pancreas.structureId(),
                  ann,
                  new DecisionAction.Flag(FlagReason.UNCERTAIN)));
    }
  }

  @Test
  void theChosenCandidatesAreWrittenOnTheCtGridWithTheirProvenance() throws Exception {
    LcwRun r = LcwRun.of(dir, "export", "labels", "--db", db.toString(), "--out", out.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.outLines().getLast())
        .startsWith("Exported 2 label(s) of 1 case(s) to " + out + " (1 flagged, ")
        .endsWith(" undecided, 0 skipped)");
    Path seg = out.resolve(CASE).resolve("segmentations");
    try (var files = Files.list(seg)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("liver.nii.gz", "spleen.nii.gz");
    }
    Path ct = volumes.resolve("images").resolve(CASE).resolve("ct.nii.gz");
    NiftiHeader ctHeader = new NiftiHeaderReader().read(ct);
    Geometry grid = ctHeader.geometry();
    NiftiHeader liverHeader = new NiftiHeaderReader().read(seg.resolve("liver.nii.gz"));
    assertThat(liverHeader.dim()).isEqualTo(ctHeader.dim());
    assertThat(liverHeader.affine().maxAbsDifference(ctHeader.affine())).isLessThan(1e-4);
    assertThat(liverHeader.dataType().label()).isEqualTo("uint8");

    MaskReader masks = new MaskReader(new NiftiReader());
    CandidateLabel.Mask chosenLiver = chosen("liver", TOTAL);
    BinaryMask expected =
        masks
            .read(
                Path.of(chosenLiver.file().path()),
                List.of(new LabelSet("liver", chosenLiver.labelValues())))
            .get("liver")
            .onto(grid);
    assertSameVoxels(masks.readBinary(seg.resolve("liver.nii.gz")), expected, grid);
    CandidateLabel.Mask chosenSpleen = chosen("spleen", FAST);
    assertSameVoxels(
        masks.readBinary(seg.resolve("spleen.nii.gz")),
        masks.readBinary(Path.of(chosenSpleen.file().path())).onto(grid),
        grid);

    JsonNode prov =
        new ObjectMapper().readTree(out.resolve(CASE).resolve("provenance.json").toFile());
    JsonNode liver = prov.get("structures").get("liver");
    assertThat(liver.get("status").asText()).isEqualTo("written");
    assertThat(liver.get("basis").asText()).isEqualTo("accepted");
    assertThat(liver.get("candidate").get("source").asText()).isEqualTo(TOTAL);
    assertThat(liver.get("candidate").get("file").asText()).isEqualTo(chosenLiver.file().path());
    assertThat(liver.get("candidate").get("sha256").asText())
        .isEqualTo(chosenLiver.file().sha256());
    assertThat(liver.get("decisions").get(0).get("reviewer").asText()).isEqualTo("ann");
    assertThat(prov.get("structures").get("spleen").get("candidate").get("source").asText())
        .isEqualTo(FAST);
    assertThat(prov.get("structures").get("pancreas").get("status").asText()).isEqualTo("flagged");
    assertThat(prov.get("structures").get("stomach").get("status").asText()).isEqualTo("undecided");
  }

  @Test
  void aChangedMaskFileIsNamedItsStructureSkippedAndTheRestExported() throws Exception {
    Path spleenFile = Path.of(chosen("spleen", FAST).file().path());
    Files.write(spleenFile, new byte[] {0}, StandardOpenOption.APPEND);

    LcwRun r = LcwRun.of(dir, "export", "labels", "--db", db.toString(), "--out", out.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
    assertThat(r.errLines())
        .singleElement()
        .asString()
        .startsWith("problem: " + spleenFile + ": the mask file changed since import (")
        .endsWith("; spleen skipped");
    assertThat(r.showsAStackTrace()).isFalse();
    Path seg = out.resolve(CASE).resolve("segmentations");
    assertThat(seg.resolve("liver.nii.gz")).exists();
    assertThat(seg.resolve("spleen.nii.gz")).doesNotExist();
    JsonNode prov =
        new ObjectMapper().readTree(out.resolve(CASE).resolve("provenance.json").toFile());
    assertThat(prov.get("structures").get("spleen").get("status").asText()).isEqualTo("skipped");

    Files.delete(spleenFile);
    LcwRun gone =
        LcwRun.of(dir, "export", "labels", "--db", db.toString(), "--out", out.toString());
    assertThat(gone.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
    assertThat(gone.errLines())
        .containsExactly(
            "problem: "
                + spleenFile
                + ": the mask file is missing (it was imported from here); spleen skipped");
  }

  @Test
  void aFileAsOutputFolderFails() throws Exception {
    Path file = Files.writeString(dir.resolve("f.txt"), "x");
    LcwRun r = LcwRun.of(dir, "export", "labels", "--db", db.toString(), "--out", file.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.errLines())
        .containsExactly("error: " + file + ": is a file; give a folder for the labels");
  }

  private static void assertSameVoxels(BinaryMask actual, BinaryMask expected, Geometry grid) {
    assertThat(actual.count()).isEqualTo(expected.count()).isPositive();
    for (int z = 0; z < grid.nz(); z++) {
      for (int y = 0; y < grid.ny(); y++) {
        for (int x = 0; x < grid.nx(); x++) {
          if (actual.get(x, y, z) != expected.get(x, y, z)) {
            throw new AssertionError("voxel " + x + "," + y + "," + z + " differs");
          }
        }
      }
    }
  }

  private CandidateLabel.Mask chosen(String structure, String source) throws Exception {
    try (Store store = Store.open(db)) {
      return (CandidateLabel.Mask) candidate(store, structure, source).label();
    }
  }

  private static void accept(Store store, long reviewer, String structure, String source)
      throws Exception {
    Candidate c = candidate(store, structure, source);
    store
        .reviews()
        .record(
            NewDecision.of(
                c.itemId(), c.structureId(), reviewer, new DecisionAction.Accept(c.id())));
  }

  private static Candidate candidate(Store store, String structure, String source)
      throws Exception {
    long sourceId =
        store.sources().stream()
            .filter(s -> s.name().equals(source))
            .map(Source::id)
            .findFirst()
            .orElseThrow();
    QueueRow row = row(store, structure);
    return store.queries().candidates(row.itemId(), row.structureId()).stream()
        .filter(c -> c.sourceId() == sourceId)
        .findFirst()
        .orElseThrow();
  }

  private static QueueRow row(Store store, String structure) throws Exception {
    return store.queries().queue(1000).stream()
        .filter(q -> q.itemName().equals(CASE) && q.structure().equals(structure))
        .findFirst()
        .orElseThrow();
  }
}
