package org.labelcritic.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.labelcritic.app.Workbench;
import org.labelcritic.app.demo.DemoInstaller;
import org.labelcritic.model.LabelCriticException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lcw gui}: opens the workbench window (what {@code ./lcw} does without arguments). */
@Command(
    name = "gui",
    header = "Opens the workbench window.",
    mixinStandardHelpOptions = true,
    description =
        "Opens the workbench window on a database; without --db on the bundled demo dataset"
            + " (installed into the data folder on first start).")
final class GuiCommand implements Callable<Integer> {
  @Option(names = "--db", paramLabel = "FILE", description = "The dataset database to open.")
  Path db;

  private final CliContext context;

  GuiCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws LabelCriticException {
    Path database = db;
    if (database == null) {
      TerminalProgress progress = new TerminalProgress(context.console(), "demo");
      DemoInstaller.Result r;
      try {
        r = new DemoInstaller(context.dirs()).ensureInstalled(progress);
      } finally {
        progress.finish();
      }
      if (r.installedNow()) {
        r.reports().forEach(rep -> context.console().println(rep.summary()));
      }
      database = r.database();
    } else if (!java.nio.file.Files.isRegularFile(database)) {
      throw LabelCriticException.inFile(database, "no such database");
    }
    context.console().println("Opening " + database);
    Workbench.open(database);
    return ExitCodes.OK;
  }
}
