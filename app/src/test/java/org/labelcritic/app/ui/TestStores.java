package org.labelcritic.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.domain.VerdictOutcome;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.NewVerdict;
import org.labelcritic.model.store.Store;

/**
 * A small database with every review status: three CT cases and three form cells, written through
 * the store API the way an import and the critic would.
 */
final class TestStores {
  private TestStores() {}

  static Store demo(Path dir) throws LabelCriticException {
    Store store = Store.open(dir.resolve("demo.db"), "abdomen-demo");
    long a = store.sourceId("totalseg", SourceKind.MODEL, "2.4");
    long b = store.sourceId("suprem", SourceKind.MODEL, "1.0");
    long c = store.sourceId("mednext", SourceKind.MODEL, "0.9");
    long reviewer = store.reviews().reviewer("ana").id();

    // case, structure, candidates, verdict (null = none), confidence, what the reviewer did
    volume(store, "case-001", "liver", List.of(a, b), VerdictOutcome.PREFER_B, 0.95, null);
    volume(store, "case-001", "spleen", List.of(a, b), VerdictOutcome.AGREE, 0.97, null);
    volume(store, "case-001", "pancreas", List.of(a, b), VerdictOutcome.PREFER_A, 0.62, null);
    volume(store, "case-002", "liver", List.of(a, b, c), null, 0, null);
    volume(
        store, "case-002", "kidney_left", List.of(a, b), VerdictOutcome.PREFER_A, 0.71, reviewer);
    volume(store, "case-002", "aorta", List.of(a), VerdictOutcome.SINGLE, 0.41, null);
    volume(store, "case-003", "gallbladder", List.of(a, b), VerdictOutcome.PREFER_A, 0.91, null);
    long stomach = volume(store, "case-003", "stomach", List.of(a, b), null, 0, null);
    store
        .reviews()
        .record(
            NewDecision.of(
                itemId(store, "case-003"),
                stomach,
                reviewer,
                new DecisionAction.Flag(FlagReason.NEEDS_EXPERT)));

    long code = store.structureId("occupation_code");
    cell(store, "cell-0001", code, List.of(a, b), "412", VerdictOutcome.AGREE, 1.0);
    cell(store, "cell-0002", code, List.of(a), "9X1", VerdictOutcome.SINGLE, 0.55);
    cell(store, "cell-0003", code, List.of(a, b), "730", null, 0);
    return store;
  }

  static long volume(
      Store store,
      String item,
      String structureName,
      List<Long> sources,
      VerdictOutcome outcome,
      double confidence,
      Long acceptedBy)
      throws LabelCriticException {
    long structure = store.structureId(structureName);
    long itemId =
        store
            .writer()
            .inTransaction(
                batch -> {
                  long id =
                      batch.item(ItemKind.VOLUME, item, file(item + "/ct.nii.gz"), null, "{}").id();
                  int n = 0;
                  for (long source : sources) {
                    var mask =
                        new CandidateLabel.Mask(
                            file(item + "/" + source + "/" + structureName),
                            new TreeSet<>(List.of(++n)));
                    batch.candidate(id, structure, source, mask);
                  }
                  return id;
                });
    verdictAndDecision(store, itemId, structure, outcome, confidence, acceptedBy);
    return structure;
  }

  static void cell(
      Store store,
      String item,
      long structure,
      List<Long> sources,
      String code,
      VerdictOutcome outcome,
      double confidence)
      throws LabelCriticException {
    long itemId =
        store
            .writer()
            .inTransaction(
                batch -> {
                  long id = batch.item(ItemKind.CELL, item, file(item + ".png"), null, null).id();
                  for (long source : sources) {
                    batch.candidate(
                        id, structure, source, new CandidateLabel.Code(code, 0.6, List.of()));
                  }
                  return id;
                });
    verdictAndDecision(store, itemId, structure, outcome, confidence, null);
  }

  private static void verdictAndDecision(
      Store store,
      long itemId,
      long structure,
      VerdictOutcome outcome,
      double confidence,
      Long acceptedBy)
      throws LabelCriticException {
    var candidates = store.queries().candidates(itemId, structure);
    if (outcome != null) {
      OptionalLong second =
          candidates.size() > 1 ? OptionalLong.of(candidates.get(1).id()) : OptionalLong.empty();
      store
          .verdicts()
          .save(
              new NewVerdict(
                  itemId,
                  structure,
                  candidates.get(0).id(),
                  outcome == VerdictOutcome.SINGLE ? OptionalLong.empty() : second,
                  outcome,
                  confidence,
                  "feature",
                  "1",
                  "{}"));
    }
    if (acceptedBy != null) {
      store
          .reviews()
          .record(
              NewDecision.of(
                  itemId,
                  structure,
                  acceptedBy,
                  new DecisionAction.Accept(candidates.get(0).id())));
    }
  }

  static long itemId(Store store, String externalId) throws LabelCriticException {
    return store.queries().queue(1000).stream()
        .filter(r -> r.itemName().equals(externalId))
        .findFirst()
        .orElseThrow()
        .itemId();
  }

  private static FileRef file(String name) {
    return new FileRef("/data/" + name, 1024, Integer.toHexString(name.hashCode()));
  }
}
