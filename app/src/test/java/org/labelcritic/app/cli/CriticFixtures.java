package org.labelcritic.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.labelcritic.app.AppDirectories;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.store.Store;

/** A small cell dataset and a way to run {@code lcw} and read what it printed. */
final class CriticFixtures {
  private CriticFixtures() {}

  /** What a command printed and returned. */
  record Run(int exit, String out, String err) {}

  static Run lcw(Path dataDir, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Console console = new Console(new PrintWriter(out, true), new PrintWriter(err, true));
    int exit = LcwCommand.run(new CliContext(console, new AppDirectories(dataDir)), args);
    return new Run(exit, out.toString(), err.toString());
  }

  /**
   * 20 cells from two readers: 14 agree on a listed code, 4 disagree (reader A sure, reader B
   * shaky), 1 agrees on an unlisted code, 1 has one reader only; plus one CT with a liver from one
   * source. Source and case names that a spreadsheet would run as formulas test the export's
   * escaping.
   */
  static Path cells(Path dir) throws Exception {
    Path db = dir.resolve("cells.db");
    try (Store store = Store.open(db)) {
      long a = store.sourceId("=reader-a", SourceKind.MODEL, "1");
      long b = store.sourceId("reader-b", SourceKind.MODEL, "1");
      long code = store.structureId("code");
      long liver = store.structureId("liver");
      store
          .writer()
          .inTransaction(
              w -> {
                long ct = w.item(ItemKind.VOLUME, "case-1", null, null, "{}").id();
                w.candidate(
                    ct,
                    liver,
                    a,
                    new CandidateLabel.Mask(
                        new FileRef("liver.nii.gz", 1, "x"), new TreeSet<>(List.of(1))));
                for (int i = 0; i < 20; i++) {
                  String name = i == 5 ? "+cell,\"5\"" : String.format("cell-%02d", i);
                  long id = w.item(ItemKind.CELL, name, null, null, null).id();
                  String truth = i == 18 ? "999" : "41" + (i % 3);
                  w.candidate(
                      id, code, a, new CandidateLabel.Code(truth, 0.97, List.of(0.99, 0.98, 0.99)));
                  if (i == 19) {
                    continue;
                  }
                  boolean misread = i % 5 == 1;
                  w.candidate(
                      id,
                      code,
                      b,
                      misread
                          ? new CandidateLabel.Code("71" + (i % 3), 0.4, List.of(0.3, 0.9, 0.9))
                          : new CandidateLabel.Code(truth, 0.93, List.of(0.97, 0.96, 0.98)));
                }
                return null;
              });
    }
    return db;
  }

  static Path codeList(Path dir) throws Exception {
    Path f = dir.resolve("codes.csv");
    Files.writeString(f, "code,description\n410,clerk\n411,typist\n412,baker\n710,smith\n");
    return f;
  }
}
