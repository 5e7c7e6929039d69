package org.labelcritic.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.labelcritic.imaging.io.ImageIoProbe;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.Problem;
import org.labelcritic.model.codes.CodeList;
import org.labelcritic.model.importing.CellManifestImporter;
import org.labelcritic.model.importing.ImportReport;
import org.labelcritic.model.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lcw import cells}: a form-cell manifest. */
@Command(
    name = "cells",
    header = "Imports a form-cell manifest.",
    mixinStandardHelpOptions = true,
    description = {
      "Imports a form-cell manifest (CSV, one row per candidate) with the header",
      "item_id,image,page,x,y,w,h,source,code,confidence,digit_confidences.",
      "Paths are relative to the manifest. Bad rows are reported (file, row, field) and",
      "skipped; importing the same manifest again adds nothing.",
      "Exit code 0 when everything imported, 1 when something was skipped."
    })
final class ImportCellsCommand implements Callable<Integer> {
  @Mixin DbOption db;

  @Option(names = "--manifest", required = true, paramLabel = "CSV", description = "The manifest.")
  Path manifest;

  @Option(
      names = "--codes",
      paramLabel = "CSV",
      description = "The code list (code,description) used to count codes that are not listed.")
  Path codes;

  private final CliContext context;

  ImportCellsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws LabelCriticException {
    ImportReport report;
    ImportReport codeProblems = new ImportReport("code list " + codes);
    CodeList list = codes == null ? null : CodeList.read(codes, codeProblems::problem);
    for (Problem p : codeProblems.problems()) {
      context.console().error("problem: " + p.message());
    }
    TerminalProgress progress = new TerminalProgress(context.console(), "import cells");
    boolean existed = java.nio.file.Files.exists(db.db);
    try (Store store = Store.open(db.db)) {
      report =
          new CellManifestImporter(store, new ImageIoProbe(), list)
              .importManifest(manifest, progress);
    } catch (LabelCriticException e) {
      CreatedDatabase.removeIfCreatedAndEmpty(db.db, existed);
      throw e;
    } finally {
      progress.finish();
    }
    int code = Reports.print(context.console(), report);
    return codeProblems.problemCount() > 0 ? ExitCodes.PROBLEMS : code;
  }
}
