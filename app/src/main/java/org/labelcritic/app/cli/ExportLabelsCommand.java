package org.labelcritic.app.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.labelcritic.imaging.export.LabelExportReport;
import org.labelcritic.imaging.export.LabelExporter;
import org.labelcritic.imaging.nifti.NiftiReader;
import org.labelcritic.imaging.nifti.NiftiWriter;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.Problem;
import org.labelcritic.model.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lcw export labels}: final masks as NIfTI in the AbdomenAtlas layout, with provenance. */
@Command(
    name = "labels",
    header = "Writes the final labels as NIfTI in the AbdomenAtlas layout, with provenance.",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the final label of every scan and structure as DIR/<case>/segmentations/",
      "<structure>.nii.gz (uint8 0/1 on the CT's grid) and DIR/<case>/provenance.json (which",
      "source or reviewer edit each label came from, its file and SHA-256, and the verdicts and",
      "decisions it rests on). Final is the current decision's label; else the one the critic",
      "prefers; else a structure's only candidate. Flagged and undecided structures are listed in",
      "the provenance, not written. A mask file that is missing or changed since import is",
      "reported and its structure skipped (exit code 1); the rest is exported."
    })
final class ExportLabelsCommand implements Callable<Integer> {
  @Mixin DbOption db;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The folder to write into (created when missing).")
  Path out;

  private final CliContext context;

  ExportLabelsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws LabelCriticException {
    Console c = context.console();
    LabelExportReport r;
    TerminalProgress progress = new TerminalProgress(c, "labels");
    try (Store store = ExistingDatabase.open(db.db)) {
      r =
          new LabelExporter(store, new NiftiReader(), new NiftiWriter(), Clock.systemUTC())
              .run(out, progress);
      CliUser.exported(store, "labels (" + r.written() + ")", out);
    } finally {
      progress.finish();
    }
    for (Problem p : r.problems()) {
      c.error("problem: " + p.message());
    }
    c.println(
        "Exported "
            + r.written()
            + " label(s) of "
            + r.cases()
            + " case(s) to "
            + out.toAbsolutePath().normalize()
            + " ("
            + r.flagged()
            + " flagged, "
            + r.undecided()
            + " undecided, "
            + r.problems().size()
            + " skipped)"
            + (r.cancelled() ? "; cancelled" : ""));
    return r.hasProblems() || r.cancelled() ? ExitCodes.PROBLEMS : ExitCodes.OK;
  }
}
