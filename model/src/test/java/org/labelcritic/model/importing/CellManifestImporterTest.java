package org.labelcritic.model.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.Problem;
import org.labelcritic.model.codes.CodeList;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.QueueRow;
import org.labelcritic.model.store.Store;

class CellManifestImporterTest {
  static final String HEADER =
      "item_id,image,page,x,y,w,h,source,code,confidence,digit_confidences";

  @TempDir Path dir;
  Path data;
  Store store;

  /** Reads width and height from a PNG's IHDR chunk, as the imaging module's probe does. */
  static final ImageProbe PNG_PROBE =
      image -> {
        try {
          byte[] b = Files.readAllBytes(image);
          ByteBuffer bb = ByteBuffer.wrap(b);
          return new ImageProbe.Size(bb.getInt(16), bb.getInt(20));
        } catch (Exception e) {
          throw LabelCriticException.inFile(image, "not a PNG");
        }
      };

  @BeforeEach
  void setUp() throws Exception {
    data = Files.createDirectories(dir.resolve("data"));
    Files.createDirectories(data.resolve("cells"));
    Files.write(data.resolve("cells/c1.png"), png(100, 40));
    Files.write(data.resolve("cells/c2.png"), png(100, 40));
    Files.write(data.resolve("page.png"), png(600, 500));
    store = Store.open(dir.resolve("db/test.db"));
  }

  @org.junit.jupiter.api.AfterEach
  void tearDown() throws Exception {
    store.close();
  }

  static byte[] png(int w, int h) {
    ByteBuffer b = ByteBuffer.allocate(33);
    b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
    b.putInt(w).putInt(h);
    return b.array();
  }

  ImportReport importText(String text) throws Exception {
    Path m = data.resolve("manifest.csv");
    Files.writeString(m, text);
    return importer().importManifest(m, Progress.none());
  }

  CellManifestImporter importer() {
    return new CellManifestImporter(store, PNG_PROBE, CodeList.of(Map.of("412", "clerk")));
  }

  static String rows(String... r) {
    return HEADER + "\n" + String.join("\n", r) + "\n";
  }

