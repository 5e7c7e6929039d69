package org.labelcritic.app.cli;

import picocli.CommandLine.Command;

/** {@code lcw session}: offline session files. */
@Command(
    name = "session",
    header = "Exports a reviewer's work to a session file, or merges session files.",
    mixinStandardHelpOptions = true,
    description =
        "Offline sessions: a reviewer's decisions and edited masks travel in one .lcws file.",
    subcommands = {SessionExportCommand.class, SessionMergeCommand.class})
final class SessionCommand {}
