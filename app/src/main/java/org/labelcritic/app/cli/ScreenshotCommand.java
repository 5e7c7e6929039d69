package org.labelcritic.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.labelcritic.app.Workbench;
import org.labelcritic.app.ui.I18n;
import org.labelcritic.app.ui.ScreenshotRenderer;
import org.labelcritic.app.ui.viewer.VolumeViewer;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code lcw screenshot}: renders the main window headless into a PNG. */
@Command(
    name = "screenshot",
    mixinStandardHelpOptions = true,
    description = {
      "Renders the main window on a database into a PNG, without a display: the queue, the",
      "viewer and the verdict panel for one item and structure, in review, side-by-side or edit",
      "mode. Nothing is written to the database.",
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

  @Option(
      names = {"--item", "--case"},
      paramLabel = "ID",
      description = "The item (case or cell id) to select; default: the queue's first row.")
  String item;

  @Option(
      names = "--structure",
      paramLabel = "NAME",
      description = "The structure of that item to select; default: its first row in the queue.")
  String structure;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      defaultValue = "review",
      description = "review, side-by-side or edit (${DEFAULT-VALUE}).")
  String mode;

  @Spec CommandSpec spec;

  private final CliContext context;

  ScreenshotCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws LabelCriticException {
    ScreenshotRenderer.Mode m =
        switch (mode.strip().toLowerCase(Locale.ROOT)) {
          case "review" -> ScreenshotRenderer.Mode.REVIEW;
          case "side-by-side" -> ScreenshotRenderer.Mode.SIDE_BY_SIDE;
          case "edit" -> ScreenshotRenderer.Mode.EDIT;
          default ->
              throw new ParameterException(
                  spec.commandLine(),
                  "--mode must be review, side-by-side or edit, was '" + mode + "'");
        };
    if (structure != null && item == null) {
      throw new ParameterException(spec.commandLine(), "--structure needs --item");
    }
    if (!Files.isRegularFile(db.db)) {
      throw LabelCriticException.inFile(db.db, "no such database");
    }
    // The JavaFX platform is left running: Main's System.exit ends it with the process, and a
    // caller that runs commands in-process (a test, next to other FX tests) may still need it.
    // The real image viewer, as the workbench shows it; it reads scans and masks on its own thread.
    ExecutorService io = Executors.newFixedThreadPool(2, Workbench.named("lcw-screenshot-viewer"));
    I18n i18n = new I18n(I18n.bundle(Locale.getDefault()));
    try (Store store = Store.open(db.db)) {
      ScreenshotRenderer.render(
          store,
          out,
          width,
          height,
          new ScreenshotRenderer.State(item, structure, m),
          s -> VolumeViewer.create(s, io, io, i18n));
    } finally {
      io.shutdownNow();
    }
    context.console().println("Wrote " + out.toAbsolutePath());
    return ExitCodes.OK;
  }
}
