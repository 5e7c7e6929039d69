package org.labelcritic.app.cli;

import picocli.CommandLine.Command;

/** {@code lcw export}: the parent of the exporters. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Exports what a dataset database holds.",
    subcommands = {
      ExportVerdictsCommand.class,
      ExportDecisionsCommand.class,
      ExportCodesCommand.class,
      ExportLabelsCommand.class
    })
final class ExportCommand {}
