package org.labelcritic.app.cli;

import picocli.CommandLine.Command;

/** {@code lcw import}: the parent of the importers. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Imports a dataset into a database: scans with competing labels, or form cells.",
    subcommands = {ImportVolumesCommand.class, ImportCellsCommand.class})
final class ImportCommand {}
