package org.labelcritic.app.cli;

import org.labelcritic.app.AppDirectories;

/** What every command gets: where to print and where the user's data lives. */
public record CliContext(Console console, AppDirectories dirs) {}
