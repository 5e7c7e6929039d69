package org.labelcritic.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --db} option shared by the commands that work on a dataset database. */
final class DbOption {
  @Option(
      names = "--db",
      required = true,
      paramLabel = "FILE",
      description = "The dataset database (SQLite; created when it does not exist).")
  Path db;
}
