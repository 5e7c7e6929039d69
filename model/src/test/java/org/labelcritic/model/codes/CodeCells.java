package org.labelcritic.model.codes;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.store.Store;

/** Small census stores for the code tests: cells with two readers' codes. */
final class CodeCells {
  static final CodeList CODES =
      CodeList.of(
          Map.of("101", "Clerk", "102", "Teacher", "201", "Baker", "202", "Miner", "305", "Nurse"));

  /** One cell: id, whether its image was readable, and each reader's code and digit confidences. */
  record Cell(
      String id,
      boolean readable,
      String codeA,
      double[] digitsA,
      String codeB,
      double[] digitsB) {}

  private CodeCells() {}

  static Store store(Path dir, List<Cell> cells) throws LabelCriticException {
    Store store = Store.open(dir.resolve("census.db"), "census");
    long a = store.sourceId("reader-a", SourceKind.MODEL, "1");
    long b = store.sourceId("reader-b", SourceKind.MODEL, "1");
    long code = store.structureId("occupation_code");
    store
        .writer()
        .inTransaction(
            batch -> {
              for (Cell c : cells) {
                FileRef image =
                    c.readable()
                        ? new FileRef(dir.resolve(c.id() + ".png").toString(), 10, "ab")
                        : FileRef.unreadable(dir.resolve(c.id() + ".png").toString());
                long id = batch.item(ItemKind.CELL, c.id(), image, null, null).id();
                batch.candidate(id, code, a, label(c.codeA(), c.digitsA()));
                if (c.codeB() != null) {
                  batch.candidate(id, code, b, label(c.codeB(), c.digitsB()));
                }
              }
              return null;
            });
    return store;
  }

  static CandidateLabel.Code label(String code, double[] digits) {
    double p = 1;
    for (double d : digits) {
      p *= d;
    }
    return new CandidateLabel.Code(code, p, java.util.Arrays.stream(digits).boxed().toList());
  }

  static double[] d(double... v) {
    return v;
  }
}
