package org.labelcritic.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.store.ExportQueries.PairHistory;

class ExportQueriesTest {
  @TempDir Path dir;

  @Test
  void pairsOfAKindArePagedInItemAndStructureOrderSkippingOtherKindsAndEmptyPages()
      throws Exception {
    int cells = ExportQueries.ITEMS_PER_PAGE * 2 + 7;
    try (Store store = Store.open(dir.resolve("x.db"))) {
      long src = store.sourceId("reader", SourceKind.MODEL, "1");
      long zeta = store.structureId("zeta");
      long alpha = store.structureId("alpha");
      store
          .writer()
          .inTransaction(
              w -> {
                // A full page of items without candidates must not end the paging.
                for (int i = 0; i < ExportQueries.ITEMS_PER_PAGE + 3; i++) {
                  w.item(ItemKind.CELL, "empty-" + i, null, null, null);
                }
                for (int i = 0; i < cells; i++) {
                  long id = w.item(ItemKind.CELL, String.format("c%05d", i), null, null, null).id();
                  w.candidate(id, zeta, src, new CandidateLabel.Code("1", 0.5, List.of()));
                  if (i % 100 == 0) {
                    w.candidate(id, alpha, src, new CandidateLabel.Code("2", 0.5, List.of()));
                    w.item(ItemKind.VOLUME, "ct-" + i, null, null, "{}");
                  }
                }
                return null;
              });
      ExportQueries q = new ExportQueries(store);
      List<PairHistory> seen = new ArrayList<>();
      long n = q.forEachPair(ItemKind.CELL, seen::add);
      int expected = cells + (cells + 99) / 100;
      assertThat(n).isEqualTo(expected).isEqualTo(q.countPairs(ItemKind.CELL));
      assertThat(seen).hasSize(expected);
      assertThat(seen.get(0).item().externalId()).isEqualTo("c00000");
      assertThat(seen.get(0).structure().name()).isEqualTo("alpha");
      assertThat(seen.get(1).structure().name()).isEqualTo("zeta");
      assertThat(seen).allSatisfy(p -> assertThat(p.item().kind()).isEqualTo(ItemKind.CELL));
      assertThat(q.forEachPair(ItemKind.VOLUME, p -> {})).isZero();
    }
  }
}