  /**
   * A code in digits of another script is kept as read but reported, as the review's code check
   * (ASCII letters and digits) would flag it.
   */
  @Test
  void aCodeInDigitsOfAnotherScriptIsReportedAndKept() throws Exception {
    ImportReport r = importText(rows("c1,cells/c1.png,,,,,,model-a,\u0664\u0661\u0662,0.9,"));

    assertThat(r.get("candidates inserted")).isEqualTo(1);
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.row()).isEqualTo(2);
              assertThat(p.field()).isEqualTo("code");
              assertThat(p.what()).contains("letters and digits only");
            });
  }

  /**
   * The rows are read on a second thread: a failure there that is not a bad row (here an image
   * probe that breaks) ends the import with a message naming the manifest, instead of leaving the
   * writer waiting; nothing of the unfinished batch is kept and the store works on.
   */
  @Test
  void aFailureOnTheReadingThreadEndsTheImportClearly() throws Exception {
    Path m = data.resolve("manifest.csv");
    Files.writeString(
        m,
        rows(
            "c1,cells/c1.png,,,,,,model-a,412,0.9,", "c2,,page.png,10,10,100,40,model-a,413,0.8,"));
    ImageProbe broken =
        image -> {
          if (image.endsWith("page.png")) {
            throw new IllegalStateException("probe bug");
          }
          return PNG_PROBE.size(image);
        };
    assertThatThrownBy(
            () -> new CellManifestImporter(store, broken, null).importManifest(m, Progress.none()))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining(m.toString())
        .hasMessageContaining("probe bug");
    assertThat(store.queries().status().items()).isZero();
    assertThat(importer().importManifest(m, Progress.none()).get("items created")).isEqualTo(2);
  }

  @Test
  void importsCellImagesAndPageBoxesWithTheirConfidences() throws Exception {
    ImportReport r =
        importText(
            rows(
                "c1,cells/c1.png,,,,,,reader-a,412,0.9,0.99;0.95;0.96",
                "c1,cells/c1.png,,,,,,reader-b,417,0.5,0.99;0.95;0.53",
                "c2,,page.png,10,20,100,40,reader-a,099,,"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.clean()).isTrue();
    assertThat(r.get("items created")).isEqualTo(2);
    assertThat(r.get("candidates inserted")).isEqualTo(3);
    assertThat(r.get("codes not in the code list")).isEqualTo(2);
    List<QueueRow> q = store.queries().queue(10);
    assertThat(q).extracting(QueueRow::itemName).containsExactly("c1", "c2");
    var cands = store.queries().candidates(q.getFirst().itemId(), q.getFirst().structureId());
    var code = (CandidateLabel.Code) cands.getFirst().label();
    assertThat(code.code()).isEqualTo("412");
    assertThat(code.digitConfidences()).containsExactly(0.99, 0.95, 0.96);
    var c2 =
        (CandidateLabel.Code)
            store
                .queries()
                .candidates(q.get(1).itemId(), q.get(1).structureId())
                .getFirst()
                .label();
    assertThat(c2.confidence()).isNaN();
  }

  @Test
  void anItemWhoseRowsAreNotAdjacentBecomesOneItemWithAllItsCandidates() throws Exception {
    ImportReport r =
        importText(
            rows(
                "c1,cells/c1.png,,,,,,a,412,0.9,",
                "c2,cells/c2.png,,,,,,a,413,0.8,",
                "c1,cells/c1.png,,,,,,b,417,0.7,"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.get("items created")).isEqualTo(2);
    assertThat(r.get("items already present")).isEqualTo(1);
    assertThat(r.get("candidates inserted")).isEqualTo(3);
    QueueRow c1 = store.queries().queue(10).getFirst();
    assertThat(c1.itemName()).isEqualTo("c1");
    assertThat(c1.candidates()).isEqualTo(2);
    assertThat(store.queries().status().queueByStatus()).containsEntry("PENDING", 2L);
  }

  @Test
  void importingTheSameManifestAgainAddsNothing() throws Exception {
    String text = rows("c1,cells/c1.png,,,,,,a,412,0.9,", "c2,cells/c2.png,,,,,,a,413,0.8,");
    importText(text);
    ImportReport again = importText(text);
    assertThat(again.get("items created")).isZero();
    assertThat(again.get("items already present")).isEqualTo(2);
    assertThat(again.get("candidates already present")).isEqualTo(2);
    assertThat(again.clean()).isTrue();
    assertThat(store.queries().status().candidates()).isEqualTo(2);
  }

  @Test
  void aHeaderWithoutRequiredColumnsIsRefusedNamingThem() {
    assertThatThrownBy(() -> importText("item_id,image,source,code\nc1,cells/c1.png,a,412\n"))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("manifest.csv")
        .hasMessageContaining("row 1")
        .hasMessageContaining("page, x, y, w, h, confidence");
  }

  @Test
  void badRowsAreReportedWithRowAndFieldWhileTheRestImports() throws Exception {
    ImportReport r =
        importText(
            rows(
                "c1,cells/c1.png,,,,,,a,412,abc,", // row 2: wrong type
                "c2,cells/c2.png,,,,,,a,412,1.5,", // row 3: out of range
                "c3,cells/c2.png,,,,,,a,412,NaN,", // row 4: NaN
                "c4,,page.png,1.5,0,10,10,a,412,0.5,", // row 5: x not an integer
                "c5,cells/c1.png,,,,,,a,41 2,0.5,", // row 6: bad character
                "c6,cells/c1.png,,,,,,a,412,0.5,0.9;0.9", // row 7: digit count
                "c7,cells/c1.png,,,,,,,412,0.5,", // row 8: no source
                "c8,cells/c1.png,,,,,,a,412,0.5,"));
    assertThat(r.problems())
        .extracting(Problem::row, Problem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, "confidence"),
            org.assertj.core.groups.Tuple.tuple(3L, "confidence"),
            org.assertj.core.groups.Tuple.tuple(4L, "confidence"),
            org.assertj.core.groups.Tuple.tuple(5L, "x"),
            org.assertj.core.groups.Tuple.tuple(6L, "code"),
            org.assertj.core.groups.Tuple.tuple(7L, "digit_confidences"),
            org.assertj.core.groups.Tuple.tuple(8L, "source"));
    assertThat(r.problems().getFirst().message())
        .contains("manifest.csv: row 2, field 'confidence': 'abc' is not a number");
    assertThat(r.problems().get(4).message()).contains("'41 2'").contains("kept as read");
    // Rows whose code or confidences are bad still become candidates (the cell can be reviewed
    // and corrected or flagged); rows without an item, page box or source cannot.
    assertThat(r.get("rows skipped")).isEqualTo(2);
    assertThat(r.get("items created")).isEqualTo(6);
    assertThat(r.clean()).isFalse();
  }

  @Test
  void aDuplicateCandidateRowIsSkippedNamingTheFirstRow() throws Exception {
    ImportReport r =
        importText(rows("c1,cells/c1.png,,,,,,a,412,0.9,", "c1,cells/c1.png,,,,,,a,413,0.8,"));
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.row()).isEqualTo(3);
              assertThat(p.what()).contains("row 2").contains("duplicate");
            });
    assertThat(r.get("candidates inserted")).isEqualTo(1);
  }

  @Test
  void pathsThatLeaveTheDatasetFolderAreRefused() throws Exception {
    Files.write(dir.resolve("secret.png"), png(1, 1));
    ImportReport r =
        importText(
            rows(
                "c1,../secret.png,,,,,,a,412,0.9,",
                "c2,/etc/passwd,,,,,,a,412,0.9,",
                "c3,cells/../../secret.png,,,,,,a,412,0.9,",
                "c4,cells/c1.png,,,,,,a,412,0.9,"));
    assertThat(r.problems()).hasSize(3);
    assertThat(r.problems().get(0).what()).contains("leaves the dataset folder");
    assertThat(r.problems().get(1).what()).contains("absolute");
    assertThat(r.get("items created")).isEqualTo(1);
  }

  @Test
  void aMissingImageOrABoxOutsideThePageIsReportedButTheItemCanStillBeReviewed() throws Exception {
    ImportReport r =
        importText(
            rows("c1,cells/missing.png,,,,,,a,412,0.9,", "c2,,page.png,550,480,100,40,a,412,0.9,"));
    assertThat(r.problems()).hasSize(2);
    assertThat(r.problems().get(0).message())
        .contains("row 2")
        .contains("missing.png")
        .contains("flagged");
    assertThat(r.problems().get(1).message())
        .contains("row 3")
        .contains("outside the page (600x500)");
    assertThat(r.get("items created")).isEqualTo(2);
  }

  @Test
  void nonUtf8BomAndWindowsLineEndingsAreHandled() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    b.write(
        (HEADER + "\r\nc1,cells/c1.png,,,,,,a,412,0.9,\r\nc2,cells/c2.png,,,,,,")
            .getBytes(StandardCharsets.UTF_8));
    b.write(new byte[] {'r', (byte) 0xFF, 'x'});
    b.write(",412,0.9,\r\nc3,cells/c2.png,,,,,,a,412,0.9,\r\n".getBytes(StandardCharsets.UTF_8));
    Path m = data.resolve("manifest.csv");
    Files.write(m, b.toByteArray());
    ImportReport r = importer().importManifest(m, Progress.none());
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.row()).isEqualTo(3);
              assertThat(p.what()).contains("UTF-8");
            });
    assertThat(r.get("items created")).isEqualTo(2);
  }

  @Test
  void anEmptyOrMissingManifestIsAClearError() throws Exception {
    assertThatThrownBy(() -> importText("")).hasMessageContaining("is empty");
    Path missing = data.resolve("none.csv");
    assertThatThrownBy(() -> importer().importManifest(missing, Progress.none()))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("none.csv")
        .hasMessageContaining("not found");
  }

  @Test
  void cancellingStopsAtABatchBoundaryAndKeepsWhatWasCommitted() throws Exception {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < 12_000; i++) {
      sb.append("c").append(i).append(",cells/c1.png,,,,,,a,412,0.9,\n");
    }
    var progress = new org.labelcritic.model.job.CancellableProgress();
    progress.cancel();
    Path m = data.resolve("manifest.csv");
    Files.writeString(m, sb);
    ImportReport r = importer().importManifest(m, progress);
    assertThat(r.cancelled()).isTrue();
    assertThat(store.queries().status().items()).isEqualTo(5_000);
    ImportReport resumed = importer().importManifest(m, Progress.none());
    assertThat(resumed.get("items created")).isEqualTo(7_000);
    assertThat(resumed.get("items already present")).isEqualTo(5_000);
  }
}
