package org.labelcritic.imaging.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.imaging.fuzz.FuzzRun.Seed;
import org.labelcritic.imaging.labels.LabelTable;
import org.labelcritic.imaging.labels.StructureMap;
import org.labelcritic.imaging.nifti.NiftiExtension;
import org.labelcritic.imaging.nifti.NiftiHeader;
import org.labelcritic.imaging.nifti.NiftiHeaderReader;

/**
 * Mutated label tables (JSON, CSV, Caret XML embedded in a NIfTI header) and structure maps, read
 * as an import reads them.
 */
class LabelTableFuzzTest {
  static final String NAME = "fuzz-input";

  @TempDir Path dir;

  private static void assertClean(FuzzRun.Result r) {
    assertThat(r.findings()).as(r.summary()).isEmpty();
    assertThat(r.read()).as("some mutations leave a readable file").isPositive();
    assertThat(r.refused()).as("some mutations break the file").isPositive();
  }

  static List<Seed> jsonSeeds() {
    List<Seed> seeds = new ArrayList<>();
    for (Path p : Corpus.files("labels")) {
      seeds.add(new Seed(p.getFileName().toString(), Corpus.bytes("labels/" + p.getFileName())));
    }
    return seeds;
  }

  static FuzzRun.Target fileTarget(Path file) {
    return (seed, input) -> {
      Files.write(file, input);
      LabelTable t = LabelTable.read(file);
      t.names().forEach((k, v) -> assertThat(v).isNotBlank());
    };
  }

  @Test
  void everyMutatedJsonLabelTableIsReadOrRefusedClearly() throws Exception {
    assertClean(
        new FuzzRun("label-table-json", jsonSeeds(), true, NAME)
            .run(FuzzRun.INPUTS, fileTarget(dir.resolve(NAME + ".json"))));
  }

  @Test
  void everyMutatedCsvLabelTableIsReadOrRefusedClearly() throws Exception {
    List<Seed> seeds =
        List.of(new Seed("label-table.csv", Corpus.bytes("fuzz/seeds/label-table.csv")));
    assertClean(
        new FuzzRun("label-table-csv", seeds, true, NAME)
            .run(FuzzRun.INPUTS, fileTarget(dir.resolve(NAME + ".csv"))));
  }

  @Test
  void everyMutatedCaretXmlLabelTableIsReadOrRefusedClearly() throws Exception {
    NiftiHeaderReader headers = new NiftiHeaderReader();
    NiftiHeader real =
        headers.read(
            Corpus.resource("ct-seg/totalseg-aorta-crop/seg_T716_aorta_true_false_lumen.nii.gz"));
    List<Seed> seeds = new ArrayList<>();
    for (NiftiExtension e : real.extensions()) {
      seeds.add(new Seed("seg_T716-ecode" + e.ecode(), e.data()));
    }
    Path file = dir.resolve(NAME + ".nii.gz");
    FuzzRun.Target target =
        (seed, input) ->
            LabelTable.fromNiftiExtensions(
                withExtension(real, file, new NiftiExtension(30, input)));

    assertClean(
        new FuzzRun("label-table-caret-xml", seeds, true, NAME).run(FuzzRun.INPUTS, target));
  }

  /** The real header with one extension in place of its own, as if read from {@code file}. */
  static NiftiHeader withExtension(NiftiHeader h, Path file, NiftiExtension e) {
    return new NiftiHeader(
        file,
        h.fileSize(),
        h.gzipped(),
        h.gzipSizeMod32(),
        h.version(),
        h.byteOrder(),
        h.headerSize(),
        h.dim(),
        h.pixdim(),
        h.dataType(),
        h.voxOffset(),
        h.sclSlope(),
        h.sclInter(),
        h.intent(),
        h.descrip(),
        h.qformCode(),
        h.sformCode(),
        h.quaternion(),
        h.sform(),
        h.affine(),
        List.of(e));
  }

  @Test
  void everyMutatedStructureMapIsReadOrRefusedClearly() throws Exception {
    Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    Path defaults =
        base.resolveSibling("resources")
            .resolve("src/main/resources")
            .resolve(StructureMap.DEFAULT_RESOURCE.substring(1));
    List<Seed> seeds = List.of(new Seed("structure-map.csv", Files.readAllBytes(defaults)));
    Path file = dir.resolve(NAME + ".csv");
    FuzzRun.Target target =
        (seed, input) -> {
          Files.write(file, input);
          StructureMap m = StructureMap.read(file);
          m.structures().forEach(s -> assertThat(s).isNotBlank());
        };

    assertClean(new FuzzRun("structure-map", seeds, true, NAME).run(FuzzRun.INPUTS, target));
  }
}
