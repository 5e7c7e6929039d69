package org.labelcritic.model.codes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.importing.CellManifestImporter;
import org.labelcritic.model.importing.ImageProbe;
import org.labelcritic.model.importing.ImportReport;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.Store;

/**
 * Bad form-cell input: each bad row is named, and every cell that still has a candidate reaches the
 * review queue with its problem stated, where it can be reviewed or flagged.
 */
class BadCellInputTest {
  @TempDir Path dir;

  @Test
  void badRowsAreNamedAndTheirCellsCanStillBeReviewedOrFlagged() throws Exception {
    for (String f : List.of("c1.png", "c2.png", "c3.png", "page.png")) {
      Files.writeString(dir.resolve(f), "pixels");
    }
    Path manifest = dir.resolve("cells.csv");
    Files.writeString(
        manifest,
        String.join(
            "\n",
            "item_id,image,page,x,y,w,h,source,code,confidence,digit_confidences",
            "c1,c1.png,,,,,,a,101,0.9,0.95;0.97;0.98",
            "c1,c1.png,,,,,,b,10,0.9,0.95;0.97",
            "c2,c2.png,,,,,,a,1-1,0.9,",
            "c2,c2.png,,,,,,b,102,0.8,",
            "c3,c3.png,,,,,,a,201,1.5,",
            "c3,c3.png,,,,,,b,201,NaN,",
            "c3,c3.png,,,,,,c,201,,0.5;0.9;0.9",
            "c4,gone.png,,,,,,a,305,0.9,",
            "c5,,page.png,90,10,20,20,a,101,0.9,",
            ""));
    ImageProbe probe = image -> new ImageProbe.Size(100, 40);
    try (Store store = Store.open(dir.resolve("census.db"), "census")) {
      ImportReport report =
          new CellManifestImporter(store, probe, CodeCells.CODES)
              .importManifest(manifest, Progress.none());

      List<String> problems = report.problems().stream().map(Object::toString).toList();
      assertThat(problems)
          .anySatisfy(p -> assertThat(p).contains("row 4").contains("code").contains("1-1"))
          .anySatisfy(p -> assertThat(p).contains("row 6").contains("confidence").contains("1.5"))
          .anySatisfy(p -> assertThat(p).contains("row 7").contains("confidence").contains("NaN"))
          .anySatisfy(p -> assertThat(p).contains("row 9").contains("gone.png"))
          .anySatisfy(p -> assertThat(p).contains("row 10").contains("outside the page"));

      CellQueue queue = CellQueue.load(store, CodeCells.CODES, null);
      Map<String, CellTask> byId =
          queue.tasks().stream()
              .collect(java.util.stream.Collectors.toMap(t -> t.item().externalId(), t -> t));
      assertThat(byId).containsOnlyKeys("c1", "c2", "c3", "c4", "c5");
      assertThat(byId.get("c1").problems())
          .anySatisfy(p -> assertThat(p).contains("'10'").contains("3 characters"));
      assertThat(byId.get("c2").candidates())
          .as("the bad code is kept as read, to be corrected in review")
          .hasSize(2);
      assertThat(byId.get("c3").candidates())
          .as("rows with bad confidences are kept without them")
          .hasSize(3);
      assertThat(byId.get("c2").predictedCode())
          .as("the valid reading is preferred")
          .isEqualTo("102");
      assertThat(byId.get("c4").problems()).anySatisfy(p -> assertThat(p).contains("gone.png"));
      assertThat(byId.get("c4").routed()).isFalse();

      long reviewer = store.reviews().reviewer("ana").id();
      for (String id : List.of("c4", "c5")) {
        CellTask t = byId.get(id);
        store
            .reviews()
            .record(
                NewDecision.of(
                    t.item().id(),
                    t.structureId(),
                    reviewer,
                    new DecisionAction.Flag(FlagReason.UNREADABLE)));
      }
      assertThat(CellQueue.load(store, CodeCells.CODES, null).tasks())
          .filteredOn(CellTask::decided)
          .hasSize(2);
    }
  }
}
