package org.labelcritic.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.labelcritic.app.ui.ScreenshotRenderer;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lcw screenshot}: renders the main window headless into a PNG. */
@Command(
    name = "screenshot",
    mixinStandardHelpOptions = true,
    description = {
      "Renders the main window on a database into a PNG, without a display.",
      "Run it with -Dglass.platform=Headless -Dprism.order=sw (./lcw sets them for this command)."
    })
final class ScreenshotCommand implements Callable<Integer> {
  @Mixin DbOption db;

  @Option(names = "--out", required = true, paramLabel = "PNG", description = "The PNG to write.")
  Path out;

  @Option(
      names = "--width",
      defaultValue = "1280",
      description = "Width in pixels (${DEFAULT-VALUE}).")
  int width;

  @Option(
      names = "--height",
      defaultValue = "800",
      description = "Height in pixels (${DEFAULT-VALUE}).")
  int height;

  private final CliContext context;

  ScreenshotCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws LabelCriticException {
    if (!Files.isRegularFile(db.db)) {
      throw LabelCriticException.inFile(db.db, "no such database");
    }
    // The JavaFX platform is left running: Main's System.exit ends it with the process, and a
    // caller that runs commands in-process (a test, next to other FX tests) may still need it.
    try (Store store = Store.open(db.db)) {
      ScreenshotRenderer.render(store, out, width, height);
    }
    context.console().println("Wrote " + out.toAbsolutePath());
    return ExitCodes.OK;
  }
}
