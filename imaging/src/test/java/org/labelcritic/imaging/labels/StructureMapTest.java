package org.labelcritic.imaging.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.labelcritic.imaging.labels.TestFiles.resource;
import static org.labelcritic.imaging.labels.TestFiles.write;

import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.imaging.nifti.NiftiHeaderReader;
import org.labelcritic.model.LabelCriticException;

class StructureMapTest {

  private static final Path NAME = Path.of("test-map.csv");
  private static final String SMALL =
      """
      # aliases of the aorta
      name,structure
      aorta,aorta
      organ_aorta_T264,aorta
      aorta_true_lumen,aorta
      aorta_false_lumen,aorta
      inferior_vena_cava,postcava
      liver,liver
      """;

  @TempDir Path dir;

  private static StructureMap map(String csv) throws LabelCriticException {
    return StructureMap.parse(new StringReader(csv), NAME);
  }

  /** The real default map in the resources module, seen through a class loader as in the app. */
  private static ClassLoader resourcesModule() throws Exception {
    Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    Path root = base.resolveSibling("resources").resolve("src/main/resources");
    return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
  }

  @Test
  void findsStructuresByNameIgnoringCaseAndSurroundingSpace() throws Exception {
    StructureMap m = map(SMALL);

    assertThat(m.structureFor("  Organ_Aorta_t264 ")).hasValue("aorta");
    assertThat(m.structureFor("INFERIOR VENA CAVA")).hasValue("postcava");
    assertThat(m.structureFor("postcava")).as("a structure matches itself").hasValue("postcava");
    assertThat(m.structureFor("rib_left_7")).isEmpty();
    assertThat(m.structures()).containsExactly("aorta", "liver", "postcava");
  }

  @Test
  void unitesTheTwoLumensIntoOneAortaCandidate() throws Exception {
    LabelTable t716 = LabelTable.of(Map.of(1, "aorta_true_lumen", 2, "aorta_false_lumen"));
    Map<String, SortedSet<Integer>> found = map(SMALL).structuresIn(t716);

    assertThat(found).containsOnlyKeys("aorta");
    assertThat(found.get("aorta")).containsExactly(1, 2);
  }

  @Test
  void matchesTheSameOrganAcrossModelVersionsThatNumberItDifferently() throws Exception {
    StructureMap m = map(SMALL);
    LabelTable v1 = LabelTable.read(resource("labels/labels_totalseg_v1_total.json"));
    LabelTable v2 = LabelTable.read(resource("labels/labels_totalseg_v2_total.json"));

    assertThat(m.structuresIn(v1).get("aorta")).containsExactly(7);
    assertThat(m.structuresIn(v2).get("aorta")).containsExactly(52);
    assertThat(m.structuresIn(v1).get("postcava")).containsExactly(8);
    assertThat(m.structuresIn(v2).get("postcava")).containsExactly(63);
  }

  @Test
  void countsTheLabelsItIgnores() throws Exception {
    LabelTable t710 =
        LabelTable.fromNiftiExtensions(
                new NiftiHeaderReader()
                    .read(resource("ct-seg/totalseg-aorta-crop/seg_T710_renal_arteries.nii.gz")))
            .orElseThrow();

    StructureMatch match = map(SMALL).match(t710);

    assertThat(match.structures()).containsOnlyKeys("aorta");
    assertThat(match.structures().get("aorta")).containsExactly(4);
    assertThat(match.unmapped()).containsEntry(1, "celiac_trunk");
    assertThat(match.unmappedCount()).isEqualTo(t710.size() - 1);
  }

  @Test
  void userEntriesWinOverDefaults() throws Exception {
    StructureMap user = map("name,structure\naorta_true_lumen,true_lumen\nvena_cava,postcava\n");
    StructureMap merged = map(SMALL).overlay(user);

    assertThat(merged.structureFor("aorta_true_lumen")).hasValue("true_lumen");
    assertThat(merged.structureFor("aorta_false_lumen")).hasValue("aorta");
    assertThat(merged.structureFor("vena_cava")).hasValue("postcava");
    assertThat(map(SMALL).structureFor("aorta_true_lumen"))
        .as("original unchanged")
        .hasValue("aorta");
  }

