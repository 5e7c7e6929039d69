package org.labelcritic.model.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.store.Store;

/** Writes form cells with two readers that mostly agree, and one CT item that must be skipped. */
final class Cells {
  private Cells() {}

  /** The ids of the cells written, in item order. */
  static List<Long> write(Store store, int n, long seed) throws LabelCriticException {
    long a = store.sourceId("reader-a", SourceKind.MODEL, "1");
    long b = store.sourceId("reader-b", SourceKind.MODEL, "1");
    long code = store.structureId("code");
    long liver = store.structureId("liver");
    SplittableRandom rng = new SplittableRandom(seed);
    return store
        .writer()
        .inTransaction(
            batch -> {
              long ct = batch.item(ItemKind.VOLUME, "case-1", null, null, "{}").id();
              batch.candidate(
                  ct,
                  liver,
                  a,
                  new CandidateLabel.Mask(
                      new FileRef("m.nii.gz", 1, "x"), new TreeSet<>(List.of(1))));
              List<Long> ids = new ArrayList<>();
              for (int i = 0; i < n; i++) {
                long id =
                    batch.item(ItemKind.CELL, String.format("cell-%05d", i), null, null, null).id();
                String truth = String.valueOf(100 + rng.nextInt(20));
                boolean misread = rng.nextDouble() < 0.2;
                batch.candidate(
                    id, code, a, new CandidateLabel.Code(truth, 0.95, List.of(0.99, 0.97, 0.98)));
                batch.candidate(
                    id,
                    code,
                    b,
                    new CandidateLabel.Code(
                        misread ? "9" + truth.substring(1) : truth,
                        misread ? 0.55 : 0.9,
                        misread ? List.of(0.5, 0.9, 0.9) : List.of(0.95, 0.96, 0.97)));
                ids.add(id);
              }
              return ids;
            });
  }
}
