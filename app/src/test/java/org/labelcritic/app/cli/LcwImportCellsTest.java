package org.labelcritic.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lcw import cells}: a form-cell manifest, its row problems and the code list. */
class LcwImportCellsTest {
  static final String HEADER =
      "item_id,image,page,x,y,w,h,source,code,confidence,digit_confidences";

  @TempDir Path dir;
  Path db;

  @BeforeEach
  void images() throws IOException {
    db = dir.resolve("cells.db");
    png(dir.resolve("cells/c1.png"), 28, 28);
    png(dir.resolve("cells/c2.png"), 28, 28);
    png(dir.resolve("pages/p1.png"), 100, 60);
  }

  @Test
  void aGoodManifestImportsAndPrintsTheSummary() throws IOException {
    Path manifest =
        write(
            "manifest.csv",
            HEADER,
            "c1,cells/c1.png,,,,,,reader-a,412,0.91,0.9;0.95;0.97",
            "c1,cells/c1.png,,,,,,reader-b,412,0.88,",
            "c2,cells/c2.png,,,,,,reader-a,730,0.55,0.5;0.6;0.9",
            "c3,,pages/p1.png,10,10,40,20,reader-a,101,0.99,");

    LcwRun run = importCells(manifest);

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines().getLast())
        .isEqualTo(
            "cells "
                + manifest
                + ": 4 candidates inserted, 3 items created, 4 rows read, 0 problems");
    assertThat(run.err()).isEmpty();
    assertThat(status()).contains("Items     3  cell 3");
  }

  @Test
  void importingTheSameManifestAgainAddsNothing() throws IOException {
    Path manifest =
        write("manifest.csv", HEADER, "c1,cells/c1.png,,,,,,reader-a,412,0.91,0.9;0.95;0.97");
    assertThat(importCells(manifest).exitCode()).isZero();

    LcwRun again = importCells(manifest);

    assertThat(again.exitCode()).isZero();
    assertThat(again.outLines().getLast())
        .contains("1 candidates already present", "1 items already present")
        .doesNotContain("inserted", "created");
  }

  @Test
  void badRowsAreReportedByRowAndFieldAndTheRestImports() throws IOException {
    Path manifest =
        write(
            "manifest.csv",
            HEADER,
            "c1,cells/c1.png,,,,,,reader-a,412,0.91,",
            "c2,cells/c2.png,,,,,,reader-a,730,1.7,",
            "c3,cells/c2.png,,,,,,reader-a,7-3,0.5,",
            "c4,cells/c1.png,,,,,,reader-a,101,0.5,0.5;0.5",
            "c5,cells/c2.png,,,,,,reader-a,222,0.8,");

    LcwRun run = importCells(manifest);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
    assertThat(run.errLines())
        .containsExactly(
            "problem: "
                + manifest
                + ": row 3, field 'confidence': '1.7' is not a confidence in 0..1 (the confidence"
                + " is left out; the cell goes to review)",
            "problem: "
                + manifest
                + ": row 4, field 'code': '7-3' contains '-'; codes are letters and digits only"
                + " (kept as read, to be corrected in review)",
            "problem: "
                + manifest
                + ": row 5, field 'digit_confidences': has 2 values for the 3 characters of '101'"
                + " (the per-digit confidences are left out; the cell goes to review)");
    // The bad rows' cells are imported all the same, to be reviewed, corrected or flagged.
    assertThat(run.outLines().getLast()).contains("5 items created", "3 problems");
    assertThat(run.showsAStackTrace()).isFalse();
    assertThat(status()).contains("Items     5  cell 5");
  }

  @Test
  void aMissingImageIsReportedButTheCellIsKeptForReview() throws IOException {
    Path manifest = write("manifest.csv", HEADER, "c1,cells/nope.png,,,,,,reader-a,412,0.91,");

    LcwRun run = importCells(manifest);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("problem: " + manifest + ": row 2, field 'image': ");
    assertThat(status()).contains("Items     1  cell 1");
  }

  @Test
  void aManifestMissingColumnsFailsNamingTheFileAndTheColumns() throws IOException {
    Path manifest = write("short.csv", "item_id,image,source,code", "c1,cells/c1.png,a,412");

    LcwRun run = importCells(manifest);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("error: " + manifest + ": row 1: ")
        .contains("lacks the column(s) page, x, y, w, h, confidence");
    assertThat(run.showsAStackTrace()).isFalse();
    // The failed import leaves no empty database of its own behind.
    assertThat(db).doesNotExist();
  }

  @Test
  void aFailedImportNeverRemovesADatabaseThatExistedBefore() throws IOException {
    Path good = write("good.csv", HEADER, "c1,cells/c1.png,,,,,,a,412,0.9,");
    assertThat(importCells(good).exitCode()).isZero();
    Path manifest = write("short.csv", "item_id,image,source,code", "c2,cells/c1.png,a,412");
    assertThat(importCells(manifest).exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(db).exists();
    assertThat(status()).contains("Items     1  cell 1");
  }

  @Test
  void aMissingManifestFailsNamingIt() {
    Path manifest = dir.resolve("nowhere.csv");

    LcwRun run = importCells(manifest);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.errLines()).singleElement().asString().startsWith("error: " + manifest);
    assertThat(run.showsAStackTrace()).isFalse();
  }

  @Test
  void aBrokenCodeListReportsItsRowsAndCountsUnlistedCodes() throws IOException {
    Path manifest =
        write(
            "manifest.csv",
            HEADER,
            "c1,cells/c1.png,,,,,,reader-a,412,0.91,",
            "c2,cells/c2.png,,,,,,reader-a,999,0.5,");
    Path codes = write("codes.csv", "code,description", "412,Farmer", ",Nobody", "412,Again");

    LcwRun run =
        LcwRun.of(
            dir,
            "import",
            "cells",
            "--db",
            db.toString(),
            "--manifest",
            manifest.toString(),
            "--codes",
            codes.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
    assertThat(run.errLines())
        .containsExactly(
            "problem: " + codes + ": row 3, field 'code': is empty",
            "problem: " + codes + ": row 4, field 'code': '412' repeats row 2; skipped");
    assertThat(run.outLines().getLast()).contains("1 codes not in the code list", "0 problems");
    assertThat(status()).contains("Items     2  cell 2");
  }

  @Test
  void aCodeListWithTheWrongHeaderFailsNamingIt() throws IOException {
    Path manifest = write("manifest.csv", HEADER, "c1,cells/c1.png,,,,,,reader-a,412,0.91,");
    Path codes = write("codes.csv", "kode,text", "412,Farmer");

    LcwRun run =
        LcwRun.of(
            dir,
            "import",
            "cells",
            "--db",
            db.toString(),
            "--manifest",
            manifest.toString(),
            "--codes",
            codes.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("error: " + codes + ": row 1: ")
        .contains("'code,description'");
  }

  private LcwRun importCells(Path manifest) {
    return LcwRun.of(
        dir, "import", "cells", "--db", db.toString(), "--manifest", manifest.toString());
  }

  private java.util.List<String> status() {
    LcwRun run = LcwRun.of(dir, "status", "--db", db.toString());
    assertThat(run.exitCode()).isZero();
    return run.outLines();
  }

  private Path write(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, java.util.List.of(lines));
    return file;
  }

  private static void png(Path file, int width, int height) throws IOException {
    Files.createDirectories(file.getParent());
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    ImageIO.write(image, "png", file.toFile());
  }
}
