package org.labelcritic.app.cli;

import picocli.CommandLine.Command;

/** {@code lcw critic}: the parent of the critic's commands. */
@Command(
    name = "critic",
    mixinStandardHelpOptions = true,
    description = "Runs and evaluates the critic.",
    subcommands = {
      CriticRunCommand.class,
      CriticTrainCommand.class,
      CriticEvalCommand.class,
      CriticEvalCodesCommand.class
    })
final class CriticCommand {}
