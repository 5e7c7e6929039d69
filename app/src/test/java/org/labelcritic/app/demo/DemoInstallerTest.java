package org.labelcritic.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.app.AppDirectories;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.codes.CodeSidecars;
import org.labelcritic.model.importing.ImportReport;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.StatusReport;
import org.labelcritic.model.store.Store;

/** The demo's first start (unpack, build the cells, import) and every later start. */
class DemoInstallerTest {
  /** One installation shared by the tests that only look at it: installing takes seconds. */
  @TempDir static Path installed;

  static AppDirectories dirs;
  static DemoInstaller.Result first;

  @TempDir Path dir;

  @BeforeAll
  static void install() throws LabelCriticException {
    dirs = new AppDirectories(installed);
    first = new DemoInstaller(dirs).ensureInstalled(Progress.none());
  }

  @Test
  void unpacksEveryFileListedInTheIndex() throws IOException {
    List<String> index = indexLines(DemoInstaller.class.getClassLoader());

    assertThat(index).hasSizeGreaterThan(40);
    for (String name : index) {
      Path file = dirs.demoFiles().resolve(name);
      try (InputStream bundled = resource("demo/" + name)) {
        assertThat(file).as(name).isRegularFile();
        assertThat(Files.readAllBytes(file)).as(name).isEqualTo(bundled.readAllBytes());
      }
    }
  }

  @Test
  void buildsTheCellDemoFromTheDigitSheets() throws IOException {
    Path generated = dirs.demoFiles().resolve("cells/generated");

    assertThat(generated.resolve("manifest.csv")).isRegularFile();
    assertThat(generated.resolve("codes.csv")).isRegularFile();
    // One header line, then two competing sources per cell.
    assertThat(Files.readAllLines(generated.resolve("manifest.csv"))).hasSize(1 + 2 * 5000);
    assertThat(generated.resolve("cells/cell-05000.png")).isRegularFile();
    // The code list and training codes lie beside the database, for the review view.
    assertThat(CodeSidecars.codeListFile(dirs.demoDatabase())).isRegularFile();
    assertThat(CodeSidecars.seenCodesFile(dirs.demoDatabase())).isRegularFile();
  }

  @Test
  void importsThreeCasesAndFiveThousandCellsCleanly() throws LabelCriticException {
    assertThat(first.installedNow()).isTrue();
    assertThat(first.database()).isEqualTo(installed.resolve("demo.db")).isRegularFile();
    assertThat(first.reports()).hasSize(2).allMatch(ImportReport::clean);
    assertThat(first.reports().get(0).get("cases created")).isEqualTo(3);
    assertThat(first.reports().get(1).get("items created")).isEqualTo(5000);

    StatusReport status = status(first.database());
    assertThat(status.datasetName()).isEqualTo("LabelCritic demo");
    assertThat(status.itemsByKind()).isEqualTo(Map.of("CELL", 5000L, "VOLUME", 3L));
  }

  @Test
  void aSecondStartReusesTheDatabaseAsItIs() throws LabelCriticException {
    StatusReport before = status(first.database());

    DemoInstaller.Result again = new DemoInstaller(dirs).ensureInstalled(Progress.none());

    assertThat(again.installedNow()).isFalse();
    assertThat(again.reports()).isEmpty();
    assertThat(again.database()).isEqualTo(first.database());
    StatusReport after = status(again.database());
    assertThat(after.itemsByKind()).isEqualTo(before.itemsByKind());
    assertThat(after.candidates()).isEqualTo(before.candidates());
    assertThat(after.datasetUid()).isEqualTo(before.datasetUid());
  }

  @Test
  void aMissingIndexIsAClearErrorAndCreatesNoDatabase() {
    AppDirectories empty = new AppDirectories(dir);
    ClassLoader hiding = hiding(Map.of("demo/index.txt", ""), true);

    assertThatThrownBy(() -> new DemoInstaller(empty, hiding).ensureInstalled(Progress.none()))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("demo files are missing")
        .hasMessageContaining("demo/index.txt");
    assertThat(empty.demoDatabase()).doesNotExist();
  }

  @Test
  void aFileListedInTheIndexButMissingIsNamed() {
    AppDirectories empty = new AppDirectories(dir);
    ClassLoader lying =
        hiding(Map.of("demo/index.txt", "volumes/README.md\nvolumes/not-there.nii.gz\n"), false);

    assertThatThrownBy(() -> new DemoInstaller(empty, lying).ensureInstalled(Progress.none()))
        .isInstanceOf(LabelCriticException.class)
        .hasMessage("demo file listed but missing: demo/volumes/not-there.nii.gz");
    assertThat(empty.demoDatabase()).doesNotExist();
  }

  @Test
  void anIndexNamingAPathOutsideTheDemoFolderIsRefused() {
    AppDirectories empty = new AppDirectories(dir);
    ClassLoader escaping = hiding(Map.of("demo/index.txt", "../escaped.txt\n"), false);

    assertThatThrownBy(() -> new DemoInstaller(empty, escaping).ensureInstalled(Progress.none()))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageStartingWith("demo/index.txt: ");
    assertThat(dir.resolve("escaped.txt")).doesNotExist();
  }

  /**
   * A class loader that answers {@code replaced} resources with the given text (or hides them when
   * {@code hide}) and delegates everything else to the test's own loader.
   */
  private static ClassLoader hiding(Map<String, String> replaced, boolean hide) {
    ClassLoader parent = DemoInstallerTest.class.getClassLoader();
    return new ClassLoader(null) {
      @Override
      public InputStream getResourceAsStream(String name) {
        if (replaced.containsKey(name)) {
          return hide
              ? null
              : new ByteArrayInputStream(replaced.get(name).getBytes(StandardCharsets.UTF_8));
        }
        return parent.getResourceAsStream(name);
      }

      @Override
      public URL getResource(String name) {
        return replaced.containsKey(name) ? null : parent.getResource(name);
      }
    };
  }

  private static List<String> indexLines(ClassLoader loader) throws IOException {
    try (InputStream in = Objects.requireNonNull(loader.getResourceAsStream("demo/index.txt"))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty())
          .toList();
    }
  }

  private static InputStream resource(String name) {
    return Objects.requireNonNull(
        DemoInstallerTest.class.getClassLoader().getResourceAsStream(name), name);
  }

  private static StatusReport status(Path db) throws LabelCriticException {
    try (Store store = Store.open(db)) {
      return store.queries().status();
    }
  }
}
