package org.labelcritic.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.labelcritic.imaging.inspect.Inspector;
import org.labelcritic.model.LabelCriticException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lcw inspect}: what a scan or label file holds, as this program reads it. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Prints what a scan or label file holds, as this program reads it.",
      "Reads a NIfTI file, a DICOM file or a DICOM series folder and prints what was read:",
      "kind, dims, spacing, orientation, datatype, value range; for DICOM the transfer syntax",
      "and number of slices; for label maps the label values with their names.",
      "Exit code 0 when it reads, 3 with a one-line message when it does not."
    })
final class InspectCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", description = "A file, or a folder holding one DICOM series.")
  Path path;

  private final CliContext context;

  InspectCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws LabelCriticException {
    for (String line : new Inspector().inspect(path)) {
      context.console().println(line);
    }
    return ExitCodes.OK;
  }
}
