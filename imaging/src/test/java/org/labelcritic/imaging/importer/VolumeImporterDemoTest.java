package org.labelcritic.imaging.importer;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.imaging.nifti.NiftiHeaderReader;
import org.labelcritic.model.importing.ImportReport;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.StatusReport;
import org.labelcritic.model.store.Store;

/** The real demo imported end to end, read back from the database. */
class VolumeImporterDemoTest {
  /** Structure to label values in the v2 numbering (as the v2 maps embed it). */
  static final Map<String, String> V2 =
      Map.ofEntries(
          entry("spleen", "1"),
          entry("kidney_right", "2"),
          entry("kidney_left", "3"),
          entry("gallbladder", "4"),
          entry("liver", "5"),
          entry("stomach", "6"),
          entry("pancreas", "7"),
          entry("adrenal_gland_right", "8"),
          entry("adrenal_gland_left", "9"),
          entry("esophagus", "15"),
          entry("small_bowel", "18"),
          entry("duodenum", "19"),
          entry("colon", "20"),
          entry("urinary_bladder", "21"),
          entry("aorta", "52"),
          entry("postcava", "63"),
          entry("portal_vein_and_splenic_vein", "64"));

  /** The same structures in the v1 numbering (label-tables/totalseg_v1_total.json). */
  static final Map<String, String> V1 =
      Map.ofEntries(
          entry("spleen", "1"),
          entry("kidney_right", "2"),
          entry("kidney_left", "3"),
          entry("gallbladder", "4"),
          entry("liver", "5"),
          entry("stomach", "6"),
          entry("aorta", "7"),
          entry("postcava", "8"),
          entry("portal_vein_and_splenic_vein", "9"),
          entry("pancreas", "10"),
          entry("adrenal_gland_right", "11"),
          entry("adrenal_gland_left", "12"),
          entry("esophagus", "42"),
          entry("small_bowel", "55"),
          entry("duodenum", "56"),
          entry("colon", "57"),
          entry("urinary_bladder", "104"));

  static final Map<String, String> BINARY =
      V2.keySet().stream().collect(Collectors.toMap(s -> s, s -> "1"));

  /** case -> source -> structure -> label values, as the demo's README and MANIFEST describe. */
  static final Map<String, Map<String, Map<String, String>>> EXPECTED =
      Map.of(
          "example-ct-sm",
          Map.of(
              "ts-v2-total-1.5mm", V2,
              "ts-v2-fast", BINARY,
              "ts-v2-fast-bodyseg", V2,
              "ts-v2.1-1.5mm-2023-10", V2,
              "ts-v2-roi-liver", Map.of("liver", "5")),
          "example-ct",
          Map.of("ts-v1-fast-3mm", V1, "ts-v1-1.5mm", V1, "ts-v2-fast-forcesplit", V2),
          "aorta-crop",
          Map.of(
              "ts-total", Map.of("aorta", "1"),
              "ts-T264", Map.of("aorta", "1"),
              "ts-T710-renal-arteries", Map.of("aorta", "4"),
              "ts-T716-aorta-lumen", Map.of("aorta", "1,2")));

  @TempDir Path dir;

  @Test
  void importsEveryCaseWithEachSourcesStructuresMatchedByName() throws Exception {
    Path db = dir.resolve("demo.db");
    ImportReport report;
    try (Store store = Store.open(db)) {
      report =
          new VolumeImporter(store, new NiftiHeaderReader())
              .importVolumes(DemoVolumes.request(DemoVolumes.ROOT), Progress.none());
    }

    assertThat(report.problems()).isEmpty();
    assertThat(report.clean()).as(report.summary()).isTrue();
    assertThat(report.get("cases created")).isEqualTo(3);
    assertThat(report.get("candidates inserted")).isEqualTo(124);

    Map<String, Map<String, Map<String, String>>> stored = new TreeMap<>();
    for (StoredRows.CandidateRow c : StoredRows.candidates(db)) {
      stored
          .computeIfAbsent(c.item(), k -> new TreeMap<>())
          .computeIfAbsent(c.source(), k -> new TreeMap<>())
          .put(c.structure(), c.labelValues());
    }
    assertThat(stored).isEqualTo(EXPECTED);
  }

  @Test
  void aortaIsFoundUnderEachModelsOwnNameAndNumber() throws Exception {
    Path db = dir.resolve("demo.db");
    try (Store store = Store.open(db)) {
      new VolumeImporter(store, new NiftiHeaderReader())
          .importVolumes(DemoVolumes.request(DemoVolumes.ROOT), Progress.none());
    }

    Map<String, String> aorta = new TreeMap<>();
    Map<String, String> postcava = new TreeMap<>();
    for (StoredRows.CandidateRow c : StoredRows.candidates(db)) {
      String key = c.item() + "/" + c.source();
      if (c.structure().equals("aorta")) {
        aorta.put(key, c.labelValues());
      } else if (c.structure().equals("postcava")) {
        postcava.put(key, c.labelValues());
      }
    }
    assertThat(aorta)
        .containsEntry("aorta-crop/ts-T716-aorta-lumen", "1,2")
        .containsEntry("aorta-crop/ts-T710-renal-arteries", "4")
        .containsEntry("aorta-crop/ts-T264", "1")
        .containsEntry("example-ct/ts-v1-fast-3mm", "7")
        .containsEntry("example-ct/ts-v1-1.5mm", "7")
        .containsEntry("example-ct/ts-v2-fast-forcesplit", "52")
        .containsEntry("example-ct-sm/ts-v2-total-1.5mm", "52")
        .containsEntry("example-ct-sm/ts-v2.1-1.5mm-2023-10", "52")
        .containsEntry("example-ct-sm/ts-v2-fast", "1");
    assertThat(postcava)
        .containsEntry("example-ct/ts-v1-fast-3mm", "8")
        .containsEntry("example-ct/ts-v1-1.5mm", "8")
        .containsEntry("example-ct/ts-v2-fast-forcesplit", "63")
        .containsEntry("example-ct-sm/ts-v2-total-1.5mm", "63")
        .containsEntry("example-ct-sm/ts-v2-fast", "1");
  }

