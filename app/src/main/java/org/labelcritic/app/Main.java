package org.labelcritic.app;

import org.labelcritic.app.cli.CliContext;
import org.labelcritic.app.cli.Console;
import org.labelcritic.app.cli.LcwCommand;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The composition root. Without arguments it opens the workbench on the bundled demo dataset
 * (installing it on first start); with arguments it runs the {@code lcw} command line.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    AppDirectories dirs = AppDirectories.fromEnvironment();
    // Before the first logger is made: the log file goes into the data folder.
    if (System.getProperty("lcw.log.dir") == null) {
      System.setProperty("lcw.log.dir", dirs.dataDir().resolve("logs").toString());
    }
    // JavaFX reports through java.util.logging: route it into the log file, not the terminal.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    CliContext context = new CliContext(Console.system(), dirs);
    String[] effective = args.length == 0 ? new String[] {"gui"} : args;
    System.exit(LcwCommand.run(context, effective));
  }
}
