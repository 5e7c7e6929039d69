package org.labelcritic.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lcw import volumes} on a copy of the bundled demo's CTs and label sources. */
class LcwImportVolumesTest {
  static final String V1_TABLE = "label-tables/totalseg_v1_total.json";

  @TempDir Path dir;
  Path db;
  Path volumes;

  @BeforeEach
  void copyTheDemoVolumes() throws IOException {
    db = dir.resolve("volumes.db");
    volumes = dir.resolve("volumes");
    copyFromClassPath("volumes/", dir);
  }

  @Test
  void theDemoVolumesImportCleanlyAndASecondRunAddsNothing() throws IOException {
    LcwRun first = LcwRun.of(dir, demoImport());

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).isEmpty();
    assertThat(first.outLines().getLast())
        .startsWith("volumes " + volumes.resolve("images") + ": ")
        .contains("3 cases created", " candidates inserted", "0 problems");
    List<String> before = status();
    assertThat(before).contains("Items     3  volume 3");

    LcwRun second = LcwRun.of(dir, demoImport());

    assertThat(second.exitCode()).isZero();
    assertThat(second.outLines().getLast())
        .contains("3 cases already present", "candidates already present", "0 problems")
        .doesNotContain("created", "inserted");
    assertThat(status()).isEqualTo(before);
  }

  @Test
  void aMissingSourceFolderFailsNamingIt() {
    Path nowhere = dir.resolve("no-such-source");

    LcwRun run =
        LcwRun.of(
            dir,
            "import",
            "volumes",
            "--db",
            db.toString(),
            "--images",
            volumes.resolve("images").toString(),
            "--source",
            "ghost=" + nowhere);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .isEqualTo("error: " + nowhere + ": folder of label source 'ghost' not found (--source)");
    assertThat(run.showsAStackTrace()).isFalse();
  }

  @Test
  void aMissingImagesFolderFailsNamingIt() {
    Path nowhere = dir.resolve("no-images");

    LcwRun run =
        LcwRun.of(
            dir,
            "import",
            "volumes",
            "--db",
            db.toString(),
            "--images",
            nowhere.toString(),
            "--source",
            "ts-total=" + source("ts-total"));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.errLines()).singleElement().asString().startsWith("error: " + nowhere + ": ");
  }

  @Test
  void aLabelTableForAnUnknownSourceFailsWithAClearMessage() {
    Path table = volumes.resolve(V1_TABLE);

    LcwRun run =
        LcwRun.of(
            dir,
            "import",
            "volumes",
            "--db",
            db.toString(),
            "--images",
            volumes.resolve("images").toString(),
            "--source",
            "ts-total=" + source("ts-total"),
            "--label-table",
            "ts-v1=" + table);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .isEqualTo("error: --label-table ts-v1=" + table + ": 'ts-v1' is not a --source name");
  }

  @Test
  void aLabelTableThatDoesNotParseFailsNamingTheFile() throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"1\": \"spleen\", ");

    LcwRun run =
        LcwRun.of(
            dir,
            "import",
            "volumes",
            "--db",
            db.toString(),
            "--images",
            volumes.resolve("images").toString(),
            "--source",
            "ts-v1-1.5mm=" + source("ts-v1-1.5mm"),
            "--label-table",
            "ts-v1-1.5mm=" + broken);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.errLines()).singleElement().asString().startsWith("error: " + broken + ": ");
    assertThat(run.showsAStackTrace()).isFalse();
  }

  /** The command line of the demo's README: every source, the v1 table for the v1 maps. */
  private String[] demoImport() throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "import",
                "volumes",
                "--db",
                db.toString(),
                "--images",
                volumes.resolve("images").toString()));
    try (var sources = Files.list(volumes.resolve("sources"))) {
      for (Path s : sources.sorted().toList()) {
        String name = s.getFileName().toString();
        args.addAll(List.of("--source", name + "=" + s));
        if (name.startsWith("ts-v1-")) {
          args.addAll(List.of("--label-table", name + "=" + volumes.resolve(V1_TABLE)));
        }
      }
    }
    return args.toArray(String[]::new);
  }

  private Path source(String name) {
    return volumes.resolve("sources").resolve(name);
  }

  private List<String> status() {
    LcwRun run = LcwRun.of(dir, "status", "--db", db.toString());
    assertThat(run.exitCode()).isZero();
    return run.outLines().stream().filter(l -> !l.startsWith("Database  ")).toList();
  }

  /**
   * Copies the demo files under {@code prefix} (as listed in demo/index.txt on the class path) into
   * {@code target}; works whether the resources are a folder or a jar.
   */
  static void copyFromClassPath(String prefix, Path target) throws IOException {
    ClassLoader loader = LcwImportVolumesTest.class.getClassLoader();
    List<String> names;
    try (InputStream in = Objects.requireNonNull(loader.getResourceAsStream("demo/index.txt"));
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      names = r.lines().map(String::strip).filter(n -> n.startsWith(prefix)).toList();
    }
    assertThat(names).isNotEmpty();
    for (String name : names) {
      Path out = target.resolve(name);
      Files.createDirectories(out.getParent());
      try (InputStream in = Objects.requireNonNull(loader.getResourceAsStream("demo/" + name))) {
        Files.copy(in, out);
      }
    }
  }
}
