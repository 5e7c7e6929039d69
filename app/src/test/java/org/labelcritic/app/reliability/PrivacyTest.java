package org.labelcritic.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ij.plugin.DICOM;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.app.AppDirectories;
import org.labelcritic.app.cli.CliContext;
import org.labelcritic.app.cli.Console;
import org.labelcritic.app.cli.LcwCommand;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.QueueRow;
import org.labelcritic.model.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real DICOM test files carry patient names and IDs, birth dates, accession numbers and
 * institutions. Imported with {@code lcw import volumes} (as {@code <case>/ct/} series folders),
 * reviewed and exported, none of those values may appear in the database file (nor its WAL), in an
 * export, or in anything the command line prints.
 *
 * <p>The values are read with ImageJ's DICOM decoder, independent of the project's parser, which by
 * design does not keep these attributes at all (its {@code Tags.KEPT}).
 */
class PrivacyTest {
  private static final Logger LOG = LoggerFactory.getLogger(PrivacyTest.class);

  /** The identifying attributes: patient, accession, institution, the people involved. */
  static final Map<String, String> IDENTIFYING =
      Map.ofEntries(
          Map.entry("0010,0010", "patient's name"),
          Map.entry("0010,0020", "patient ID"),
          Map.entry("0010,0030", "patient's birth date"),
          Map.entry("0010,1000", "other patient IDs"),
          Map.entry("0010,1001", "other patient names"),
          Map.entry("0010,1040", "patient's address"),
          Map.entry("0008,0050", "accession number"),
          Map.entry("0008,0080", "institution name"),
          Map.entry("0008,0081", "institution address"),
          Map.entry("0008,1040", "institutional department"),
          Map.entry("0008,0090", "referring physician"),
          Map.entry("0008,1050", "performing physician"),
          Map.entry("0008,1070", "operator"));

  /** Values too generic to identify anyone (and likely to occur by chance). */
  private static final List<String> NOT_IDENTIFYING = List.of("anonymous", "anonymized", "none");

  @TempDir Path dir;

  static Path imagingResources() {
    Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    return base.resolveSibling("imaging").resolve("src/test/resources");
  }

  /** Value -> where it was found, for every identifying attribute of {@code file}. */
  static Map<String, String> identityIn(Path file) {
    Map<String, String> out = new LinkedHashMap<>();
    String info = new DICOM().getInfo(file.toString());
    if (info == null) {
      return out;
    }
    for (String line : info.split("\n")) {
      if (line.length() > 9 && IDENTIFYING.containsKey(line.substring(0, 9))) {
        int colon = line.indexOf(':');
        String value = colon < 0 ? "" : line.substring(colon + 1).strip();
        if (value.length() >= 4 && !NOT_IDENTIFYING.contains(value.toLowerCase())) {
          out.put(value, file.getFileName() + " " + IDENTIFYING.get(line.substring(0, 9)));
        }
      }
    }
    return out;
  }