  @Test
  void toleratesBomCrlfCommentsAndBlankLinesInAFile() throws Exception {
    Path f =
        write(dir.resolve("m.csv"), "\uFEFF# comment\r\nName,Structure\r\n\r\nIVC , postcava\r\n");
    assertThat(StructureMap.read(f).structureFor("ivc")).hasValue("postcava");
  }

  @Test
  void refusesMissingHeader() {
    assertThatThrownBy(() -> map("# no header\naorta,aorta\n"))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("test-map.csv: row 2")
        .hasMessageContaining("header 'name,structure'");
  }

  @Test
  void refusesRowWithOneColumn() {
    assertThatThrownBy(() -> map("name,structure\nliver,liver\nspleen\n"))
        .hasMessageContaining("test-map.csv: row 3")
        .hasMessageContaining("expected 2 columns");
  }

  @Test
  void refusesEmptyStructureAndEmptyName() {
    assertThatThrownBy(() -> map("name,structure\nliver,liver\nspleen, \n"))
        .hasMessageContaining("row 3, field 'structure'")
        .hasMessageContaining("'spleen' is empty");
    assertThatThrownBy(() -> map("name,structure\n,liver\n"))
        .hasMessageContaining("row 2, field 'name'");
  }

  @Test
  void refusesOneNameMappedToTwoStructures() {
    assertThatThrownBy(() -> map("name,structure\nivc,postcava\nIVC,aorta\n"))
        .hasMessageContaining("row 3")
        .hasMessageContaining("row 2 maps it to 'postcava'");
  }

  @Test
  void refusesEmptyAndNonUtf8Files() {
    assertThatThrownBy(() -> map("")).hasMessageContaining("empty");
    Path latin1 =
        write(
            dir.resolve("l.csv"),
            "name,structure\nf\u00e9mur,femur\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> StructureMap.read(latin1))
        .hasMessageContaining("row 2")
        .hasMessageContaining("not valid UTF-8");
  }

  @Test
  void bundledDefaultsCoverTheAbdominalOrgansAndTheirAliases() throws Exception {
    StructureMap d = StructureMap.defaults(resourcesModule());

    for (String organ :
        new String[] {
          "liver",
          "spleen",
          "kidney_left",
          "kidney_right",
          "pancreas",
          "stomach",
          "gallbladder",
          "aorta",
          "postcava",
          "adrenal_gland_left",
          "adrenal_gland_right",
          "duodenum",
          "colon",
          "small_bowel",
          "urinary_bladder",
          "esophagus",
          "portal_vein_and_splenic_vein"
        }) {
      assertThat(d.structureFor(organ)).as(organ).hasValue(organ);
    }
    assertThat(d.structureFor("gall_bladder")).hasValue("gallbladder");
    assertThat(d.structureFor("organ_aorta_T264")).hasValue("aorta");
    assertThat(d.structureFor("aorta_true_lumen")).hasValue("aorta");
    assertThat(d.structureFor("aorta_false_lumen")).hasValue("aorta");
    assertThat(d.structureFor("inferior_vena_cava")).hasValue("postcava");
    assertThat(d.structureFor("ivc")).hasValue("postcava");
    assertThat(d.structureFor("small_intestine")).hasValue("small_bowel");
    assertThat(d.structureFor("rib_left_7")).isEmpty();
  }

  @Test
  void defaultsSayClearlyWhenTheResourceIsMissing() throws Exception {
    try (URLClassLoader empty = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      assertThatThrownBy(() -> StructureMap.defaults(empty))
          .isInstanceOf(LabelCriticException.class)
          .hasMessageContaining("structure-map.csv")
          .hasMessageContaining("not on the classpath");
    }
  }
}
