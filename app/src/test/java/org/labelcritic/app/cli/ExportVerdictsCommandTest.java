package org.labelcritic.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.app.cli.CriticFixtures.Run;

class ExportVerdictsCommandTest {
  @TempDir Path dir;

  @Test
  void writesOneRowPerVerdictWithFormulasDefused() throws Exception {
    Path db = CriticFixtures.cells(dir);
    Path codes = CriticFixtures.codeList(dir);
    assertThat(
            CriticFixtures.lcw(
                    dir,
                    "critic",
                    "run",
                    "--db",
                    db.toString(),
                    "--codes",
                    codes.toString(),
                    "--skip-scans")
                .exit())
        .isZero();
    Path out = dir.resolve("export/verdicts.csv");
    Run r =
        CriticFixtures.lcw(
            dir, "export", "verdicts", "--db", db.toString(), "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Exported 20 verdict(s)");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(21);
    assertThat(lines.getFirst())
        .isEqualTo(
            "case,structure,source_a,source_b,outcome,preferred_source,confidence,critic,model_version");
    // A misread cell: reader A ("=reader-a", defused) is preferred over reader B.
    assertThat(lines.get(2))
        .startsWith("cell-01,code,'=reader-a,reader-b,PREFER_A,'=reader-a,0.")
        .contains(",code,logistic-1-");
    // The formula-like, comma- and quote-holding case name is defused and quoted.
    assertThat(lines.get(6))
        .startsWith("\"'+cell,\"\"5\"\"\",code,'=reader-a,reader-b,AGREE,,1.0000,");
    // The single-reader cell has no source B and no preferred source.
    assertThat(lines.get(20)).startsWith("cell-19,code,'=reader-a,,SINGLE,,0.");
    assertThat(Files.list(out.getParent())).containsExactly(out);
  }

  @Test
  void aMissingDatabaseOrAFolderAsOutputFails() throws Exception {
    Path out = dir.resolve("v.csv");
    Run missing =
        CriticFixtures.lcw(
            dir,
            "export",
            "verdicts",
            "--db",
            dir.resolve("no.db").toString(),
            "--out",
            out.toString());
    assertThat(missing.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(missing.err()).contains("no such database");
    assertThat(out).doesNotExist();
    Path db = CriticFixtures.cells(dir);
    Run folder =
        CriticFixtures.lcw(
            dir, "export", "verdicts", "--db", db.toString(), "--out", dir.toString());
    assertThat(folder.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(folder.err()).contains("is a folder");
    Run noOut = CriticFixtures.lcw(dir, "export", "verdicts", "--db", db.toString());
    assertThat(noOut.exit()).isEqualTo(ExitCodes.USAGE);
  }
}