  private static List<Path> filesUnder(Path folder) throws IOException {
    try (Stream<Path> s = Files.walk(folder)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private record Run(int code, String out) {}

  /** "what 'value' in file" for every identifying value found in the bytes of {@code files}. */
  private static TreeSet<String> occurrences(List<Path> files, Map<String, String> identity)
      throws IOException {
    TreeSet<String> out = new TreeSet<>();
    for (Path p : files) {
      String bytes = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
      for (Map.Entry<String, String> e : identity.entrySet()) {
        String latin1 =
            new String(e.getKey().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        if (bytes.contains(latin1)) {
          out.add(e.getValue() + " '" + e.getKey() + "' in " + p.getFileName());
        }
      }
    }
    return out;
  }

  private Run lcw(String... args) {
    StringWriter out = new StringWriter();
    PrintWriter w = new PrintWriter(out);
    Console console = new Console(w, w);
    int code =
        LcwCommand.run(new CliContext(console, new AppDirectories(dir.resolve("data"))), args);
    w.flush();
    return new Run(code, out.toString());
  }

  @Test
  void noIdentifyingDicomAttributeReachesTheDatabaseExportsOrOutput() throws Exception {
    Path res = imagingResources();
    Path images = dir.resolve("images");
    Path source = dir.resolve("ts-v2-fast");
    Map<String, String> identity = new LinkedHashMap<>();
    // Every series folder of the test data as a case, and the single files as one-file series.
    List<Path> series = new ArrayList<>();
    try (Stream<Path> s = Files.list(res.resolve("dicom-series"))) {
      series.addAll(s.filter(Files::isDirectory).sorted().toList());
    }
    for (Path folder : series) {
      Path ct = Files.createDirectories(images.resolve(folder.getFileName()).resolve("ct"));
      for (Path f : filesUnder(folder)) {
        Files.copy(f, ct.resolve(f.getFileName()));
        identity.putAll(identityIn(f));
      }
    }
    for (String name :
        List.of(
            "dicom/pydicom/CT_small.dcm",
            "dicom/pydicom/MR_small.dcm",
            "dicom/pydicom-data/emri_small.dcm",
            "dicom/highdicom/dx_image.dcm",
            "dicom/nibabel/decimal_rescale.dcm")) {
      Path f = res.resolve(name);
      String caseName = f.getFileName().toString().replace(".dcm", "");
      Files.copy(
          f, Files.createDirectories(images.resolve(caseName).resolve("ct")).resolve("1.dcm"));
      identity.putAll(identityIn(f));
    }
    Files.createDirectories(source.resolve("totalseg_ct_dicom"));
    Files.copy(
        res.resolve("ct-seg/totalseg-example-dicom/seg_totalseg_v2_total_fast_3mm.nii.gz"),
        source.resolve("totalseg_ct_dicom/total.nii.gz"));
    assertThat(identity)
        .as("the test files carry identifying values, read independently of the project")
        .hasSizeGreaterThanOrEqualTo(8);

    Path db = dir.resolve("review.db");
    StringBuilder printed = new StringBuilder();
    Run imported =
        lcw(
            "import",
            "volumes",
            "--db",
            db.toString(),
            "--images",
            images.toString(),
            "--source",
            "ts-v2-fast=" + source);
    printed.append(imported.out());
    long items;
    try (Store store = Store.open(db)) {
      items = store.queries().status().items();
      assertThat(items)
          .as("the series were imported: " + imported.out())
          .isGreaterThanOrEqualTo(series.size());
      long reviewer = store.reviews().reviewer("ann").id();
      for (QueueRow row : store.queries().queue(5)) {
        long candidate =
            store.queries().candidates(row.itemId(), row.structureId()).getFirst().id();
        store
            .reviews()
            .record(
                NewDecision.of(
                    row.itemId(),
                    row.structureId(),
                    reviewer,
                    new DecisionAction.Accept(candidate)));
      }
    }
    Path exports = Files.createDirectories(dir.resolve("exports"));
    for (String[] args :
        List.of(
            new String[] {
              "export",
              "decisions",
              "--db",
              db.toString(),
              "--out",
              exports.resolve("d.csv").toString()
            },
            new String[] {
              "export",
              "decisions",
              "--db",
              db.toString(),
              "--out",
              exports.resolve("d.jsonl").toString(),
              "--format",
              "jsonl"
            },
            new String[] {
              "export",
              "verdicts",
              "--db",
              db.toString(),
              "--out",
              exports.resolve("v.csv").toString()
            },
            new String[] {
              "export",
              "labels",
              "--db",
              db.toString(),
              "--out",
              exports.resolve("labels").toString()
            },
            new String[] {"status", "--db", db.toString()})) {
      Run r = lcw(args);
      printed.append(r.out());
      assertThat(r.code()).as(String.join(" ", args) + ": " + r.out()).isIn(0, 1);
    }
    // A local inspection may show what it likes; it shows none of these either, because the
    // reader never keeps them.
    for (Path folder : series) {
      printed.append(lcw("inspect", folder.toString()).out());
    }

    List<Path> checked = new ArrayList<>();
    for (String suffix : List.of("", "-wal", "-shm")) {
      Path p = Path.of(db + suffix);
      if (Files.exists(p)) {
        checked.add(p);
      }
    }
    checked.addAll(filesUnder(exports));
    assertThat(checked).hasSizeGreaterThanOrEqualTo(5);
    Path console = Files.writeString(dir.resolve("console.txt"), printed);
    checked.add(console);
    TreeSet<String> leaks = occurrences(checked, identity);
    // The same search finds every value in the files they came from: it can see a leak.
    TreeSet<String> inSources = occurrences(filesUnder(images), identity);
    assertThat(inSources.stream().map(l -> l.substring(0, l.lastIndexOf(" in "))).distinct())
        .hasSize(identity.size());
    LOG.info(
        "{} identifying values from {} cases: none in the database, {} exports or the output ({}"
            + " checked)",
        identity.size(),
        items,
        checked.size() - 2,
        checked.stream().map(Path::getFileName).toList());
    assertThat(leaks).isEmpty();
  }
}
