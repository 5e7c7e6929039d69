package org.labelcritic.app.cli;

import java.io.PrintWriter;
import org.labelcritic.model.LabelCriticException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lcw}: the top of the command line. */
@Command(
    name = "lcw",
    mixinStandardHelpOptions = true,
    version = "LabelCritic Workbench 0.1.0",
    description = {
      "LabelCritic Workbench: review competing AI labels.",
      "Without a command, ./lcw opens the workbench on the bundled demo dataset."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:done, but something was skipped or reported",
      "2:wrong command line",
      "3:failed (file or database error); nothing partial was saved"
    },
    subcommands = {
      ImportCommand.class,
      StatusCommand.class,
      InspectCommand.class,
      ScreenshotCommand.class,
      DemoCommand.class,
      GuiCommand.class,
      CriticCommand.class,
      ExportCommand.class,
      AdoptCommand.class,
      ReportCommand.class,
      SessionCommand.class,
      AssignCommand.class,
      ReviewerCommand.class,
      StatsCommand.class
    })
public final class LcwCommand {
  private static final Logger LOG = LoggerFactory.getLogger(LcwCommand.class);

  /** Runs the command line and returns the exit code. */
  public static int run(CliContext context, String... args) {
    CommandLine cl = new CommandLine(new LcwCommand(), new Factory(context));
    PrintWriter out = context.console().out();
    PrintWriter err = context.console().err();
    cl.setUsageHelpWidth(100);
    cl.setOut(out);
    cl.setErr(err);
    // picocli prints only "Did you mean ...?" for an unknown word when it has a guess (often a poor
    // one); show the usage after every usage error, so the user always sees what is possible.
    cl.setParameterExceptionHandler(
        (e, badArgs) -> {
          CommandLine failed = e.getCommandLine();
          failed.getErr().println(e.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(e, failed.getErr());
          failed.usage(failed.getErr());
          return ExitCodes.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof LabelCriticException lce) {
            LOG.debug("{} failed", commandLine.getCommandName(), lce);
            context.console().error("error: " + lce.getMessage());
          } else {
            LOG.error("{} failed unexpectedly", commandLine.getCommandName(), e);
            context
                .console()
                .error("error: " + LabelCriticException.describe(e) + " (details in the log)");
          }
          return ExitCodes.FAILED;
        });
    return cl.execute(args);
  }

  /** Gives every command the shared context through its constructor. */
  private record Factory(CliContext context) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        var ctor = cls.getDeclaredConstructor(CliContext.class);
        ctor.setAccessible(true);
        return ctor.newInstance(context);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }
}
