package org.labelcritic.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.Item;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.domain.VerdictOutcome;

class ItemAndChangeMarkTest {
  @TempDir Path dir;

  @Test
  void readsAnItemByIdWithItsImageAndBox() throws Exception {
    try (Store store = Store.open(dir.resolve("a.db"), "t")) {
      FileRef page = new FileRef("/p/page.png", 77, "ee");
      long cell =
          store
              .writer()
              .inTransaction(
                  b -> b.item(ItemKind.CELL, "cell-1", page, new Item.Box(3, 4, 50, 20), null))
              .id();
      long scan =
          store
              .writer()
              .inTransaction(b -> b.item(ItemKind.VOLUME, "case-1", null, null, "{\"d\":1}"))
              .id();

      assertThat(store.queries().item(cell))
          .contains(
              new Item(cell, ItemKind.CELL, "cell-1", page, new Item.Box(3, 4, 50, 20), null));
      assertThat(store.queries().item(scan))
          .contains(new Item(scan, ItemKind.VOLUME, "case-1", null, null, "{\"d\":1}"));
      assertThat(store.queries().item(scan + 100)).isEmpty();
    }
  }

  @Test
  void theChangeMarkMovesWithEveryNewVerdictDecisionAndCandidate() throws Exception {
    try (Store store = Store.open(dir.resolve("b.db"), "t")) {
      assertThat(store.queries().changeMark()).isEqualTo(new ChangeMark(0, 0, 0));
      long liver = store.structureId("liver");
      long src = store.sourceId("m", SourceKind.MODEL, "1");
      long item =
          store
              .writer()
              .inTransaction(
                  b -> {
                    long id = b.item(ItemKind.VOLUME, "case-1", null, null, "{}").id();
                    b.candidate(
                        id,
                        liver,
                        src,
                        new CandidateLabel.Mask(
                            new FileRef("/m.nii.gz", 1, "a"), new TreeSet<>(List.of(1))));
                    return id;
                  });
      ChangeMark afterImport = store.queries().changeMark();
      assertThat(afterImport.lastCandidateId()).isPositive();
      long cand = store.queries().candidates(item, liver).getFirst().id();

      store
          .verdicts()
          .save(
              new NewVerdict(
                  item,
                  liver,
                  cand,
                  OptionalLong.empty(),
                  VerdictOutcome.SINGLE,
                  0.4,
                  "c",
                  "1",
                  "{}"));
      ChangeMark afterVerdict = store.queries().changeMark();
      assertThat(afterVerdict.lastVerdictId()).isGreaterThan(afterImport.lastVerdictId());

      long reviewer = store.reviews().reviewer("ana").id();
      store
          .reviews()
          .record(NewDecision.of(item, liver, reviewer, new DecisionAction.Accept(cand)));
      ChangeMark afterDecision = store.queries().changeMark();
      assertThat(afterDecision.lastDecisionId()).isGreaterThan(afterVerdict.lastDecisionId());
      assertThat(store.queries().changeMark()).isEqualTo(afterDecision);
    }
  }
}
