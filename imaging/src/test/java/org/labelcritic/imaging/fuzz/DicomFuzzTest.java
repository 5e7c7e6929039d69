package org.labelcritic.imaging.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.imaging.dicom.DicomFileReader;
import org.labelcritic.imaging.dicom.DicomSeriesReader;
import org.labelcritic.imaging.dicom.DicomVolume;
import org.labelcritic.imaging.fuzz.FuzzRun.Seed;
import org.labelcritic.imaging.fuzz.Mutator.Field;

/**
 * Mutated DICOM files in every transfer syntax of the test data (native little and big endian,
 * implicit VR, deflate, RLE, JPEG baseline/extended/lossless, JPEG-LS, JPEG 2000) and the broken
 * ones, read as single files; and mutated slices inside real series folders, read as a series.
 */
class DicomFuzzTest {
  static final String NAME = "fuzz-";

  /** Files above this size would make ten thousand inputs slow without adding a syntax. */
  private static final long MAX_SEED_BYTES = 40_000;

  private static final List<String> SERIES =
      List.of("pydicom_ct2_16x16/17136", "pydicom_ct5n_16x16/2392", "dcmqi_ct_23x38x3/IMG0002.dcm");

  @TempDir Path dir;

  static List<Seed> seeds() throws IOException {
    List<Seed> seeds = new ArrayList<>();
    for (String folder :
        List.of(
            "dicom/pydicom",
            "dicom/pydicom-data",
            "dicom/pylibjpeg-data",
            "dicom/broken",
            "dicom/nibabel",
            "dicom/highdicom")) {
      for (Path p : Corpus.files(folder)) {
        if (p.getFileName().toString().endsWith(".dcm") && Files.size(p) <= MAX_SEED_BYTES) {
          byte[] b = Files.readAllBytes(p);
          seeds.add(new Seed(p.getFileName().toString(), b, elementFields(b)));
        }
      }
    }
    for (String s : SERIES) {
      byte[] b = Corpus.bytes("dicom-series/" + s);
      seeds.add(new Seed("series:" + s, b, elementFields(b)));
    }
    return seeds;
  }

  private static final Set<Integer> GROUPS =
      Set.of(0x0002, 0x0008, 0x0018, 0x0020, 0x0028, 0x7FE0, 0xFFFE, 0x5200);

  /**
   * The length and short value fields of the elements a reader trusts, found by scanning for tags
   * of the meta, geometry, pixel and sequence groups in the three encodings.
   */
  static List<Field> elementFields(byte[] b) {
    List<Field> f = new ArrayList<>();
    for (int i = 0; i + 12 <= b.length; i++) {
      int groupLe = (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
      int groupBe = (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
      boolean vr = Character.isUpperCase(b[i + 4]) && Character.isUpperCase(b[i + 5]);
      String vrText = vr ? new String(new char[] {(char) b[i + 4], (char) b[i + 5]}) : "";
      boolean longVr =
          Set.of("OB", "OW", "OF", "SQ", "UN", "UT", "UC", "UR", "OD", "OL", "OV", "SV", "UV")
              .contains(vrText);
      if (GROUPS.contains(groupLe) || GROUPS.contains(groupBe)) {
        boolean be = !GROUPS.contains(groupLe);
        if (groupLe == 0xFFFE || groupBe == 0xFFFE) {
          f.add(new Field(i + 4, 4, be)); // item length
        } else if (vr && longVr) {
          f.add(new Field(i + 8, 4, be));
        } else if (vr) {
          f.add(new Field(i + 6, 2, be));
          f.add(new Field(i + 8, 2, be)); // US values: rows, columns, bits
        } else if (groupLe == 0x0028 && (b[i + 4] == 2 || b[i + 4] == 4) && b[i + 5] == 0) {
          f.add(new Field(i + 4, 4, false)); // implicit VR length
          f.add(new Field(i + 8, 2, false));
        }
      }
    }
    return f;
  }

  static FuzzRun.Target target(Path dir) throws IOException {
    DicomFileReader files = new DicomFileReader();
    DicomSeriesReader series = new DicomSeriesReader();
    for (String s : SERIES) {
      Path folder = Files.createDirectories(dir.resolve(NAME + s.substring(0, s.indexOf('/'))));
      for (Path p : Corpus.files("dicom-series/" + s.substring(0, s.indexOf('/')))) {
        Files.copy(p, folder.resolve(p.getFileName()));
      }
    }
    return (seed, input) -> {
      if (seed.name().startsWith("series:")) {
        String s = seed.name().substring("series:".length());
        Path folder = dir.resolve(NAME + s.substring(0, s.indexOf('/')));
        Files.write(folder.resolve(s.substring(s.indexOf('/') + 1)), input);
        check(series.load(folder));
        series.header(folder);
      } else {
        Path file = dir.resolve(NAME + "input.dcm");
        Files.write(file, input);
        check(files.read(file));
      }
    };
  }

  private static void check(DicomVolume v) {
    v.volume().value(v.volume().voxels().length() - 1);
  }

  @Test
  void everyMutatedDicomFileIsReadOrRefusedClearly() throws Exception {
    List<Seed> seeds = seeds();
    assertThat(seeds).hasSizeGreaterThan(25);

    FuzzRun.Result r = new FuzzRun("dicom", seeds, false, NAME).run(FuzzRun.INPUTS, target(dir));

    assertThat(r.findings()).as(r.summary()).isEmpty();
    assertThat(r.read()).as("some mutations leave a readable file").isPositive();
    assertThat(r.refused()).as("most mutations break the file").isGreaterThan(r.inputs() / 10);
  }
}