  @Test
  void everyStoredPathSizeAndDigestAreThoseOfTheFile() throws Exception {
    Path db = dir.resolve("demo.db");
    try (Store store = Store.open(db)) {
      new VolumeImporter(store, new NiftiHeaderReader())
          .importVolumes(DemoVolumes.request(DemoVolumes.ROOT), Progress.none());
    }

    List<StoredRows.CandidateRow> candidates = StoredRows.candidates(db);
    assertThat(candidates).hasSize(124);
    for (StoredRows.CandidateRow c : candidates) {
      Path file = Path.of(c.path());
      Path caseFolder =
          DemoVolumes.ROOT
              .resolve("sources")
              .resolve(c.source())
              .resolve(c.item())
              .toAbsolutePath()
              .normalize();
      assertThat(file).as(c.toString()).isAbsolute().startsWith(caseFolder).isRegularFile();
      assertThat(c.size()).as(c.path()).isEqualTo(Files.size(file));
      assertThat(c.sha256()).as(c.path()).isEqualTo(sha256(file));
      if (c.source().equals("ts-v2-fast")) {
        String stem = c.structure().equals("postcava") ? "inferior_vena_cava" : c.structure();
        assertThat(file).isEqualTo(caseFolder.resolve("segmentations/" + stem + ".nii.gz"));
      }
    }
    for (StoredRows.ItemRow item : StoredRows.items(db)) {
      Path ct =
          DemoVolumes.ROOT
              .resolve("images")
              .resolve(item.externalId())
              .resolve("ct.nii.gz")
              .toAbsolutePath()
              .normalize();
      assertThat(item.path()).isEqualTo(ct.toString());
      assertThat(item.size()).isEqualTo(Files.size(ct));
      assertThat(item.sha256()).isEqualTo(sha256(ct));
    }
  }

  @Test
  void storesEachCtsDimsSpacingAndOrientation() throws Exception {
    Path db = dir.resolve("demo.db");
    try (Store store = Store.open(db)) {
      new VolumeImporter(store, new NiftiHeaderReader())
          .importVolumes(DemoVolumes.request(DemoVolumes.ROOT), Progress.none());
    }

    Map<String, JsonNode> geometry = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    for (StoredRows.ItemRow item : StoredRows.items(db)) {
      geometry.put(item.externalId(), json.readTree(item.geometry()));
    }
    assertThat(geometry).containsOnlyKeys("example-ct-sm", "example-ct", "aorta-crop");
    assertGeometry(geometry.get("example-ct-sm"), "[122,101,30]", 3.0, "RAS");
    assertGeometry(geometry.get("example-ct"), "[122,101,112]", 3.0, "RAS");
    assertGeometry(geometry.get("aorta-crop"), "[120,126,164]", 1.5, "LPS");
    assertThat(geometry.get("aorta-crop").get("affine")).hasSize(16);
    assertThat(geometry.get("aorta-crop").get("affine").get(0).asDouble()).isEqualTo(-1.5);
  }

  @Test
  void importingAgainAddsNothing() throws Exception {
    Path db = dir.resolve("demo.db");
    try (Store store = Store.open(db)) {
      VolumeImporter importer = new VolumeImporter(store, new NiftiHeaderReader());
      importer.importVolumes(DemoVolumes.request(DemoVolumes.ROOT), Progress.none());
      StatusReport before = store.queries().status();
      var rowsBefore = StoredRows.candidates(db);

      ImportReport again =
          importer.importVolumes(DemoVolumes.request(DemoVolumes.ROOT), Progress.none());

      assertThat(again.clean()).as(again.summary()).isTrue();
      assertThat(again.get("candidates inserted")).isZero();
      assertThat(again.get("cases created")).isZero();
      assertThat(again.get("cases already present")).isEqualTo(3);
      assertThat(again.get("candidates already present")).isEqualTo(124);
      assertThat(store.queries().status()).isEqualTo(before);
      assertThat(before.items()).isEqualTo(3);
      assertThat(before.candidates()).isEqualTo(124);
      assertThat(before.structures()).hasSize(17);
      assertThat(StoredRows.candidates(db)).isEqualTo(rowsBefore);
    }
  }

  private static void assertGeometry(JsonNode g, String dims, double spacing, String orientation) {
    assertThat(g.get("dims").toString()).isEqualTo(dims);
    assertThat(g.get("spacing").toString())
        .isEqualTo("[" + spacing + "," + spacing + "," + spacing + "]");
    assertThat(g.get("orientation").asText()).isEqualTo(orientation);
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(in.readAllBytes());
      return HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
