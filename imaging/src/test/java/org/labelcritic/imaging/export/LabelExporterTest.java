package org.labelcritic.imaging.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.LabelSet;
import org.labelcritic.imaging.mask.MaskReader;
import org.labelcritic.imaging.nifti.NiftiHeader;
import org.labelcritic.imaging.nifti.NiftiHeaderReader;
import org.labelcritic.imaging.nifti.NiftiReader;
import org.labelcritic.imaging.nifti.NiftiWriter;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.domain.VerdictOutcome;
import org.labelcritic.model.importing.FileDigests;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.NewVerdict;
import org.labelcritic.model.store.Store;

/**
 * The small example CT with two sources: "fast" (one binary liver file) and "total" (a multi-label
 * map: liver 5, spleen 1, kidney_right 2). Liver: the critic prefers "total"; spleen: accepted;
 * kidney_right: flagged.
 */
class LabelExporterTest {
  static final String CASE = "/ct-seg/totalseg-example-ct-sm/";
  static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");

  @TempDir Path dir;
  Path ct;
  Path fastLiver;
  Path total;
  Store store;
  long liver;

  @BeforeEach
  void dataset() throws Exception {
    ct = copy("ct.nii.gz");
    fastLiver = copy("segmentations_totalseg_v2_fast/liver.nii.gz");
    total = copy("seg_totalseg_v2_total_1.5mm.nii.gz");
    NiftiHeader h = new NiftiHeaderReader().read(ct);
    store = Store.open(dir.resolve("v.db"));
    long fast = store.sourceId("fast", SourceKind.MODEL, "2");
    long tot = store.sourceId("total", SourceKind.MODEL, "2");
    liver = store.structureId("liver");
    long spleen = store.structureId("spleen");
    long kidney = store.structureId("kidney_right");
    long[] item = {0};
    store
        .writer()
        .inTransaction(
            w -> {
              item[0] =
                  w.item(ItemKind.VOLUME, "case-1", FileDigests.ref(ct), null, json(h.geometry()))
                      .id();
              w.candidate(item[0], liver, fast, mask(fastLiver, 1));
              w.candidate(item[0], liver, tot, mask(total, 5));
              w.candidate(item[0], spleen, tot, mask(total, 1));
              w.candidate(item[0], spleen, fast, mask(fastLiver, 1));
              w.candidate(item[0], kidney, tot, mask(total, 2));
              return null;
            });
    var liverCands = store.queries().candidates(item[0], liver);
    store
        .verdicts()
        .save(
            new NewVerdict(
                item[0],
                liver,
                liverCands.get(0).id(),
                OptionalLong.of(liverCands.get(1).id()),
                VerdictOutcome.PREFER_B,
                0.83,
                "feature",
                "f-1",
                "{}"));
    long ann = store.reviews().reviewer("ann").id();
    long spleenTotal =
        store.queries().candidates(item[0], spleen).stream()
            .filter(c -> c.sourceId() == tot)
            .findFirst()
            .orElseThrow()
            .id();
    store
        .reviews()
        .record(NewDecision.of(item[0], spleen, ann, new DecisionAction.Accept(spleenTotal)));
    store
        .reviews()
        .record(
            NewDecision.of(
                item[0], kidney, ann, new DecisionAction.Flag(FlagReason.WRONG_STRUCTURE)));
  }

