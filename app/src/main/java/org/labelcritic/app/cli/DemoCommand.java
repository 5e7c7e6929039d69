package org.labelcritic.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.labelcritic.app.demo.DemoInstaller;
import org.labelcritic.model.LabelCriticException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lcw demo}: installs the bundled demo dataset and prints where its database is. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Installs the bundled demo dataset and prints its database path.",
      "Installs the bundled demo dataset into the data folder (LCW_DATA_DIR, or the platform's",
      "application-data folder) and prints the path of its database."
    },
    subcommands = DemoCellsCommand.class)
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--reinstall", description = "Delete the demo database and install it afresh.")
  boolean reinstall;

  private final CliContext context;

  DemoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws LabelCriticException {
    if (reinstall) {
      Path db = context.dirs().demoDatabase();
      try {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
          Files.deleteIfExists(Path.of(db + suffix));
        }
      } catch (IOException e) {
        throw LabelCriticException.inFile(db, "cannot delete: " + e.getMessage(), e);
      }
    }
    TerminalProgress progress = new TerminalProgress(context.console(), "demo");
    DemoInstaller.Result r;
    try {
      r = new DemoInstaller(context.dirs()).ensureInstalled(progress);
    } finally {
      progress.finish();
    }
    r.reports().forEach(rep -> context.console().println(rep.summary()));
    context
        .console()
        .println((r.installedNow() ? "Installed " : "Already installed: ") + r.database());
    return ExitCodes.OK;
  }
}
