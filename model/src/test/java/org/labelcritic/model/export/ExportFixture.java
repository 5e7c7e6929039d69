package org.labelcritic.model.export;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.domain.VerdictOutcome;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.NewVerdict;
import org.labelcritic.model.store.Store;

/**
 * Five cells, field "code", two readers ("=reader-a" is named like a formula): c1 accepted B, c2
 * edited by a reviewer, c3 flagged, c4 undecided with the critic preferring B, c5 undecided, no
 * verdict (A more confident), c6 accepted then reopened (A more confident).
 */
final class ExportFixture {
  private ExportFixture() {}

  static Store cells(Path dir) throws Exception {
    Store store = Store.open(dir.resolve("cells.db"));
    long a = store.sourceId("=reader-a", SourceKind.MODEL, "1");
    long b = store.sourceId("reader-b", SourceKind.MODEL, "2");
    long person = store.sourceId("ann", SourceKind.PERSON, "");
    long code = store.structureId("code");
    long[] ids = new long[7];
    store
        .writer()
        .inTransaction(
            w -> {
              for (int i = 1; i <= 6; i++) {
                ids[i] = w.item(ItemKind.CELL, "c" + i, null, null, null).id();
                w.candidate(ids[i], code, a, new CandidateLabel.Code("41" + i, 0.9, List.of()));
                w.candidate(ids[i], code, b, new CandidateLabel.Code("71" + i, 0.6, List.of()));
              }
              w.candidate(ids[2], code, person, new CandidateLabel.Code("-99", 1, List.of()));
              return null;
            });
    long ann = store.reviews().reviewer("ann").id();
    store.reviews().record(NewDecision.of(ids[1], code, ann, accept(store, ids[1], code, 1)));
    store.reviews().record(NewDecision.of(ids[2], code, ann, accept(store, ids[2], code, 0)));
    store
        .reviews()
        .record(
            NewDecision.of(
                ids[2], code, ann, new DecisionAction.Edit(candidate(store, ids[2], code, 2))));
    store
        .reviews()
        .record(
            new NewDecision(
                ids[3],
                code,
                ann,
                OptionalLong.empty(),
                new DecisionAction.Flag(FlagReason.UNREADABLE),
                "=HYPERLINK(\"x\")\nsecond line",
                OptionalLong.empty(),
                1500));
    store
        .verdicts()
        .save(
            new NewVerdict(
                ids[4],
                code,
                candidate(store, ids[4], code, 0),
                OptionalLong.of(candidate(store, ids[4], code, 1)),
                VerdictOutcome.PREFER_B,
                0.8,
                "test",
                "v1",
                "{}"));
    store.reviews().record(NewDecision.of(ids[6], code, ann, accept(store, ids[6], code, 1)));
    store.reviews().record(NewDecision.of(ids[6], code, ann, new DecisionAction.Reopen()));
    return store;
  }

  static long candidate(Store store, long item, long structure, int index) throws Exception {
    return store.queries().candidates(item, structure).get(index).id();
  }

  private static DecisionAction accept(Store store, long item, long structure, int index)
      throws Exception {
    return new DecisionAction.Accept(candidate(store, item, structure, index));
  }
}