  @Test
  void finalLabelsLieOnTheCtGridVoxelForVoxelWithTheirProvenance() throws Exception {
    Path out = dir.resolve("labels");
    Files.createDirectories(out.resolve("case-1/segmentations"));
    Files.writeString(out.resolve("case-1/segmentations/kidney_right.nii.gz"), "stale");

    LabelExportReport r = exporter().run(out, Progress.none());

    assertThat(r.problems()).isEmpty();
    assertThat(r.written()).isEqualTo(2);
    assertThat(r.flagged()).isEqualTo(1);
    assertThat(r.cases()).isEqualTo(1);
    Path seg = out.resolve("case-1/segmentations");
    try (var files = Files.list(seg)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("liver.nii.gz", "spleen.nii.gz");
    }
    Geometry ctGrid = new NiftiHeaderReader().read(ct).geometry();
    NiftiHeader written = new NiftiHeaderReader().read(seg.resolve("liver.nii.gz"));
    assertThat(written.dim()).isEqualTo(new NiftiHeaderReader().read(ct).dim());
    assertThat(written.affine().maxAbsDifference(ctGrid.affine())).isLessThan(1e-4);
    assertThat(written.sformCode()).isPositive();
    assertThat(written.qformCode()).isPositive();
    BinaryMask expected =
        new MaskReader(new NiftiReader())
            .read(total, List.of(LabelSet.of("liver", 5)))
            .get("liver")
            .onto(ctGrid);
    BinaryMask actual = new MaskReader(new NiftiReader()).readBinary(seg.resolve("liver.nii.gz"));
    assertThat(actual.count()).isEqualTo(expected.count()).isPositive();
    for (int z = 0; z < ctGrid.nz(); z++) {
      for (int y = 0; y < ctGrid.ny(); y++) {
        for (int x = 0; x < ctGrid.nx(); x++) {
          if (actual.get(x, y, z) != expected.get(x, y, z)) {
            throw new AssertionError("voxel " + x + "," + y + "," + z + " differs");
          }
        }
      }
    }

    JsonNode prov = new ObjectMapper().readTree(out.resolve("case-1/provenance.json").toFile());
    assertThat(prov.get("case").asText()).isEqualTo("case-1");
    assertThat(prov.get("exported_at").asText()).isEqualTo(NOW.toString());
    assertThat(prov.get("image").get("sha256").asText()).isEqualTo(FileDigests.ref(ct).sha256());
    assertThat(prov.get("image").has("file")).isFalse();
    JsonNode l = prov.get("structures").get("liver");
    assertThat(l.get("status").asText()).isEqualTo("written");
    assertThat(l.get("basis").asText()).isEqualTo("critic");
    assertThat(l.get("file").asText()).isEqualTo("segmentations/liver.nii.gz");
    assertThat(l.get("candidate").get("source").asText()).isEqualTo("total");
    assertThat(l.get("candidate").get("sha256").asText())
        .isEqualTo(FileDigests.ref(total).sha256());
    assertThat(l.get("candidate").get("label_values").get(0).asInt()).isEqualTo(5);
    assertThat(l.get("verdicts").get(0).get("outcome").asText()).isEqualTo("PREFER_B");
    assertThat(l.get("verdicts").get(0).get("source_b").asText()).isEqualTo("total");
    JsonNode s = prov.get("structures").get("spleen");
    assertThat(s.get("basis").asText()).isEqualTo("accepted");
    assertThat(s.get("decisions").get(0).get("reviewer").asText()).isEqualTo("ann");
    JsonNode k = prov.get("structures").get("kidney_right");
    assertThat(k.get("status").asText()).isEqualTo("flagged");
    assertThat(k.get("flag_reason").asText()).isEqualTo("WRONG_STRUCTURE");
    assertThat(k.has("file")).isFalse();
  }

  @Test
  void aChangedOrMissingMaskFileSkipsItsStructuresAndNamesTheFile() throws Exception {
    // The multi-label map now holds other bytes: liver and spleen rest on it.
    Files.copy(fastLiver, total, StandardCopyOption.REPLACE_EXISTING);
    Path out = dir.resolve("labels");

    LabelExportReport r = exporter().run(out, Progress.none());

    assertThat(r.problems()).hasSize(2);
    assertThat(r.problems().getFirst().message())
        .startsWith(total.toString())
        .contains("changed since import", "liver skipped");
    assertThat(r.written()).isZero();
    JsonNode prov = new ObjectMapper().readTree(out.resolve("case-1/provenance.json").toFile());
    assertThat(prov.get("structures").get("liver").get("status").asText()).isEqualTo("skipped");
    assertThat(prov.get("structures").get("liver").get("problem").asText())
        .contains("changed since import");

    Files.delete(total);
    LabelExportReport missing = exporter().run(out, Progress.none());
    assertThat(missing.problems().getFirst().message())
        .isEqualTo(total + ": the mask file is missing (it was imported from here); liver skipped");
  }

  @Test
  void aCancelledExportStopsBeforeTheNextCase() throws Exception {
    Progress cancelled =
        new Progress() {
          @Override
          public void update(long done, long total) {}

          @Override
          public void message(String message) {}

          @Override
          public boolean isCancelled() {
            return true;
          }
        };
    LabelExportReport r = exporter().run(dir.resolve("labels"), cancelled);
    assertThat(r.cancelled()).isTrue();
    assertThat(r.cases()).isZero();
  }

  @Test
  void namesCannotLeaveTheExportFolder() {
    assertThat(LabelExporter.safeName("../x/y")).isEqualTo(".._x_y");
    assertThat(LabelExporter.safeName("..")).isEqualTo("_..");
    assertThat(LabelExporter.safeName("liver")).isEqualTo("liver");
  }

  private LabelExporter exporter() {
    return new LabelExporter(
        store, new NiftiReader(), new NiftiWriter(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @org.junit.jupiter.api.AfterEach
  void close() throws Exception {
    store.close();
  }

  private Path copy(String name) throws Exception {
    Path target = dir.resolve("data").resolve(name);
    Files.createDirectories(target.getParent());
    Files.copy(Path.of(getClass().getResource(CASE + name).toURI()), target);
    return target;
  }

  private static CandidateLabel.Mask mask(Path file, int value)
      throws org.labelcritic.model.LabelCriticException {
    return new CandidateLabel.Mask(FileDigests.ref(file), new TreeSet<>(List.of(value)));
  }

  private static String json(Geometry g) {
    StringBuilder a = new StringBuilder();
    for (double v : g.affine().rowMajor()) {
      a.append(a.isEmpty() ? "" : ",").append(v);
    }
    return "{\"dims\":["
        + g.nx()
        + ","
        + g.ny()
        + ","
        + g.nz()
        + "],\"spacing\":["
        + g.sx()
        + ","
        + g.sy()
        + ","
        + g.sz()
        + "],\"affine\":["
        + a
        + "]}";
  }
}
