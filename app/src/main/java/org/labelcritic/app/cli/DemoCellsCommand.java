package org.labelcritic.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.labelcritic.app.demo.DemoInstaller;
import org.labelcritic.imaging.demo.CellDemoGenerator;
import org.labelcritic.imaging.demo.CellDemoSummary;
import org.labelcritic.model.LabelCriticException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lcw demo cells --rebuild --out DIR}: rebuilds the form-cell demo from the digits. */
@Command(
    name = "cells",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuilds the form-cell demo from the MNIST digits (trains the two transcription models).",
      "Composes the cells from the bundled MNIST digit sheets, trains the two Tribuo transcription",
      "models on a disjoint part of the digits and writes images, manifest.csv, truth.csv,",
      "codes.csv, seen-codes.txt and models.txt. The same seed gives the same bytes: with the",
      "defaults the text files equal the ones the demo ships."
    })
final class DemoCellsCommand implements Callable<Integer> {
  @Option(names = "--rebuild", required = true, description = "Rebuild the demo (required).")
  boolean rebuild;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(
      names = "--cells",
      paramLabel = "N",
      description = "How many cells (default ${DEFAULT-VALUE}).")
  int cells = CellDemoGenerator.DEFAULT_CELLS;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed = DemoInstaller.CELL_SEED;

  private final CliContext context;

  DemoCellsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws LabelCriticException {
    CellDemoSummary s = new DemoInstaller(context.dirs()).rebuildCells(out, cells, seed);
    context
        .console()
        .println(
            "Wrote %d cells (%d on %d pages), %d candidates from %s, trained on %d digits, into %s"
                .formatted(
                    s.cells(),
                    s.pageCells(),
                    s.pages(),
                    s.manifestRows(),
                    String.join(" and ", s.sources()),
                    s.trainingDigits(),
                    s.outDir()));
    return ExitCodes.OK;
  }
}
